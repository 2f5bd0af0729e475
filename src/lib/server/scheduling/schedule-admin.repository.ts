import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The rows behind the schedule pages and the calendar's filters: who works, where, when, and when
 * the clinic is closed. Every query is scoped by the clinic or by a clinician already checked to
 * belong to it.
 */

export type Choice = { id: string; name: string };

export type ScheduleRowTable = 'providerHours' | 'providerBreak' | 'scheduleException';

/** Active clinicians and active locations, by name: the calendar's and schedule's choices. */
export async function listCalendarChoices(db: Kysely<DB>, clinicId: string): Promise<{ providers: Choice[]; locations: Choice[] }> {
	const [providers, locations] = await Promise.all([
		db.selectFrom('staff').select(['id', 'name']).where('clinicId', '=', clinicId).where('role', '=', 'clinician').where('active', '=', 1).orderBy('name').execute(),
		listActiveLocationChoices(db, clinicId)
	]);
	return { providers, locations };
}

export async function listActiveLocationChoices(db: Kysely<DB>, clinicId: string): Promise<Choice[]> {
	return db.selectFrom('location').select(['id', 'name']).where('clinicId', '=', clinicId).where('active', '=', 1).orderBy('name').execute();
}

/** A clinician (any state) of this clinic. */
export async function findClinician(db: Kysely<DB>, clinicId: string, staffId: string): Promise<Choice | undefined> {
	return db.selectFrom('staff').select(['id', 'name']).where('clinicId', '=', clinicId).where('id', '=', staffId).where('role', '=', 'clinician').executeTakeFirst();
}

export type WeeklyHoursRow = { id: string; locationId: string; weekday: number; start: string; end: string };
export type BreakRow = { id: string; weekday: number; start: string; end: string };
export type ExceptionRow = { id: string; date: string; kind: 'time_off' | 'extra_hours'; start: string | null; end: string | null; locationId: string | null; note: string };

export async function listWeeklyHours(db: Kysely<DB>, staffId: string): Promise<WeeklyHoursRow[]> {
	return db.selectFrom('providerHours').select(['id', 'locationId', 'weekday', 'starts as start', 'ends as end']).where('staffId', '=', staffId).orderBy('weekday').orderBy('starts').execute();
}

export async function listBreaks(db: Kysely<DB>, staffId: string): Promise<BreakRow[]> {
	return db.selectFrom('providerBreak').select(['id', 'weekday', 'starts as start', 'ends as end']).where('staffId', '=', staffId).orderBy('weekday').orderBy('starts').execute();
}

export async function listExceptionsFrom(db: Kysely<DB>, staffId: string, fromDate: string): Promise<ExceptionRow[]> {
	return db
		.selectFrom('scheduleException')
		.select(['id', 'date', 'kind', 'starts as start', 'ends as end', 'locationId', 'note'])
		.where('staffId', '=', staffId)
		.where('date', '>=', fromDate)
		.orderBy('date')
		.orderBy('starts')
		.execute();
}

export async function insertWeeklyHours(db: Kysely<DB>, row: WeeklyHoursRow & { staffId: string }): Promise<void> {
	await db.insertInto('providerHours').values({ id: row.id, staffId: row.staffId, locationId: row.locationId, weekday: row.weekday, starts: row.start, ends: row.end }).execute();
}

export async function insertBreak(db: Kysely<DB>, row: BreakRow & { staffId: string }): Promise<void> {
	await db.insertInto('providerBreak').values({ id: row.id, staffId: row.staffId, weekday: row.weekday, starts: row.start, ends: row.end }).execute();
}

export async function insertException(db: Kysely<DB>, row: ExceptionRow & { staffId: string }): Promise<void> {
	await db
		.insertInto('scheduleException')
		.values({ id: row.id, staffId: row.staffId, date: row.date, kind: row.kind, starts: row.start, ends: row.end, locationId: row.locationId, note: row.note })
		.execute();
}

/** Deletes one row of a clinician's hours, breaks or exceptions; false when it is not theirs. */
export async function deleteScheduleRow(db: Kysely<DB>, table: ScheduleRowTable, staffId: string, id: string): Promise<boolean> {
	const result = await db.deleteFrom(table).where('id', '=', id).where('staffId', '=', staffId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export type ClosureRow = { id: string; date: string; start: string | null; end: string | null; locationId: string | null; reason: string };

export async function listClosuresFrom(db: Kysely<DB>, clinicId: string, fromDate: string): Promise<ClosureRow[]> {
	return db
		.selectFrom('clinicClosure')
		.select(['id', 'date', 'starts as start', 'ends as end', 'locationId', 'reason'])
		.where('clinicId', '=', clinicId)
		.where('date', '>=', fromDate)
		.orderBy('date')
		.execute();
}

export async function insertClosure(db: Kysely<DB>, clinicId: string, row: ClosureRow): Promise<void> {
	await db
		.insertInto('clinicClosure')
		.values({ id: row.id, clinicId, date: row.date, starts: row.start, ends: row.end, locationId: row.locationId, reason: row.reason })
		.execute();
}

export async function deleteClosure(db: Kysely<DB>, clinicId: string, id: string): Promise<boolean> {
	const result = await db.deleteFrom('clinicClosure').where('id', '=', id).where('clinicId', '=', clinicId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
