import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';

// The `failures` and `last_failure_at` columns hold counted attempts and the last one's time: an
// attempt is counted before its outcome is known (throttle.service.ts).

export async function lockedUntil(db: Kysely<DB>, keys: string[], now: Date): Promise<Date | undefined> {
	const rows = await db.selectFrom('signInThrottle').select('lockedUntil').where('key', 'in', keys).execute();
	const until = rows
		.map((r) => (r.lockedUntil ? readInstant(r.lockedUntil) : undefined))
		.filter((d): d is Date => d !== undefined && d > now)
		.sort((a, b) => b.getTime() - a.getTime());
	return until[0];
}

/**
 * Counts one attempt unless the counter is locked, and returns the new count (undefined: locked,
 * nothing counted). The UPDATE checks the lock and counts in one statement on a row that exists,
 * so on PostgreSQL a concurrent claim waits for the row and re-checks the lock this one may set in
 * the same transaction; SQLite runs the whole transaction alone. A counter idle since
 * `resetBefore` starts again at one.
 */
export async function countAttemptUnlessLocked(trx: Kysely<DB>, key: string, now: Date, resetBefore: Date): Promise<number | undefined> {
	const at = writeInstant(now);
	await trx
		.insertInto('signInThrottle')
		.values({ key, failures: 0, lastFailureAt: at, lockedUntil: null })
		.onConflict((oc) => oc.column('key').doNothing())
		.execute();
	const row = await trx
		.updateTable('signInThrottle')
		.set({
			failures: sql<number>`case when last_failure_at < ${writeInstant(resetBefore)} then 1 else failures + 1 end`,
			lastFailureAt: at
		})
		.where('key', '=', key)
		.where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', at)]))
		.returning('failures')
		.executeTakeFirst();
	return row ? Number(row.failures) : undefined;
}

export async function setLock(db: Kysely<DB>, key: string, until: Date): Promise<void> {
	await db.updateTable('signInThrottle').set({ lockedUntil: writeInstant(until) }).where('key', '=', key).execute();
}

/**
 * Gives one counted attempt back (it turned out right). When the count falls below `freeAttempts`
 * the lock that attempt may have started is lifted: no failure has earned one.
 */
export async function creditAttempt(db: Kysely<DB>, key: string, freeAttempts: number): Promise<void> {
	await db
		.updateTable('signInThrottle')
		.set({
			failures: sql<number>`case when failures > 0 then failures - 1 else 0 end`,
			lockedUntil: sql<string | null>`case when failures - 1 < ${freeAttempts} then null else locked_until end`
		})
		.where('key', '=', key)
		.execute();
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('signInThrottle').where('key', '=', key).execute();
}
