import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';

export async function countHits(db: Kysely<DB>, scope: string, keyHash: string, since: Date): Promise<number> {
	const row = await db
		.selectFrom('rateLimitHit')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('scope', '=', scope)
		.where('keyHash', '=', keyHash)
		.where('createdAt', '>', writeInstant(since))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function recordHit(db: Kysely<DB>, scope: string, keyHash: string, now: Date, keepFor: number): Promise<void> {
	await db.insertInto('rateLimitHit').values({ scope, keyHash, createdAt: writeInstant(now) }).execute();
	// Old hits say nothing any more; pruning here keeps the table small without a job.
	await db
		.deleteFrom('rateLimitHit')
		.where('scope', '=', scope)
		.where('createdAt', '<', writeInstant(new Date(now.getTime() - keepFor)))
		.execute();
}
