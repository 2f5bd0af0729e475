import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';

export async function lockedUntil(db: Kysely<DB>, keys: string[], now: Date): Promise<Date | undefined> {
	const rows = await db.selectFrom('signInThrottle').select('lockedUntil').where('key', 'in', keys).execute();
	const until = rows
		.map((r) => (r.lockedUntil ? readInstant(r.lockedUntil) : undefined))
		.filter((d): d is Date => d !== undefined && d > now)
		.sort((a, b) => b.getTime() - a.getTime());
	return until[0];
}

/**
 * Counts one more failure atomically (safe with several app instances) and returns the new count.
 * A counter idle for longer than `resetBefore` starts again at one.
 */
export async function countFailure(db: Kysely<DB>, key: string, now: Date, resetBefore: Date): Promise<number> {
	const at = writeInstant(now);
	const row = await db
		.insertInto('signInThrottle')
		.values({ key, failures: 1, lastFailureAt: at, lockedUntil: null })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures: sql<number>`case when sign_in_throttle.last_failure_at < ${writeInstant(resetBefore)} then 1 else sign_in_throttle.failures + 1 end`,
				lastFailureAt: at
			})
		)
		.returning('failures')
		.executeTakeFirstOrThrow();
	return Number(row.failures);
}

export async function setLock(db: Kysely<DB>, key: string, until: Date): Promise<void> {
	await db.updateTable('signInThrottle').set({ lockedUntil: writeInstant(until) }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('signInThrottle').where('key', '=', key).execute();
}
