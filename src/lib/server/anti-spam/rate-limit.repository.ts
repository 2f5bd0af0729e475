import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';

/**
 * Counts one hit for `keyHash` in the window starting at `windowStart` and returns the count
 * including it. One INSERT … ON CONFLICT DO UPDATE … RETURNING: the database increments and reads
 * in one step (PostgreSQL locks the row for the conflicting update, SQLite runs one writer), so
 * concurrent requests on any number of instances each get a distinct count and none can slip
 * between a count and its record.
 */
export async function takeCounterHit(db: Kysely<DB>, scope: string, keyHash: string, windowStart: Date): Promise<number> {
	const row = await db
		.insertInto('rateLimitCounter')
		.values({ scope, keyHash, windowStart: writeInstant(windowStart), hits: 1 })
		.onConflict((oc) => oc.columns(['scope', 'keyHash', 'windowStart']).doUpdateSet((eb) => ({ hits: eb(eb.ref('rateLimitCounter.hits'), '+', 1) })))
		.returning('hits')
		.executeTakeFirstOrThrow();
	return Number(row.hits);
}

/** Takes back one hit (an attempt that turned out right need not count against the visitor). */
export async function giveBackCounterHit(db: Kysely<DB>, scope: string, keyHash: string, windowStart: Date): Promise<void> {
	await db
		.updateTable('rateLimitCounter')
		.set((eb) => ({ hits: eb(eb.ref('hits'), '-', 1) }))
		.where('scope', '=', scope)
		.where('keyHash', '=', keyHash)
		.where('windowStart', '=', writeInstant(windowStart))
		.where('hits', '>', 0)
		.execute();
}

/** Windows that ended before `before` say nothing any more. */
export async function deleteCountersBefore(db: Kysely<DB>, before: Date): Promise<void> {
	await db.deleteFrom('rateLimitCounter').where('windowStart', '<', writeInstant(before)).execute();
}
