import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import { enqueueAppointmentNotices } from '../notifications/enqueue';
import { manageUrlFor } from './booking-api';
import type { DB } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { validationFailed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import type { Clinic } from '../clinic/clinic';
import { getClinic } from '../clinic/clinic.service';
import { findQualifiedProviders } from '../clinic/qualified-providers.repository';
import { matchOrInsertPatient } from '../patients/patient.repository';
import type { PatientDetails } from '../patients/patient';
import type { AvailableSlot } from '../scheduling/availability';
import { chooseProviders, searchSlots } from '../scheduling/availability.service';
import { type BookableService, NEEDLING_KINDS, findActiveServiceBySlug, listActiveServices } from '../scheduling/bookable-service';
import type { ResolvedServiceRules } from '../scheduling/schedule';
import { addDays, localDateOf, MS_PER_MINUTE } from '../scheduling/zoned-time';
import { evaluateScreening } from '../screening/evaluate';
import { verifyResultToken } from '../screening/result-token';
import type { AppointmentSource } from './appointment';
import { hasEarlierVisit, insertAppointment } from './appointment.repository';
import { ConsultationFirstError, SlotTakenError } from './booking-errors';
import { appointmentRequest } from './booking-input';
import { type IdempotencyClaim, idempotencyKeyHash, replayFor, requestFingerprint, saveAnswer } from './idempotency';
import { newManageToken } from './manage-token';
import { beginBookingChange } from './booking-version';
import { takeBookingLimits } from './booking-limits';
import { formsLinkForNewBooking } from '../intake/intake-jobs';
import { isOverlapViolation } from './overlap';

/** What a successful booking answers, and what a replay of it answers again. */
export type BookingConfirmation = {
	id: string;
	service: string;
	providerId: string;
	locationId: string;
	startMs: number;
	endMs: number;
	status: 'booked';
	/** The secret of the patient's manage link; only its hash is stored. */
	manageToken: string | null;
};

/** `timeZone` is the clinic's, for writing the times out. */
export type BookingOutcome = { confirmation: BookingConfirmation; replayed: boolean; timeZone: string };

export type IdempotencyInput = { scope: string; key: string };

/** Staff may book from now on (a caller for this afternoon) and further ahead than patients. */
export const STAFF_HORIZON_DAYS = 366;

/** Where a booking's appointment goes, once the slot is known. */
type Placement = {
	clinic: Clinic;
	service: BookableService;
	rules: ResolvedServiceRules;
	candidates: string[];
	startMs: number;
	source: AppointmentSource;
	patient: { details: PatientDetails } | { id: string };
	note: string;
	screening: string | null;
	checkNewPatient: boolean;
	withToken: boolean;
	idempotency: IdempotencyClaim | undefined;
};

function clinicDate(ms: number, zone: string): string {
	return localDateOf(ms, zone);
}

/**
 * The free slot at exactly `startMs` for the first candidate provider that has one, re-checked
 * against the database inside the booking transaction. When there is none, tells a time someone
 * else took (409) apart from a time that was never offered (422).
 */
async function claimSlot(trx: Kysely<DB>, p: Placement, nowMs: number): Promise<AvailableSlot> {
	const date = clinicDate(p.startMs, p.clinic.timeZone);
	const search = {
		clinicId: p.clinic.id,
		zone: p.clinic.timeZone,
		rules: p.rules,
		providerIds: p.candidates,
		fromDate: date,
		toDate: date,
		nowMs
	};
	const slot = (await searchSlots(trx, search)).find((s) => s.startMs === p.startMs);
	if (slot) return slot;
	const offered = (await searchSlots(trx, { ...search, ignoreBusy: true })).some((s) => s.startMs === p.startMs);
	if (offered) throw new SlotTakenError([]);
	throw validationFailed(
		{ start: 'This is not one of the times we offer for this service and provider. Choose a time from the list.' },
		'That time cannot be booked.'
	);
}

async function place(ctx: Ctx, p: Placement): Promise<BookingOutcome> {
	const now = ctx.clock.now();
	const secret = ctx.config.appSecret;
	try {
		return await writeTransaction(ctx.db, async (trx) => {
			// Locks in their one order: the request's idempotency key, then the audit chain and the
			// booking version (beginBookingChange), then rows (patient, appointment, jobs). A replay is
			// answered before anything is checked again: the stored answer stands even once its time
			// has passed. The slot search only reads, so it runs before the locks: a time already taken
			// is refused without queueing behind other bookings, and one taken meanwhile is caught by
			// the database guard at the insert.
			if (p.idempotency) {
				const replay = await replayFor<BookingConfirmation>(trx, p.idempotency, secret);
				if (replay) return { confirmation: replay.body, replayed: true, timeZone: p.clinic.timeZone };
			}
			if (p.startMs <= now.getTime()) {
				throw validationFailed({ start: 'This time has already passed. Choose a time from the list.' }, 'That time has passed.');
			}
			const slot = await claimSlot(trx, p, now.getTime());
			await beginBookingChange(trx);
			if (p.source !== 'staff' && 'details' in p.patient) await takeBookingLimits(ctx, trx, p.patient.details.email, p.clinic.phone);

			let patientId: string;
			if ('id' in p.patient) patientId = p.patient.id;
			else {
				const matched = await matchOrInsertPatient(trx, p.clinic.id, p.patient.details, now);
				patientId = matched.patient.id;
				if (p.checkNewPatient && p.service.newPatientsNeedConsultation) {
					if (matched.created || !(await hasEarlierVisit(trx, patientId, p.startMs))) {
						const consultation = (await listActiveServices(trx, p.clinic.id)).find((s) => s.kind === 'consultation' && s.bookableOnline);
						throw new ConsultationFirstError(consultation?.slug);
					}
				}
			}

			const id = randomUUID();
			const token = p.withToken ? newManageToken() : undefined;
			try {
				await insertAppointment(trx, {
					id,
					clinicId: p.clinic.id,
					serviceId: p.service.id,
					providerId: slot.providerId,
					locationId: slot.locationId,
					patientId,
					startMs: slot.startMs,
					endMs: slot.endMs,
					blockedFromMs: slot.startMs - p.rules.bufferBeforeMinutes * MS_PER_MINUTE,
					blockedUntilMs: slot.endMs + p.rules.bufferAfterMinutes * MS_PER_MINUTE,
					source: p.source,
					note: p.note,
					screening: p.screening,
					manageTokenHash: token?.hash ?? null,
					createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
					now
				});
			} catch (error) {
				// PostgreSQL: another transaction committed an overlapping appointment after our check.
				if (isOverlapViolation(error)) throw new SlotTakenError([]);
				throw error;
			}
			await recordAudit(
				{ ...ctx, db: trx },
				{ action: 'appointment.booked', entityType: 'appointment', entityId: id, patientId, detail: { source: p.source, serviceId: p.service.id } }
			);
			const formsUrl = await formsLinkForNewBooking(trx, ctx, { appointmentId: id, clinicId: p.clinic.id, patientId, startMs: slot.startMs, endMs: slot.endMs, now });
			await enqueueAppointmentNotices(trx, {
				appointmentId: id,
				change: 'booked',
				manageUrl: token && ctx.config.origin ? manageUrlFor(ctx.config.origin, token.token) : undefined,
				formsUrl,
				now
			});
			const confirmation: BookingConfirmation = {
				id,
				service: p.service.slug,
				providerId: slot.providerId,
				locationId: slot.locationId,
				startMs: slot.startMs,
				endMs: slot.endMs,
				status: 'booked',
				manageToken: token?.token ?? null
			};
			if (p.idempotency) await saveAnswer(trx, p.idempotency, 201, confirmation, secret, now);
			return { confirmation, replayed: false, timeZone: p.clinic.timeZone };
		});
	} catch (error) {
		if (isOverlapViolation(error)) throw new SlotTakenError(await nearestSlots(ctx, p));
		if (error instanceof SlotTakenError && error.alternatives.length === 0) throw new SlotTakenError(await nearestSlots(ctx, p));
		throw error;
	}
}

/** Up to `count` free times nearest to the one asked for, within three days either side. */
export async function nearestSlots(
	ctx: Ctx,
	p: Pick<Placement, 'clinic' | 'rules' | 'candidates' | 'startMs'>,
	count = 6
): Promise<AvailableSlot[]> {
	const date = clinicDate(p.startMs, p.clinic.timeZone);
	const slots = await searchSlots(ctx.db, {
		clinicId: p.clinic.id,
		zone: p.clinic.timeZone,
		rules: p.rules,
		providerIds: p.candidates,
		fromDate: addDays(date, -3),
		toDate: addDays(date, 3),
		nowMs: ctx.clock.now().getTime()
	});
	// One entry per time (first provider), nearest first, then shown in time order.
	const byStart = new Map<number, AvailableSlot>();
	for (const slot of slots) if (!byStart.has(slot.startMs)) byStart.set(slot.startMs, slot);
	return [...byStart.values()]
		.sort((a, b) => Math.abs(a.startMs - p.startMs) - Math.abs(b.startMs - p.startMs) || a.startMs - b.startMs)
		.slice(0, count)
		.sort((a, b) => a.startMs - b.startMs);
}

/**
 * The self-assessment carried into booking: verified, and the rules re-run on its answers rather
 * than trusting any recommendation sent along. A physician-first or not-suitable result bars the
 * needling services; the stored summary holds codes only.
 */
export function screeningForBooking(ctx: Ctx, token: string | undefined, service: BookableService): string | null {
	if (token === undefined || token === '') return null;
	const check = verifyResultToken(token, ctx.config.appSecret, ctx.clock.now());
	if (!check.valid) {
		throw validationFailed(
			{ assessment: 'Your self-assessment result has expired or could not be read. Book without it, or take the assessment again.' },
			'The self-assessment result could not be used.'
		);
	}
	const result = evaluateScreening(check.claims.answers);
	if (NEEDLING_KINDS.has(service.kind) && (result.recommendation === 'physician_first' || result.recommendation === 'not_suitable_for_needling')) {
		throw validationFailed(
			{
				service:
					result.recommendation === 'physician_first'
						? 'Your self-assessment suggests seeing a doctor before any needling, so this service cannot be booked online. Please call us.'
						: 'Your self-assessment suggests needling is not right for you, so this service cannot be booked online. Please call us.'
			},
			'This service cannot be booked with your self-assessment result.'
		);
	}
	return JSON.stringify({
		recommendation: result.recommendation,
		rulesetVersion: result.rulesetVersion,
		clinicianReview: result.clinicianReview,
		precautions: result.precautions.map((p) => p.code),
		answers: check.claims.answers
	});
}

function checkDateOfBirth(dateOfBirth: string, now: Date, zone: string): void {
	const today = localDateOf(now.getTime(), zone);
	if (dateOfBirth > today) throw validationFailed({ 'patient.dateOfBirth': 'Date of birth cannot be in the future.' });
	if (dateOfBirth < '1900-01-01') throw validationFailed({ 'patient.dateOfBirth': 'Check the year of your date of birth.' });
}

/**
 * A booking by a patient: the website's form (source 'online') or the JSON API ('api'). The
 * provider must be qualified for the service, the time must be a published slot, and "any"
 * becomes the first provider free at that time.
 */
export async function bookOnline(
	ctx: Ctx,
	raw: unknown,
	options: { source: 'online' | 'api'; idempotency?: IdempotencyInput }
): Promise<BookingOutcome> {
	const claim = options.idempotency && claimOf(options.idempotency, raw);
	const clinic = await getClinic(ctx);
	if (claim) {
		// Replay first: a retry of a request that was answered gets that answer, even when its time,
		// its assessment token or a limit would refuse it today (draft-ietf-httpapi-idempotency-key).
		const replay = await replayFor<BookingConfirmation>(ctx.db, claim, ctx.config.appSecret);
		if (replay) return { confirmation: replay.body, replayed: true, timeZone: clinic.timeZone };
	}
	const input = parseInput(appointmentRequest, raw);
	const service = await findActiveServiceBySlug(ctx.db, clinic.id, input.service);
	if (!service || !service.bookableOnline) {
		throw validationFailed({ service: 'No service with this name can be booked online.' }, 'Unknown service.');
	}
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	const candidates = chooseProviders(providers, input.providerId, 'providerId');
	checkDateOfBirth(input.patient.dateOfBirth, ctx.clock.now(), clinic.timeZone);
	const screening = screeningForBooking(ctx, input.assessment, service);
	return place(ctx, {
		clinic,
		service,
		rules: service.rules,
		candidates,
		startMs: input.start,
		source: options.source,
		patient: { details: input.patient },
		note: input.note,
		screening,
		checkNewPatient: true,
		withToken: true,
		idempotency: claim
	});
}

function claimOf(idempotency: IdempotencyInput, request: unknown): IdempotencyClaim {
	return { scope: idempotency.scope, keyHash: idempotencyKeyHash(idempotency.scope, idempotency.key), fingerprint: requestFingerprint(request) };
}

/** Staff rules: no minimum notice (a caller for later today) and a year ahead. */
export function staffRules(rules: ResolvedServiceRules): ResolvedServiceRules {
	return { ...rules, minNoticeMinutes: 0, horizonDays: STAFF_HORIZON_DAYS };
}

/** Used by staff booking (staff-appointments.service.ts), which authorizes first. */
export async function placeForStaff(
	ctx: Ctx,
	args: {
		clinic: Clinic;
		service: BookableService;
		candidates: string[];
		startMs: number;
		patient: { details: PatientDetails } | { id: string };
		note: string;
		idempotency?: IdempotencyInput;
		fingerprint: unknown;
	}
): Promise<BookingOutcome> {
	if ('details' in args.patient) checkDateOfBirth(args.patient.details.dateOfBirth, ctx.clock.now(), args.clinic.timeZone);
	return place(ctx, {
		clinic: args.clinic,
		service: args.service,
		rules: staffRules(args.service.rules),
		candidates: args.candidates,
		startMs: args.startMs,
		source: 'staff',
		patient: args.patient,
		note: args.note,
		screening: null,
		checkNewPatient: false,
		withToken: true,
		idempotency: args.idempotency && claimOf(args.idempotency, args.fingerprint)
	});
}
