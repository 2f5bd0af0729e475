import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The booking version: call inside the transaction of every change that can take or free a slot
 * (booking, moving, cancelling, working hours, time off, closures). Availability answers cached by
 * an app instance are valid only while it has not moved.
 */
export async function bumpBookingVersion(trx: Kysely<DB>): Promise<void> {
	await trx.updateTable('bookingVersion').set({ version: sql`version + 1` }).where('id', '=', 1).execute();
}

export async function readBookingVersion(db: Kysely<DB>): Promise<number> {
	const row = await db.selectFrom('bookingVersion').select('version').where('id', '=', 1).executeTakeFirst();
	return Number(row?.version ?? 0);
}
