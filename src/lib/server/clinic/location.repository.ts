import type { Kysely, Selectable } from 'kysely';
import type { DB, LocationTable } from '../db/schema';
import { readFlag, writeFlag, writeInstant } from '../db/values';
import type { Location } from './clinic';

export type LocationWrite = Omit<Location, 'id' | 'clinicId'>;

function toLocation(row: Selectable<LocationTable>): Location {
	return {
		id: row.id,
		clinicId: row.clinicId,
		name: row.name,
		street: row.street,
		city: row.city,
		region: row.region,
		postalCode: row.postalCode,
		country: row.country,
		phone: row.phone,
		active: readFlag(row.active)
	};
}

export async function listLocations(db: Kysely<DB>, clinicId: string): Promise<Location[]> {
	const rows = await db.selectFrom('location').selectAll().where('clinicId', '=', clinicId).orderBy('name').execute();
	return rows.map(toLocation);
}

export async function findLocation(db: Kysely<DB>, clinicId: string, id: string): Promise<Location | undefined> {
	const row = await db
		.selectFrom('location')
		.selectAll()
		.where('clinicId', '=', clinicId)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toLocation(row);
}

export async function insertLocation(
	db: Kysely<DB>,
	row: LocationWrite & { id: string; clinicId: string; now: Date }
): Promise<void> {
	const { now, active, ...fields } = row;
	await db
		.insertInto('location')
		.values({ ...fields, active: writeFlag(active), createdAt: writeInstant(now), updatedAt: writeInstant(now) })
		.execute();
}

export async function updateLocation(db: Kysely<DB>, id: string, write: LocationWrite, now: Date): Promise<void> {
	const { active, ...fields } = write;
	await db
		.updateTable('location')
		.set({ ...fields, active: writeFlag(active), updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
}
