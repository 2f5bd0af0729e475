import type { Ctx } from '../context';
import { enqueueAppointmentNotices } from '../notifications/enqueue';
import { manageUrlFor } from './booking-api';
import { writeTransaction } from '../db/write-transaction';
import { DomainError, notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import type { Clinic } from '../clinic/clinic';
import { getClinic } from '../clinic/clinic.service';
import { findQualifiedProviders } from '../clinic/qualified-providers.repository';
import { chooseProviders, searchSlots } from '../scheduling/availability.service';
import { findServiceById, type BookableService } from '../scheduling/bookable-service';
import { localDateOf, MS_PER_MINUTE } from '../scheduling/zoned-time';
import type { Appointment } from './appointment';
import { cancellationNoticeHours } from '../clinic/clinic.repository';
import { expectedStateOf, findAppointment, findAppointmentByTokenHash, markCancelled, moveAppointment } from './appointment.repository';
import { withNames, type AppointmentDetails } from './appointment-view';
import { appointmentChanged, SlotTakenError, tooLateToChange } from './booking-errors';
import { nearestSlots } from './booking.service';
import { rescheduleRequest } from './booking-input';
import { hashManageToken, isManageTokenShape } from './manage-token';
import { isOverlapViolation } from './overlap';
import { beginBookingChange } from './booking-version';
import { takeChangeLimits } from './booking-limits';
import { findPatient } from '../patients/patient.repository';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

const MS_PER_HOUR = 3_600_000;

/** What the patient's manage page (and the API) may do with an appointment right now. */
export type ManagedAppointment = {
	appointment: AppointmentDetails;
	clinic: Clinic;
	/** Cancelling and rescheduling online are open until this instant. */
	changeableUntil: Date;
	canChange: boolean;
	noticeHours: number;
};

const noticeHoursOf = (ctx: Ctx, clinicId: string) => cancellationNoticeHours(ctx.db, clinicId);

/**
 * The appointment a manage token belongs to. The link stops working once the appointment is over;
 * a wrong, stale or malformed token and an unknown id all look the same from outside.
 */
async function resolve(ctx: Ctx, token: unknown, id?: string): Promise<{ appointment: Appointment; clinic: Clinic; noticeHours: number }> {
	if (!isManageTokenShape(token)) throw notFound('appointment');
	const appointment = await findAppointmentByTokenHash(ctx.db, hashManageToken(token));
	if (!appointment || (id !== undefined && appointment.id !== id)) throw notFound('appointment');
	if (appointment.endsAt.getTime() <= ctx.clock.now().getTime()) throw notFound('appointment');
	const clinic = await getClinic(ctx);
	if (clinic.id !== appointment.clinicId) throw notFound('appointment');
	return { appointment, clinic, noticeHours: await noticeHoursOf(ctx, clinic.id) };
}

function changeWindow(appointment: Appointment, noticeHours: number, now: Date) {
	const changeableUntil = new Date(appointment.startsAt.getTime() - noticeHours * MS_PER_HOUR);
	return { changeableUntil, canChange: appointment.status === 'booked' && now.getTime() <= changeableUntil.getTime() };
}

export async function getManagedAppointment(ctx: Ctx, token: unknown): Promise<ManagedAppointment> {
	const { appointment, clinic, noticeHours } = await resolve(ctx, token);
	return { appointment: await withNames(ctx.db, appointment), clinic, noticeHours, ...changeWindow(appointment, noticeHours, ctx.clock.now()) };
}

/** The limits on changes made through the manage link, counted against the patient's inbox. */
async function takeLinkLimits(ctx: Ctx, trx: Kysely<DB>, appointment: Appointment, clinic: Clinic): Promise<void> {
	const patient = await findPatient(trx, appointment.clinicId, appointment.patientId);
	await takeChangeLimits(ctx, trx, patient?.email ?? appointment.patientId, clinic.phone);
}

/**
 * Cancels by the patient's link. Cancelling twice answers with the same cancelled appointment, also
 * when two presses race; a cancel that lost to a move (or any other change) does nothing: 409.
 */
export async function cancelByToken(ctx: Ctx, token: unknown, id?: string): Promise<ManagedAppointment> {
	const { appointment, clinic, noticeHours } = await resolve(ctx, token, id);
	if (appointment.status !== 'cancelled') {
		const now = ctx.clock.now();
		if (appointment.status !== 'booked') throw notFound('appointment');
		if (!changeWindow(appointment, noticeHours, now).canChange) throw tooLateToChange(noticeHours, clinic.phone);
		const expected = expectedStateOf(appointment);
		await writeTransaction(ctx.db, async (trx) => {
			await beginBookingChange(trx);
			if (!(await markCancelled(trx, appointment.id, { late: false, by: 'patient', reason: null }, expected, now))) {
				const current = await findAppointment(trx, appointment.clinicId, appointment.id);
				const sameCancel = current?.status === 'cancelled' && current.sequence === expected.sequence + 1 && current.startsAt.getTime() === expected.startsAt.getTime();
				if (sameCancel) return;
				throw appointmentChanged();
			}
			await takeLinkLimits(ctx, trx, appointment, clinic);
			await recordAudit(
				{ ...ctx, db: trx },
				{ action: 'appointment.cancelled', entityType: 'appointment', entityId: appointment.id, patientId: appointment.patientId, detail: { by: 'patient', late: false } }
			);
			await enqueueAppointmentNotices(trx, { appointmentId: appointment.id, change: 'cancelled', now });
		});
	}
	return getManagedAppointment(ctx, token);
}

/**
 * Moves the appointment to another published slot (same service; any qualified provider). The
 * old time must still be outside the cancellation window; the new one follows the service's
 * usual notice and horizon. The appointment's own span does not block its new time.
 */
export async function rescheduleByToken(ctx: Ctx, token: unknown, raw: unknown, id?: string): Promise<ManagedAppointment> {
	const input = parseInput(rescheduleRequest, raw);
	const { appointment, clinic, noticeHours } = await resolve(ctx, token ?? input.token, id);
	const now = ctx.clock.now();
	if (!changeWindow(appointment, noticeHours, now).canChange) {
		// A conflict with the appointment's state (409), like a cancel that won the race against this move.
		if (appointment.status !== 'booked') throw new DomainError('conflict', 'This appointment is cancelled, so it cannot be moved. Please book a new one instead.');
		throw tooLateToChange(noticeHours, clinic.phone);
	}
	const service = await findServiceById(ctx.db, clinic.id, appointment.serviceId);
	if (!service) throw notFound('appointment');
	const providers = (await findQualifiedProviders(ctx.db, [service.id])).get(service.id) ?? [];
	const candidates = chooseProviders(providers, input.providerId, 'providerId');
	const rawToken = typeof (token ?? input.token) === 'string' ? String(token ?? input.token) : undefined;
	const manageUrl = rawToken && ctx.config.origin ? manageUrlFor(ctx.config.origin, rawToken) : undefined;
	await moveTo(ctx, { clinic, service, appointment, candidates, startMs: input.start, rules: service.rules, by: 'patient', manageUrl });
	return getManagedAppointment(ctx, token ?? input.token);
}

/** Shared by patient and staff moves: re-check the slot in the transaction, then update. */
export async function moveTo(
	ctx: Ctx,
	m: {
		clinic: Clinic;
		service: BookableService;
		appointment: Appointment;
		candidates: string[];
		startMs: number;
		rules: BookableService['rules'];
		by: 'patient' | 'staff';
		/** The patient's manage link, known only when they act through it. */
		manageUrl?: string;
	}
): Promise<void> {
	const now = ctx.clock.now();
	if (m.startMs <= now.getTime()) throw validationFailed({ start: 'This time has already passed. Choose a time from the list.' }, 'That time has passed.');
	const date = localDateOf(m.startMs, m.clinic.timeZone);
	const search = {
		clinicId: m.clinic.id,
		zone: m.clinic.timeZone,
		rules: m.rules,
		providerIds: m.candidates,
		fromDate: date,
		toDate: date,
		nowMs: now.getTime(),
		exceptAppointmentId: m.appointment.id
	};
	try {
		await writeTransaction(ctx.db, async (trx) => {
			// Reads first, then the locks in their one order (see beginBookingChange), then the row.
			const slot = (await searchSlots(trx, search)).find((s) => s.startMs === m.startMs);
			if (!slot) {
				const offered = (await searchSlots(trx, { ...search, ignoreBusy: true })).some((s) => s.startMs === m.startMs);
				if (offered) throw new SlotTakenError([]);
				throw validationFailed({ start: 'This is not one of the times we offer for this service and provider. Choose a time from the list.' }, 'That time cannot be booked.');
			}
			await beginBookingChange(trx);
			let moved: boolean;
			try {
				moved = await moveAppointment(
					trx,
					m.appointment.id,
					{
						providerId: slot.providerId,
						locationId: slot.locationId,
						startMs: slot.startMs,
						endMs: slot.endMs,
						blockedFromMs: slot.startMs - m.rules.bufferBeforeMinutes * MS_PER_MINUTE,
						blockedUntilMs: slot.endMs + m.rules.bufferAfterMinutes * MS_PER_MINUTE
					},
					expectedStateOf(m.appointment),
					now
				);
			} catch (error) {
				if (isOverlapViolation(error)) throw new SlotTakenError([]);
				throw error;
			}
			// Cancelled, moved or marked since it was read: a move must never revive or re-move it.
			if (!moved) throw appointmentChanged();
			if (m.by === 'patient') await takeLinkLimits(ctx, trx, m.appointment, m.clinic);
			await recordAudit(
				{ ...ctx, db: trx },
				{ action: 'appointment.rescheduled', entityType: 'appointment', entityId: m.appointment.id, patientId: m.appointment.patientId, detail: { by: m.by } }
			);
			// The patient's own link goes into the change email when they moved it themselves.
			await enqueueAppointmentNotices(trx, { appointmentId: m.appointment.id, change: 'rescheduled', manageUrl: m.manageUrl, now });
		});
	} catch (error) {
		if (error instanceof SlotTakenError || isOverlapViolation(error)) {
			throw new SlotTakenError(await nearestSlots(ctx, { clinic: m.clinic, rules: m.rules, candidates: m.candidates, startMs: m.startMs }));
		}
		throw error;
	}
}

/**
 * GET /api/v1/appointments/{id}: the appointment its manage token belongs to. A wrong token and a
 * wrong id answer the same not-found; a successful read is audited like any patient-data access.
 */
export async function viewByToken(ctx: Ctx, token: unknown, id: string): Promise<ManagedAppointment> {
	const { appointment, clinic, noticeHours } = await resolve(ctx, token, id);
	await recordAudit(ctx, {
		action: 'appointment.viewed',
		entityType: 'appointment',
		entityId: appointment.id,
		patientId: appointment.patientId,
		detail: { by: 'patient' }
	});
	return { appointment: await withNames(ctx.db, appointment), clinic, noticeHours, ...changeWindow(appointment, noticeHours, ctx.clock.now()) };
}
