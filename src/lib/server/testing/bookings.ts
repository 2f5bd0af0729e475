/**
 * Appointments for tests, made by the real booking, reschedule and cancel services (the slot
 * check, the database guard, the audit row and the notices, in one transaction) instead of rows
 * written into tables. One place to follow if those services change their inputs.
 */
import type { Kysely } from 'kysely';
import { fixedClock, type Clock } from '../clock';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { bookByStaff, cancelByStaff, moveByStaff } from '../booking/staff-appointments.service';
import { getAvailability } from '../scheduling/availability.service';
import { staffActor, testCtx } from './test-context';

export const TEST_PATIENT = { firstName: 'Jamie', lastName: 'Rivera', email: 'jamie.rivera@example.com', phone: '617-555-0199', dateOfBirth: '1985-04-12' };

export type PatientFields = typeof TEST_PATIENT;
export type Booked = { id: string; startsAt: Date; providerId: string; manageToken: string };

/** The front desk of the demo clinic at `clock`'s time; `origin` makes the services write manage links. */
export async function frontDeskCtx(db: Kysely<DB>, clock: Clock, origin?: string): Promise<Ctx> {
	const ctx = testCtx(db, await staffActor(db, 'front_desk'), clock);
	return origin ? { ...ctx, config: { ...ctx.config, origin } } : ctx;
}

/** Books `service` at exactly `startsAt`, which must be a free published time of the provider. */
export async function bookAt(
	ctx: Ctx,
	startsAt: Date,
	options: { providerId: string; service?: string; patient?: PatientFields }
): Promise<Booked> {
	const { confirmation } = await bookByStaff(ctx, {
		service: options.service ?? 'dry-needling',
		providerId: options.providerId,
		start: startsAt.toISOString(),
		...(options.patient ?? TEST_PATIENT)
	});
	return { id: confirmation.id, startsAt: new Date(confirmation.startMs), providerId: confirmation.providerId, manageToken: confirmation.manageToken ?? '' };
}

/** Books the earliest free published time of `service` between two clinic dates (any provider). */
export async function bookFirstFree(
	ctx: Ctx,
	options: { from: string; to: string; service?: string; patient?: PatientFields }
): Promise<Booked> {
	const service = options.service ?? 'follow-up';
	const [slot] = (await getAvailability(ctx, { service, from: options.from, to: options.to })).slots;
	if (!slot) throw new Error(`no free ${service} time from ${options.from} to ${options.to}`);
	return bookAt(ctx, new Date(slot.start), { providerId: slot.providerId, service, ...(options.patient ? { patient: options.patient } : {}) });
}

/**
 * Gives each patient an earlier visit: a consultation in the week of 9 November 2026 (before
 * TEST_NOW), booked back then by the front desk, so the booking service lets them book a follow-up.
 */
export async function giveEarlierVisits(db: Kysely<DB>, patients: PatientFields[]): Promise<void> {
	const desk = await frontDeskCtx(db, fixedClock(new Date('2026-11-02T12:00:00Z')));
	for (const patient of patients) await bookFirstFree(desk, { from: '2026-11-09', to: '2026-11-13', service: 'initial-consultation', patient });
}

/** Moves an appointment to another free time of the same provider, as the clinic would. */
export async function moveAt(ctx: Ctx, id: string, startsAt: Date): Promise<void> {
	await moveByStaff(ctx, id, { start: startsAt.toISOString() });
}

/** Cancels as the clinic would (a patient calling). */
export async function cancelAt(ctx: Ctx, id: string): Promise<void> {
	await cancelByStaff(ctx, id, { requestedBy: 'patient', reason: 'The patient called to cancel.' });
}

/** The demo clinician Dr. Alex Chen (dry needling, weekdays 08:00–17:00 with lunch at 12:00, Saturday mornings). */
export async function alexId(db: Kysely<DB>): Promise<string> {
	return (await db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
}
