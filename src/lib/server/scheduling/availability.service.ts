import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { validationFailed } from '../errors';
import { parseInput } from '../validation';
import { getClinic } from '../clinic/clinic.service';
import { findQualifiedProviders, type PublicProvider } from '../clinic/qualified-providers.repository';
import { type AvailableSlot, computeAvailability } from './availability';
import { availabilityParams, toAvailabilityResponse, type AvailabilityResponse } from './availability-api';
import { findActiveServiceBySlug, type BookableService } from './bookable-service';
import type { ResolvedServiceRules } from './schedule';
import { loadBusy, loadSchedule } from './schedule.repository';
import { TTL_MS, availabilityCache } from './availability-cache';
import { readBookingVersion } from '../booking/booking-version';
import type { AvailabilityParams } from './availability-api';
import { MS_PER_MINUTE } from './zoned-time';

const MS_PER_DAY = 86_400_000;

export type SlotSearch = {
	clinicId: string;
	zone: string;
	rules: ResolvedServiceRules;
	providerIds: readonly string[];
	fromDate: string;
	toDate: string;
	nowMs: number;
	locationId?: string;
	/** Leave this appointment's own span out (moving an appointment may overlap where it was). */
	exceptAppointmentId?: string;
	/** Slots as if nobody had booked anything: tells "taken" apart from "never offered". */
	ignoreBusy?: boolean;
};

/**
 * Loads schedules and busy spans for the providers and dates and runs the pure engine. Five
 * queries whatever the range; `db` may be a transaction, so booking re-checks with the same code
 * the patient's list came from.
 */
export async function searchSlots(db: Kysely<DB>, search: SlotSearch): Promise<AvailableSlot[]> {
	if (search.providerIds.length === 0) return [];
	const schedule = await loadSchedule(db, search.clinicId, search.providerIds, search.fromDate, search.toDate);
	// Two days either side of the UTC dates covers any zone offset plus the largest buffer.
	const windowStart = Date.parse(`${search.fromDate}T00:00:00Z`) - 2 * MS_PER_DAY;
	const windowEnd = Date.parse(`${search.toDate}T00:00:00Z`) + 3 * MS_PER_DAY;
	const busy = search.ignoreBusy
		? []
		: await loadBusy(db, search.providerIds, windowStart, windowEnd, search.exceptAppointmentId);
	return computeAvailability({
		schedule,
		service: search.rules,
		appointments: busy,
		query: {
			zone: search.zone,
			fromDate: search.fromDate,
			toDate: search.toDate,
			nowMs: search.nowMs,
			providers: search.providerIds,
			...(search.locationId ? { locationId: search.locationId } : {})
		}
	});
}

export type ServiceProviders = { service: BookableService; providers: PublicProvider[] };

/** An active service bookable online, with its qualified providers; unknown slugs are a field error. */
export async function onlineServiceWithProviders(ctx: Ctx, clinicId: string, slug: string): Promise<ServiceProviders> {
	const service = await findActiveServiceBySlug(ctx.db, clinicId, slug);
	if (!service || !service.bookableOnline) {
		throw validationFailed({ service: 'No service with this name can be booked online.' }, 'Unknown service.');
	}
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	return { service, providers };
}

/** The providers asked for: one (which must be qualified) or all qualified ones. */
export function chooseProviders(providers: readonly PublicProvider[], providerId: string | undefined, field = 'provider'): string[] {
	if (providerId === undefined || providerId === 'any') return providers.map((p) => p.id);
	if (!providers.some((p) => p.id === providerId)) {
		throw validationFailed({ [field]: 'This provider does not offer this service. Choose one from the list.' }, 'Unknown provider.');
	}
	return [providerId];
}

async function compute(ctx: Ctx, params: AvailabilityParams, nowMs: number): Promise<{ response: AvailabilityResponse; validUntil: number }> {
	const clinic = await getClinic(ctx);
	const { service, providers } = await onlineServiceWithProviders(ctx, clinic.id, params.service);
	const providerIds = chooseProviders(providers, params.provider);
	const slots = await searchSlots(ctx.db, {
		clinicId: clinic.id,
		zone: clinic.timeZone,
		rules: service.rules,
		providerIds,
		fromDate: params.from,
		toDate: params.to,
		nowMs
	});
	// The earliest slot is the first to fall inside the minimum notice as time passes.
	const first = slots[0];
	const expires = first ? first.startMs - service.rules.minNoticeMinutes * MS_PER_MINUTE : Number.POSITIVE_INFINITY;
	return { response: toAvailabilityResponse(slots, clinic.timeZone), validUntil: Math.min(nowMs + TTL_MS, expires) };
}

/** GET /api/v1/availability: published slots for a service, by the clinic's calendar days. */
export async function getAvailability(ctx: Ctx, raw: unknown): Promise<AvailabilityResponse> {
	const params = parseInput(availabilityParams, raw);
	return (await compute(ctx, params, ctx.clock.now().getTime())).response;
}

/**
 * The same answer as JSON text, reused while nothing that frees or takes a slot has happened
 * (the booking version read first, so a change committed while computing makes the next request
 * recompute rather than trust this one).
 */
export async function getAvailabilityJson(ctx: Ctx, raw: unknown): Promise<string> {
	const params = parseInput(availabilityParams, raw);
	const key = JSON.stringify([params.service, params.from, params.to, params.provider ?? '']);
	const version = await readBookingVersion(ctx.db);
	const nowMs = ctx.clock.now().getTime();
	const cached = availabilityCache.get(key, version, nowMs);
	if (cached !== undefined) return cached;
	const { response, validUntil } = await compute(ctx, params, nowMs);
	const json = JSON.stringify(response);
	availabilityCache.set(key, { version, json, validUntil });
	return json;
}
