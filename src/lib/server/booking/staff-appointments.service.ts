import { z } from 'zod';
import type { Ctx } from '../context';
import { enqueueAppointmentNotices } from '../notifications/enqueue';
import { authorize, can } from '../auth/policy';
import { writeTransaction } from '../db/write-transaction';
import { DomainError, notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import type { Clinic } from '../clinic/clinic';
import { getClinic } from '../clinic/clinic.service';
import { cancellationNoticeHours } from '../clinic/clinic.repository';
import { findQualifiedProviders, type PublicProvider } from '../clinic/qualified-providers.repository';
import { findPatient } from '../patients/patient.repository';
import type { Patient } from '../patients/patient';
import { chooseProviders } from '../scheduling/availability.service';
import { findActiveServiceBySlug, findServiceById, listActiveServices, type BookableService } from '../scheduling/bookable-service';
import { rfc3339Instant } from '../scheduling/rfc3339';
import { addDays, isLocalDate, localDateOf, localDay } from '../scheduling/zoned-time';
import { bookingNote, patientDetailsSchema, serviceSlug } from '../../shared/booking.schema';
import { VISIT_STATUSES, type Appointment, type VisitStatus } from './appointment';
import {
	expectedStateOf,
	findAppointment,
	listCalendar,
	markCancelled,
	setAppointmentStatus,
	type CalendarEntry
} from './appointment.repository';
import { appointmentChanged } from './booking-errors';
import { withNames, type AppointmentDetails } from './appointment-view';
import { placeForStaff, staffRules, type BookingOutcome } from './booking.service';
import { moveTo } from './manage.service';
import { beginBookingChange } from './booking-version';
import { timesPage, type TimesPage } from './time-pages';
import { findCarriedScreening, type ScreeningSummary } from './carried-screening.repository';
import { listCalendarChoices } from '../scheduling/schedule-admin.repository';

/**
 * The clinic's side of booking: the calendar, booking for a caller, moving, cancelling and marking
 * visits. Policy first in every function; each read of patient data is audited, with the
 * patient's id when it concerns one patient.
 */

const MS_PER_HOUR = 3_600_000;

export type CalendarQuery = { view: 'day' | 'week'; date: string; providerId?: string; locationId?: string };

export type CalendarDay = { date: string; startMs: number; entries: CalendarEntry[] };

export type Calendar = {
	clinic: Clinic;
	query: CalendarQuery;
	days: CalendarDay[];
	previous: string;
	next: string;
	today: string;
	providers: { id: string; name: string }[];
	locations: { id: string; name: string }[];
};

/** Reads ?view=&date=&provider=&location=, falling back to today's day view for anything odd. */
export function calendarQuery(params: URLSearchParams, today: string): CalendarQuery {
	const date = params.get('date') ?? '';
	const provider = params.get('provider') ?? '';
	const location = params.get('location') ?? '';
	return {
		view: params.get('view') === 'week' ? 'week' : 'day',
		date: isLocalDate(date) ? date : today,
		...(provider ? { providerId: provider.slice(0, 100) } : {}),
		...(location ? { locationId: location.slice(0, 100) } : {})
	};
}

function distinct(ids: string[]): string[] {
	return [...new Set(ids)];
}

/** Monday of the ISO week containing `date`. */
function mondayOf(date: string, zone: string): string {
	const weekday = localDay(zone, date).weekday;
	return addDays(date, 1 - weekday);
}

export async function getCalendar(ctx: Ctx, query: CalendarQuery): Promise<Calendar> {
	authorize(ctx.actor, 'appointment:read');
	const clinic = await getClinic(ctx);
	const zone = clinic.timeZone;
	const first = query.view === 'week' ? mondayOf(query.date, zone) : query.date;
	const count = query.view === 'week' ? 7 : 1;
	const dayList = Array.from({ length: count }, (_, i) => localDay(zone, addDays(first, i)));
	const entries = await listCalendar(ctx.db, clinic.id, dayList[0]!.startMs, dayList.at(-1)!.endMs, {
		...(query.providerId ? { providerId: query.providerId } : {}),
		...(query.locationId ? { locationId: query.locationId } : {}),
		includeCancelled: true
	});
	const { providers, locations } = await listCalendarChoices(ctx.db, clinic.id);
	await recordAudit(ctx, {
		action: 'calendar.viewed',
		entityType: 'calendar',
		detail: {
			from: first,
			days: count,
			provider: query.providerId ?? null,
			location: query.locationId ?? null,
			appointments: entries.length,
			// Who was on screen, so the trail can answer "who saw this patient's name".
			patients: distinct(entries.map((e) => e.patientId))
		}
	});
	return {
		clinic,
		query,
		days: dayList.map((d) => ({ date: d.date, startMs: d.startMs, entries: entries.filter((e) => e.startsAt.getTime() >= d.startMs && e.startsAt.getTime() < d.endMs) })),
		previous: addDays(first, -count),
		next: addDays(first, count),
		today: localDateOf(ctx.clock.now().getTime(), zone),
		providers,
		locations
	};
}

export type StaffAppointment = {
	/** Clinicians only; null for everyone else, whatever the appointment holds. */
	screening: ScreeningSummary | null;
	appointment: AppointmentDetails;
	patient: Patient;
	clinic: Clinic;
	/** Staff cancelling now would be inside the patient's notice period: marked late. */
	lateIfCancelledNow: boolean;
	started: boolean;
};

async function loadAppointment(ctx: Ctx, id: string): Promise<{ appointment: Appointment; clinic: Clinic }> {
	const clinic = await getClinic(ctx);
	const appointment = await findAppointment(ctx.db, clinic.id, id);
	if (!appointment) throw notFound('appointment');
	return { appointment, clinic };
}

async function noticeHours(ctx: Ctx, clinicId: string): Promise<number> {
	return cancellationNoticeHours(ctx.db, clinicId);
}

export async function getStaffAppointment(ctx: Ctx, id: string): Promise<StaffAppointment> {
	authorize(ctx.actor, 'appointment:read');
	const { appointment, clinic } = await loadAppointment(ctx, id);
	const patient = await findPatient(ctx.db, clinic.id, appointment.patientId);
	if (!patient) throw notFound('appointment');
	await recordAudit(ctx, { action: 'appointment.viewed', entityType: 'appointment', entityId: id, patientId: patient.id });
	const now = ctx.clock.now().getTime();
	return {
		screening: can(ctx.actor, 'appointment:read_screening') ? await findCarriedScreening(ctx.db, clinic.id, id) : null,
		appointment: await withNames(ctx.db, appointment),
		patient,
		clinic,
		lateIfCancelledNow: appointment.startsAt.getTime() - now < (await noticeHours(ctx, clinic.id)) * MS_PER_HOUR,
		started: appointment.startsAt.getTime() <= now
	};
}

/** Free times to move a booked appointment to: same service and provider, the staff rules. */
export async function staffMoveTimes(ctx: Ctx, view: StaffAppointment, week: string | undefined): Promise<TimesPage | null> {
	authorize(ctx.actor, 'appointment:manage');
	const a = view.appointment;
	if (a.status !== 'booked') return null;
	const service = await findServiceById(ctx.db, view.clinic.id, a.serviceId);
	return service ? timesPage(ctx, view.clinic, staffRules(service.rules), [a.providerId], week, a.id) : null;
}

/**
 * A visit's status: arrived, completed, a no-show (only once it has started), or back to booked.
 * Applied only if the status is still the one read, so a change made meanwhile (a cancellation
 * above all) is never overwritten: 409 instead.
 */
export async function setVisitStatus(ctx: Ctx, id: string, status: VisitStatus): Promise<void> {
	authorize(ctx.actor, 'appointment:manage');
	if (!VISIT_STATUSES.includes(status)) throw validationFailed({ status: 'Choose a status.' });
	const { appointment } = await loadAppointment(ctx, id);
	if (appointment.status === 'cancelled') throw new DomainError('conflict', 'This appointment is cancelled.');
	if (status === 'no_show' && appointment.startsAt.getTime() > ctx.clock.now().getTime()) {
		throw new DomainError('conflict', 'A no-show can only be marked once the appointment has started.');
	}
	await writeTransaction(ctx.db, async (trx) => {
		if (!(await setAppointmentStatus(trx, id, appointment.status, status, ctx.clock.now()))) throw appointmentChanged();
		await recordAudit(
			{ ...ctx, db: trx },
			{ action: 'appointment.status_changed', entityType: 'appointment', entityId: id, patientId: appointment.patientId, detail: { from: appointment.status, to: status } }
		);
	});
}

/** Who asked, and why: required before staff cancel (the review step of the appointment page). */
export const staffCancelInput = z.object({
	requestedBy: z.enum(['patient', 'clinic'], { error: 'Say who asked for the cancellation.' }),
	reason: z
		.string({ error: 'Give the reason for the cancellation.' })
		.trim()
		.min(3, 'Give the reason for the cancellation (at least 3 characters).')
		.max(500, 'Keep the reason under 500 characters.')
});

/**
 * Cancelled by the clinic's staff, after a review step naming who asked and why (stored on the
 * appointment). Only a patient's own cancellation inside the notice period is marked late; when
 * the clinic cancels (a clinician off sick, a closure) it never is.
 */
export async function cancelByStaff(ctx: Ctx, id: string, raw: unknown): Promise<{ late: boolean }> {
	authorize(ctx.actor, 'appointment:manage');
	const input = parseInput(staffCancelInput, raw);
	const { appointment, clinic } = await loadAppointment(ctx, id);
	if (appointment.status === 'cancelled') return { late: appointment.lateCancellation };
	if (appointment.status !== 'booked') throw new DomainError('conflict', 'Only a booked appointment can be cancelled.');
	const now = ctx.clock.now();
	const insideNotice = appointment.startsAt.getTime() - now.getTime() < (await noticeHours(ctx, clinic.id)) * MS_PER_HOUR;
	const late = input.requestedBy === 'patient' && insideNotice;
	await writeTransaction(ctx.db, async (trx) => {
		await beginBookingChange(trx);
		const cancelled = await markCancelled(trx, id, { late, by: input.requestedBy, reason: input.reason }, expectedStateOf(appointment), now);
		if (!cancelled) throw appointmentChanged();
		// The reason is free text (it may name a condition): it stays on the appointment, not in the audit trail.
		await recordAudit(
			{ ...ctx, db: trx },
			{ action: 'appointment.cancelled', entityType: 'appointment', entityId: id, patientId: appointment.patientId, detail: { by: 'staff', requestedBy: input.requestedBy, late } }
		);
		await enqueueAppointmentNotices(trx, { appointmentId: id, change: 'cancelled', now });
	});
	return { late };
}

const moveInput = z.object({ start: rfc3339Instant, providerId: z.string().min(1).max(100).optional() });

/** Moves to a free slot of the same service, same or another qualified provider; staff rules. */
export async function moveByStaff(ctx: Ctx, id: string, raw: unknown): Promise<void> {
	authorize(ctx.actor, 'appointment:manage');
	const input = parseInput(moveInput, raw);
	const { appointment, clinic } = await loadAppointment(ctx, id);
	if (appointment.status !== 'booked') throw new DomainError('conflict', 'Only a booked appointment can be moved.');
	const service = await findServiceById(ctx.db, clinic.id, appointment.serviceId);
	if (!service) throw notFound('appointment');
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	const candidates = chooseProviders(providers, input.providerId ?? appointment.providerId, 'providerId');
	await moveTo(ctx, { clinic, service, appointment, candidates, startMs: input.start, rules: staffRules(service.rules), by: 'staff' });
}

export type StaffBookingOptions = {
	clinic: Clinic;
	services: BookableService[];
	service: BookableService;
	providers: PublicProvider[];
	patient: Patient | undefined;
};

/** What the "new appointment" page offers: every active service (not only online ones). */
export async function staffBookingOptions(ctx: Ctx, params: { service?: string; patientId?: string }): Promise<StaffBookingOptions> {
	authorize(ctx.actor, 'appointment:manage');
	const clinic = await getClinic(ctx);
	const services = await listActiveServices(ctx.db, clinic.id);
	const service = services.find((s) => s.slug === params.service) ?? services[0];
	if (!service) throw new DomainError('not_found', 'Add a service before booking.');
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	let patient: Patient | undefined;
	if (params.patientId) {
		patient = await findPatient(ctx.db, clinic.id, params.patientId);
		if (patient) await recordAudit(ctx, { action: 'patient.viewed', entityType: 'patient', entityId: patient.id, patientId: patient.id, detail: { for: 'booking' } });
	}
	return { clinic, services, service, providers, patient: patient && !patient.mergedIntoId ? patient : undefined };
}

const staffBookingInput = z.object({
	service: serviceSlug,
	providerId: z.string({ error: 'Choose a provider.' }).min(1, 'Choose a provider.').max(100),
	start: rfc3339Instant,
	patientId: z.string().max(100).optional(),
	note: bookingNote,
	submission: z.string().max(100).optional()
});

/**
 * Books for a caller: the same slot check and database guard as online booking, without the
 * minimum notice or the consultation-first rule (staff talk to the patient). The patient is an
 * existing record (patientId) or typed details, matched by email and date of birth.
 */
export async function bookByStaff(ctx: Ctx, raw: Record<string, unknown>): Promise<BookingOutcome> {
	authorize(ctx.actor, 'appointment:manage');
	const input = parseInput(staffBookingInput, raw);
	const clinic = await getClinic(ctx);
	const service = await findActiveServiceBySlug(ctx.db, clinic.id, input.service);
	if (!service) throw validationFailed({ service: 'Choose a service from the list.' });
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	const candidates = chooseProviders(providers, input.providerId, 'providerId');
	let patient: { id: string } | { details: z.output<typeof patientDetailsSchema> };
	if (input.patientId) {
		const found = await findPatient(ctx.db, clinic.id, input.patientId);
		if (!found || found.mergedIntoId) throw validationFailed({ patientId: 'That patient record was not found.' });
		patient = { id: found.id };
	} else {
		const details = patientDetailsSchema.safeParse(raw);
		if (!details.success) {
			const errors: Record<string, string> = {};
			for (const issue of details.error.issues) errors[String(issue.path[0])] ??= issue.message;
			throw validationFailed(errors);
		}
		patient = { details: details.data };
	}
	return placeForStaff(ctx, {
		clinic,
		service,
		candidates,
		startMs: input.start,
		patient,
		note: input.note,
		fingerprint: { ...input, ...('details' in patient ? patient.details : {}) },
		...(input.submission ? { idempotency: { scope: `staff:book:${ctx.actor.kind === 'staff' ? ctx.actor.staffId : ''}`, key: input.submission } } : {})
	});
}
