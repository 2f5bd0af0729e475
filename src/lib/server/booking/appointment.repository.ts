import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AppointmentStatus, AppointmentTable, DB } from '../db/schema';
import { readFlag, readInstant, writeInstant } from '../db/values';
import type { Appointment, AppointmentSource, CancelledBy } from './appointment';

function toAppointment(row: Selectable<AppointmentTable>): Appointment {
	return {
		id: row.id,
		clinicId: row.clinicId,
		serviceId: row.serviceId,
		providerId: row.providerId,
		locationId: row.locationId,
		patientId: row.patientId,
		startsAt: readInstant(row.startsAt),
		endsAt: readInstant(row.endsAt),
		status: row.status,
		source: row.source,
		note: row.note,
		sequence: row.sequence,
		lateCancellation: readFlag(row.lateCancellation),
		cancelledBy: row.cancelledBy,
		cancellationReason: row.cancellationReason,
		cancelledAt: row.cancelledAt === null ? null : readInstant(row.cancelledAt),
		createdAt: readInstant(row.createdAt)
	};
}

export type AppointmentInsert = {
	id: string;
	clinicId: string;
	serviceId: string;
	providerId: string;
	locationId: string;
	patientId: string;
	startMs: number;
	endMs: number;
	blockedFromMs: number;
	blockedUntilMs: number;
	source: AppointmentSource;
	note: string;
	screening: string | null;
	manageTokenHash: string | null;
	createdBy: string | null;
	now: Date;
};

const iso = (ms: number) => writeInstant(new Date(ms));

export async function insertAppointment(db: Kysely<DB>, a: AppointmentInsert): Promise<void> {
	await db
		.insertInto('appointment')
		.values({
			id: a.id,
			clinicId: a.clinicId,
			serviceId: a.serviceId,
			providerId: a.providerId,
			locationId: a.locationId,
			patientId: a.patientId,
			startsAt: iso(a.startMs),
			endsAt: iso(a.endMs),
			blockedFrom: iso(a.blockedFromMs),
			blockedUntil: iso(a.blockedUntilMs),
			status: 'booked',
			source: a.source,
			note: a.note,
			screening: a.screening,
			manageTokenHash: a.manageTokenHash,
			createdBy: a.createdBy,
			createdAt: writeInstant(a.now),
			updatedAt: writeInstant(a.now)
		})
		.execute();
}

export async function findAppointment(db: Kysely<DB>, clinicId: string, id: string): Promise<Appointment | undefined> {
	const row = await db.selectFrom('appointment').selectAll().where('clinicId', '=', clinicId).where('id', '=', id).executeTakeFirst();
	return row ? toAppointment(row) : undefined;
}

export async function findAppointmentByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<Appointment | undefined> {
	const row = await db.selectFrom('appointment').selectAll().where('manageTokenHash', '=', tokenHash).executeTakeFirst();
	return row ? toAppointment(row) : undefined;
}

export type AppointmentMove = {
	providerId: string;
	locationId: string;
	startMs: number;
	endMs: number;
	blockedFromMs: number;
	blockedUntilMs: number;
};

/**
 * What a change was decided on: the status, start and SEQUENCE read before the transaction. Every
 * update below applies only while the row still holds them, and says whether it did; a change
 * that lost a race to another (a cancel against a move, two moves) updates nothing.
 */
export type ExpectedState = { status: AppointmentStatus; sequence: number; startsAt: Date };

export const expectedStateOf = (a: Appointment): ExpectedState => ({ status: a.status, sequence: a.sequence, startsAt: a.startsAt });

/** The row, only while it still has the status, sequence and start the change was decided on. */
function asExpected(id: string, expected: ExpectedState) {
	return (eb: ExpressionBuilder<DB, 'appointment'>) =>
		eb.and([
			eb('id', '=', id),
			eb('status', '=', expected.status),
			eb('sequence', '=', expected.sequence),
			eb('startsAt', '=', writeInstant(expected.startsAt))
		]);
}

async function applied(result: Promise<{ numUpdatedRows: bigint }>): Promise<boolean> {
	return Number((await result).numUpdatedRows) === 1;
}

/** Moves an appointment if it is still as expected; the database guard refuses an overlapping span here too. */
export async function moveAppointment(db: Kysely<DB>, id: string, move: AppointmentMove, expected: ExpectedState, now: Date): Promise<boolean> {
	return applied(
		db
			.updateTable('appointment')
			.set((eb) => ({
				providerId: move.providerId,
				locationId: move.locationId,
				startsAt: iso(move.startMs),
				endsAt: iso(move.endMs),
				blockedFrom: iso(move.blockedFromMs),
				blockedUntil: iso(move.blockedUntilMs),
				sequence: eb('sequence', '+', 1),
				updatedAt: writeInstant(now)
			}))
			.where(asExpected(id, expected))
			.executeTakeFirst()
	);
}

export type Cancellation = {
	/** Only a patient cancelling inside the notice period is late; the clinic cancelling never is. */
	late: boolean;
	by: CancelledBy;
	/** Why, as staff typed it; null when the patient cancelled by their link. */
	reason: string | null;
};

/** Cancels an appointment if it is still as expected. */
export async function markCancelled(db: Kysely<DB>, id: string, cancellation: Cancellation, expected: ExpectedState, now: Date): Promise<boolean> {
	return applied(
		db
			.updateTable('appointment')
			.set((eb) => ({
				status: 'cancelled',
				lateCancellation: cancellation.late ? 1 : 0,
				cancelledBy: cancellation.by,
				cancellationReason: cancellation.reason,
				cancelledAt: writeInstant(now),
				sequence: eb('sequence', '+', 1),
				updatedAt: writeInstant(now)
			}))
			.where(asExpected(id, expected))
			.executeTakeFirst()
	);
}

/** Sets a visit status (arrived, completed, no-show, back to booked) if the status is still `from`. */
export async function setAppointmentStatus(db: Kysely<DB>, id: string, from: AppointmentStatus, status: AppointmentStatus, now: Date): Promise<boolean> {
	return applied(
		db.updateTable('appointment').set({ status, updatedAt: writeInstant(now) }).where('id', '=', id).where('status', '=', from).executeTakeFirst()
	);
}

/**
 * Whether the patient has a visit that is not cancelled or missed starting before `beforeMs`:
 * the test for "new patient" (a booked consultation earlier the same week counts).
 */
export async function hasEarlierVisit(db: Kysely<DB>, patientId: string, beforeMs: number): Promise<boolean> {
	const row = await db
		.selectFrom('appointment')
		.select('id')
		.where('patientId', '=', patientId)
		.where('status', 'not in', ['cancelled', 'no_show'])
		.where('startsAt', '<', iso(beforeMs))
		.executeTakeFirst();
	return row !== undefined;
}

/** A calendar row: the appointment with the names staff need to read the day. */
export type CalendarEntry = Appointment & {
	serviceName: string;
	providerName: string;
	locationName: string;
	patientName: string;
	patientPhone: string;
};

export async function listCalendar(
	db: Kysely<DB>,
	clinicId: string,
	fromMs: number,
	untilMs: number,
	filter: { providerId?: string; locationId?: string; patientId?: string; includeCancelled?: boolean }
): Promise<CalendarEntry[]> {
	let q = db
		.selectFrom('appointment as a')
		.innerJoin('service as s', 's.id', 'a.serviceId')
		.innerJoin('staff as st', 'st.id', 'a.providerId')
		.innerJoin('location as l', 'l.id', 'a.locationId')
		.innerJoin('patient as p', 'p.id', 'a.patientId')
		.selectAll('a')
		.select(['s.name as serviceName', 'st.name as providerName', 'l.name as locationName', 'p.firstName', 'p.lastName', 'p.phone as patientPhone'])
		.where('a.clinicId', '=', clinicId)
		.where('a.startsAt', '<', iso(untilMs))
		.where('a.endsAt', '>', iso(fromMs));
	if (filter.providerId) q = q.where('a.providerId', '=', filter.providerId);
	if (filter.locationId) q = q.where('a.locationId', '=', filter.locationId);
	if (filter.patientId) q = q.where('a.patientId', '=', filter.patientId);
	if (!filter.includeCancelled) q = q.where('a.status', '!=', 'cancelled');
	const rows = await q.orderBy('a.startsAt').orderBy('a.providerId').execute();
	return rows.map(({ serviceName, providerName, locationName, firstName, lastName, patientPhone, ...row }) => ({
		...toAppointment(row),
		serviceName,
		providerName,
		locationName,
		patientName: `${firstName} ${lastName}`,
		patientPhone
	}));
}

