import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { Address, Clinic, OpeningRange } from './clinic';

export type ClinicWrite = Address & {
	name: string;
	timeZone: string;
	phone: string;
	email: string;
};

/** The deployment's clinic. One clinic per installation for now; rows carry clinic_id for later. */
export async function findPrimaryClinic(db: Kysely<DB>): Promise<Clinic | undefined> {
	const row = await db.selectFrom('clinic').selectAll().orderBy('createdAt').orderBy('id').executeTakeFirst();
	if (!row) return undefined;
	const hours = await db
		.selectFrom('clinicHours')
		.select(['weekday', 'opens', 'closes'])
		.where('clinicId', '=', row.id)
		.orderBy('weekday')
		.orderBy('opens')
		.execute();
	return {
		id: row.id,
		name: row.name,
		timeZone: row.timeZone,
		street: row.street,
		city: row.city,
		region: row.region,
		postalCode: row.postalCode,
		country: row.country,
		phone: row.phone,
		email: row.email,
		isDemo: readFlag(row.isDemo),
		hours,
		updatedAt: readInstant(row.updatedAt)
	};
}

export async function insertClinic(
	db: Kysely<DB>,
	row: ClinicWrite & { id: string; isDemo: boolean; now: Date }
): Promise<void> {
	const { now, isDemo, ...fields } = row;
	await db
		.insertInto('clinic')
		.values({ ...fields, isDemo: writeFlag(isDemo), createdAt: writeInstant(now), updatedAt: writeInstant(now) })
		.execute();
}

export async function updateClinic(db: Kysely<DB>, id: string, write: ClinicWrite, now: Date): Promise<void> {
	await db
		.updateTable('clinic')
		.set({ ...write, updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
}

export async function replaceOpeningHours(db: Kysely<DB>, clinicId: string, hours: OpeningRange[]): Promise<void> {
	await db.deleteFrom('clinicHours').where('clinicId', '=', clinicId).execute();
	if (hours.length > 0) {
		await db
			.insertInto('clinicHours')
			.values(hours.map((h) => ({ clinicId, weekday: h.weekday, opens: h.opens, closes: h.closes })))
			.execute();
	}
}

/** Hours before an appointment when online changes close. */
export async function findCancellationNoticeHours(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db.selectFrom('clinic').select('cancellationNoticeHours').where('id', '=', clinicId).executeTakeFirstOrThrow();
	return row.cancellationNoticeHours;
}
