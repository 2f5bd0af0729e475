import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, PatientTable } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';
import type { Patient, PatientDetails } from './patient';

function toPatient(row: Selectable<PatientTable>): Patient {
	return {
		id: row.id,
		clinicId: row.clinicId,
		firstName: row.firstName,
		lastName: row.lastName,
		email: row.email,
		phone: row.phone,
		dateOfBirth: row.dateOfBirth,
		mergedIntoId: row.mergedIntoId,
		createdAt: readInstant(row.createdAt)
	};
}

export async function findPatientByIdentity(
	db: Kysely<DB>,
	clinicId: string,
	email: string,
	dateOfBirth: string
): Promise<Patient | undefined> {
	const row = await db
		.selectFrom('patient')
		.selectAll()
		.where('clinicId', '=', clinicId)
		.where('email', '=', email.toLowerCase())
		.where('dateOfBirth', '=', dateOfBirth)
		.where('mergedIntoId', 'is', null)
		.executeTakeFirst();
	return row ? toPatient(row) : undefined;
}

/**
 * The unmerged patient with this email and date of birth, created from `details` when there is
 * none. ON CONFLICT DO NOTHING on the partial unique index makes two bookings racing for the same
 * new patient end with one row (PostgreSQL waits for the other insert, then sees it).
 */
export async function matchOrInsertPatient(db: Kysely<DB>, clinicId: string, details: PatientDetails, now: Date): Promise<{ patient: Patient; created: boolean }> {
	const email = details.email.toLowerCase();
	const existing = await findPatientByIdentity(db, clinicId, email, details.dateOfBirth);
	if (existing) return { patient: existing, created: false };
	const id = randomUUID();
	const inserted = await db
		.insertInto('patient')
		.values({
			id,
			clinicId,
			firstName: details.firstName,
			lastName: details.lastName,
			email,
			phone: details.phone,
			dateOfBirth: details.dateOfBirth,
			mergedIntoId: null,
			createdAt: writeInstant(now),
			updatedAt: writeInstant(now)
		})
		.onConflict((oc) => oc.columns(['clinicId', 'email', 'dateOfBirth']).where('mergedIntoId', 'is', null).doNothing())
		.returningAll()
		.executeTakeFirst();
	if (inserted) return { patient: toPatient(inserted), created: true };
	const patient = await findPatientByIdentity(db, clinicId, email, details.dateOfBirth);
	if (!patient) throw new Error('patient vanished after insert');
	return { patient, created: patient.id === id };
}

export async function findPatient(db: Kysely<DB>, clinicId: string, id: string): Promise<Patient | undefined> {
	const row = await db.selectFrom('patient').selectAll().where('clinicId', '=', clinicId).where('id', '=', id).executeTakeFirst();
	return row ? toPatient(row) : undefined;
}

/** "Last, First" for each of these ids that is a patient of the clinic (merged records included). */
export async function patientNamesOf(db: Kysely<DB>, clinicId: string, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('patient').select(['id', 'firstName', 'lastName']).where('clinicId', '=', clinicId).where('id', 'in', ids).execute();
	return new Map(rows.map((r) => [r.id, `${r.lastName}, ${r.firstName}`]));
}

/**
 * A LIKE pattern for a typed word. Wildcards are dropped rather than escaped: the engines disagree
 * on the default escape character, and nobody searches for a name by its underscores.
 */
function likePattern(text: string): string {
	return `%${text.toLowerCase().replace(/[\\%_]/g, '')}%`;
}

/**
 * Unmerged patients whose name, email or phone contains every word of the query (case-insensitive,
 * the same on both engines), or whose date of birth is the query.
 */
export async function searchPatients(db: Kysely<DB>, clinicId: string, query: string, limit = 50): Promise<Patient[]> {
	const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
	let q = db.selectFrom('patient').selectAll().where('clinicId', '=', clinicId).where('mergedIntoId', 'is', null);
	for (const word of words) {
		if (/^\d{4}-\d{2}-\d{2}$/.test(word)) {
			q = q.where('dateOfBirth', '=', word);
			continue;
		}
		const pattern = likePattern(word);
		const digits = word.replace(/\D/g, '');
		q = q.where((eb) =>
			eb.or([
				eb(sql<string>`lower(${sql.ref('firstName')})`, 'like', pattern),
				eb(sql<string>`lower(${sql.ref('lastName')})`, 'like', pattern),
				eb('email', 'like', pattern),
				...(digits.length >= 3 ? [eb(sql<string>`replace(replace(replace(replace(replace(${sql.ref('phone')}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '')`, 'like', `%${digits}%`)] : [])
			])
		);
	}
	const rows = await q.orderBy('lastName').orderBy('firstName').orderBy('id').limit(limit).execute();
	return rows.map(toPatient);
}

/** Moves every appointment of `duplicateId` to `survivorId` and marks the duplicate merged. */
export async function mergePatientRows(db: Kysely<DB>, survivorId: string, duplicateId: string, now: Date): Promise<number> {
	const moved = await db
		.updateTable('appointment')
		.set({ patientId: survivorId, updatedAt: writeInstant(now) })
		.where('patientId', '=', duplicateId)
		.executeTakeFirst();
	await db
		.updateTable('patient')
		.set({ mergedIntoId: survivorId, updatedAt: writeInstant(now) })
		.where('id', '=', duplicateId)
		.execute();
	return Number(moved.numUpdatedRows);
}
