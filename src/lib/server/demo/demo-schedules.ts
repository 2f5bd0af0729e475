import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Working hours of the Boston Spine demo clinicians, so a new install has times to book: weekday
 * shifts of different shapes, a lunch break each, and Saturday mornings for three of them (the
 * clinic opens 07:30–19:00 on weekdays and 08:00–12:00 on Saturdays). Dry needling and
 * acupuncture start with a consultation for new patients.
 */
type Shift = { weekdays: number[]; start: string; end: string; lunch?: { start: string; end: string } };

export const DEMO_SCHEDULES: Record<string, Shift[]> = {
	'alex.chen@boston-spine.example': [
		{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00', lunch: { start: '12:00', end: '13:00' } },
		{ weekdays: [6], start: '08:00', end: '12:00' }
	],
	'priya.nair@boston-spine.example': [
		{ weekdays: [1, 3, 5], start: '09:00', end: '18:00', lunch: { start: '13:00', end: '13:45' } },
		{ weekdays: [2, 4], start: '11:00', end: '19:00', lunch: { start: '14:30', end: '15:15' } }
	],
	'sam.obrien@boston-spine.example': [
		{ weekdays: [1, 2, 3, 4], start: '07:30', end: '15:30', lunch: { start: '11:30', end: '12:15' } },
		{ weekdays: [6], start: '08:00', end: '12:00' }
	],
	'lin.zhao@boston-spine.example': [
		{ weekdays: [2, 3, 4, 5], start: '10:00', end: '19:00', lunch: { start: '14:00', end: '15:00' } },
		{ weekdays: [6], start: '08:00', end: '12:00' }
	]
};

export const CONSULTATION_FIRST_SLUGS = ['dry-needling', 'acupuncture', 'follow-up'];

/** Writes the demo schedules; `db` is the seeding transaction, after staff and locations exist. */
export async function seedDemoSchedules(db: Kysely<DB>, clinicId: string): Promise<void> {
	const location = await db.selectFrom('location').select('id').where('clinicId', '=', clinicId).orderBy('name').executeTakeFirstOrThrow();
	const staff = await db.selectFrom('staff').select(['id', 'email']).where('clinicId', '=', clinicId).execute();
	const idByEmail = new Map(staff.map((s) => [s.email, s.id]));
	for (const [email, shifts] of Object.entries(DEMO_SCHEDULES)) {
		const staffId = idByEmail.get(email);
		if (!staffId) continue;
		for (const shift of shifts) {
			for (const weekday of shift.weekdays) {
				await db
					.insertInto('providerHours')
					.values({ id: randomUUID(), staffId, locationId: location.id, weekday, starts: shift.start, ends: shift.end })
					.execute();
				if (shift.lunch) {
					await db
						.insertInto('providerBreak')
						.values({ id: randomUUID(), staffId, weekday, starts: shift.lunch.start, ends: shift.lunch.end })
						.execute();
				}
			}
		}
	}
	await db
		.updateTable('service')
		.set({ newPatientsNeedConsultation: 1 })
		.where('clinicId', '=', clinicId)
		.where('slug', 'in', CONSULTATION_FIRST_SLUGS)
		.execute();
}
