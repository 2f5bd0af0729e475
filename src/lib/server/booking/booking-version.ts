import { sql, type Kysely } from 'kysely';
import { lockChain } from '../audit/audit.repository';
import type { DB } from '../db/schema';

/**
 * Called in every transaction that can take or free a slot (booking, moving, cancelling, working
 * hours, time off, closures, service rules) before it writes any row, after its plain reads. It
 * takes the locks such a transaction needs in the one order they are always taken — the audit
 * chain's advisory lock, then the booking-version row — before the patient, appointment and job
 * rows are written and before the audit event, which takes the chain lock again (re-entrant). Two
 * of these transactions therefore never hold one lock each while waiting for the other's: no
 * PostgreSQL deadlocks between them. On SQLite, BEGIN IMMEDIATE has already serialised writers
 * and this only moves the counter.
 *
 * The counter itself: availability answers cached by an app instance are valid only while it has
 * not moved.
 */
export async function beginBookingChange(trx: Kysely<DB>): Promise<void> {
	await lockChain(trx);
	await trx.updateTable('bookingVersion').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
}

/** Kept for callers outside booking/ that bump inside their own transaction (now in lock order). */
export const bumpBookingVersion = beginBookingChange;

export async function readBookingVersion(db: Kysely<DB>): Promise<number> {
	const row = await db.selectFrom('bookingVersion').select('version').where('id', '=', 1).executeTakeFirst();
	return Number(row?.version ?? 0);
}
