/**
 * Appointments written straight into the database for notification tests: the booking service
 * lives on another branch, and these tests are about what happens after a booking commits.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppointmentStatus, DB } from '../db/schema';
import { writeTransaction } from '../db/write-transaction';
import { enqueueAppointmentNotices } from './enqueue';
import type { AppointmentChange } from './notice-keys';

export type DemoIds = { clinic: string; service: string; provider: string; location: string; patient: string };

/** Ids from the seeded demo clinic plus one patient (created once per database). */
export async function demoIds(db: Kysely<DB>, patientEmail = 'jamie.rivera@example.com'): Promise<DemoIds> {
	const clinic = (await db.selectFrom('clinic').select('id').executeTakeFirstOrThrow()).id;
	const service = (await db.selectFrom('service').select('id').where('slug', '=', 'dry-needling').executeTakeFirstOrThrow()).id;
	const provider = (await db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
	const location = (await db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
	let patient = (await db.selectFrom('patient').select('id').where('email', '=', patientEmail).executeTakeFirst())?.id;
	if (!patient) {
		patient = randomUUID();
		const now = new Date('2026-01-01T00:00:00Z').toISOString();
		await db
			.insertInto('patient')
			.values({ id: patient, clinicId: clinic, firstName: 'Jamie', lastName: 'Rivera', email: patientEmail, phone: '617-555-0199', dateOfBirth: '1985-04-12', mergedIntoId: null, createdAt: now, updatedAt: now })
			.execute();
	}
	return { clinic, service, provider, location, patient };
}

const MINUTE = 60_000;

/** Books like the booking service will: the row and its notices in one transaction. */
export async function bookAppointment(
	db: Kysely<DB>,
	ids: DemoIds,
	options: { startsAt: Date; minutes?: number; now: Date; manageUrl?: string; provider?: string }
): Promise<string> {
	const id = randomUUID();
	const end = new Date(options.startsAt.getTime() + (options.minutes ?? 30) * MINUTE);
	await writeTransaction(db, async (trx) => {
		await trx
			.insertInto('appointment')
			.values({
				id,
				clinicId: ids.clinic,
				serviceId: ids.service,
				providerId: options.provider ?? ids.provider,
				locationId: ids.location,
				patientId: ids.patient,
				startsAt: options.startsAt.toISOString(),
				endsAt: end.toISOString(),
				blockedFrom: options.startsAt.toISOString(),
				blockedUntil: end.toISOString(),
				source: 'online',
				manageTokenHash: randomUUID(),
				createdAt: options.now.toISOString(),
				updatedAt: options.now.toISOString()
			})
			.execute();
		await enqueueAppointmentNotices(trx, { appointmentId: id, change: 'booked', ...(options.manageUrl ? { manageUrl: options.manageUrl } : {}) });
	});
	return id;
}

/** Moves or cancels like the reschedule and cancel services will: new sequence, same transaction. */
export async function changeAppointment(
	db: Kysely<DB>,
	id: string,
	change: Exclude<AppointmentChange, 'booked'>,
	options: { now: Date; startsAt?: Date; minutes?: number }
): Promise<void> {
	await writeTransaction(db, async (trx) => {
		const current = await trx.selectFrom('appointment').select(['sequence', 'startsAt', 'endsAt']).where('id', '=', id).executeTakeFirstOrThrow();
		const status: AppointmentStatus = change === 'cancelled' ? 'cancelled' : 'booked';
		const start = options.startsAt;
		const end = start ? new Date(start.getTime() + (options.minutes ?? 30) * MINUTE) : undefined;
		await trx
			.updateTable('appointment')
			.set({
				status,
				sequence: current.sequence + 1,
				updatedAt: options.now.toISOString(),
				...(change === 'cancelled' ? { cancelledAt: options.now.toISOString() } : {}),
				...(start && end
					? { startsAt: start.toISOString(), endsAt: end.toISOString(), blockedFrom: start.toISOString(), blockedUntil: end.toISOString() }
					: {})
			})
			.where('id', '=', id)
			.execute();
		await enqueueAppointmentNotices(trx, { appointmentId: id, change });
	});
}
