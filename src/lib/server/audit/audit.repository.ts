import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';
import { isPostgres } from '../db/write-transaction';
import type { AuditRecord } from './audit';

/** Any 64-bit constant works; it only has to be the same for every writer of the chain. */
const AUDIT_CHAIN_LOCK = 724_510_001;

/** Serialises appends across connections and app instances (PostgreSQL; SQLite's write lock does it there). */
export async function lockChain(trx: Kysely<DB>): Promise<void> {
	if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
}

export async function lastLink(trx: Kysely<DB>): Promise<{ id: number; hash: string } | undefined> {
	return trx.selectFrom('auditEvent').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditRow(trx: Kysely<DB>, record: AuditRecord, hash: string): Promise<void> {
	await trx
		.insertInto('auditEvent')
		.values({ ...record, hash })
		.execute();
}

export type StoredAuditRow = AuditRecord & { hash: string };

function toRecord(row: Record<string, unknown>): StoredAuditRow {
	const r = row as StoredAuditRow & { at: Date | string };
	return { ...r, id: Number(r.id), at: readInstant(r.at).toISOString() };
}

/** Rows in chain order, a page at a time, for verification. */
export async function chainPage(db: Kysely<DB>, afterId: number, limit: number): Promise<StoredAuditRow[]> {
	const rows = await db.selectFrom('auditEvent').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
	return rows.map(toRecord);
}

export type AuditFilter = {
	/** Only events of this clinic: by its staff, about its patients, or by no one in particular. */
	clinicId: string;
	actorId?: string;
	patientId?: string;
	action?: string;
	from?: string;
	to?: string;
};

export async function searchAudit(db: Kysely<DB>, filter: AuditFilter, limit: number, beforeId?: number): Promise<StoredAuditRow[]> {
	let query = db
		.selectFrom('auditEvent')
		.selectAll()
		.where((eb) =>
			eb.or([
				eb('actorId', 'in', eb.selectFrom('staff').select('staff.id').where('staff.clinicId', '=', filter.clinicId)),
				eb('patientId', 'in', eb.selectFrom('patient').select('patient.id').where('patient.clinicId', '=', filter.clinicId)),
				eb.and([eb('actorId', 'is', null), eb('patientId', 'is', null)])
			])
		);
	if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
	if (filter.patientId) {
		// The patient's own events, and the searches and calendar views that listed them (ids in detail).
		const listed = `%"${filter.patientId.replace(/[\\%_"]/g, '')}"%`;
		query = query.where((eb) => eb.or([eb('patientId', '=', filter.patientId!), eb('detail', 'like', listed)]));
	}
	if (filter.action) query = query.where('action', '=', filter.action);
	if (filter.from) query = query.where('at', '>=', filter.from);
	if (filter.to) query = query.where('at', '<', filter.to);
	if (beforeId !== undefined) query = query.where('id', '<', beforeId);
	const rows = await query.orderBy('id', 'desc').limit(limit).execute();
	return rows.map(toRecord);
}
