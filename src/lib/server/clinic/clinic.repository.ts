import type { Kysely, Selectable } from 'kysely';
import type { ClinicTable, DB } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { Address, Clinic, OpeningRange } from './clinic';

export type ClinicWrite = Address & {
	name: string;
	timeZone: string;
	phone: string;
	email: string;
};

/**
 * The clinic the public site belongs to: the first one created. Only anonymous and system
 * requests use it (through getClinic); staff always work in their own clinic.
 */
export async function findPrimaryClinic(db: Kysely<DB>): Promise<Clinic | undefined> {
	const row = await db.selectFrom('clinic').selectAll().orderBy('createdAt').orderBy('id').executeTakeFirst();
	return row ? withHours(db, row) : undefined;
}

export async function findClinicById(db: Kysely<DB>, id: string): Promise<Clinic | undefined> {
	const row = await db.selectFrom('clinic').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? withHours(db, row) : undefined;
}

async function withHours(db: Kysely<DB>, row: Selectable<ClinicTable>): Promise<Clinic> {
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

/** Hours of notice before a patient's appointment, inside which a cancellation is late. */
export async function cancellationNoticeHours(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db.selectFrom('clinic').select('cancellationNoticeHours').where('id', '=', clinicId).executeTakeFirstOrThrow();
	return row.cancellationNoticeHours;
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

