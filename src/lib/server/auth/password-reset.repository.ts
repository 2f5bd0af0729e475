import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';

export async function insertPasswordReset(
	db: Kysely<DB>,
	row: { tokenHash: string; staffId: string; createdAt: Date; expiresAt: Date }
): Promise<void> {
	await db
		.insertInto('passwordReset')
		.values({
			tokenHash: row.tokenHash,
			staffId: row.staffId,
			createdAt: writeInstant(row.createdAt),
			expiresAt: writeInstant(row.expiresAt),
			usedAt: null
		})
		.execute();
}

export async function findUsableReset(db: Kysely<DB>, tokenHash: string, now: Date): Promise<{ staffId: string } | undefined> {
	const row = await db
		.selectFrom('passwordReset')
		.select(['staffId', 'expiresAt', 'usedAt'])
		.where('tokenHash', '=', tokenHash)
		.executeTakeFirst();
	if (!row || row.usedAt !== null || readInstant(row.expiresAt) <= now) return undefined;
	return { staffId: row.staffId };
}

/** Marks the link used, only if it still is usable; false when another request used it first. */
export async function consumeReset(db: Kysely<DB>, tokenHash: string, now: Date): Promise<boolean> {
	const result = await db
		.updateTable('passwordReset')
		.set({ usedAt: writeInstant(now) })
		.where('tokenHash', '=', tokenHash)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', writeInstant(now))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Older links stop working when a new one is sent or the password changes. */
export async function retireResets(db: Kysely<DB>, staffId: string, now: Date): Promise<void> {
	await db
		.updateTable('passwordReset')
		.set({ usedAt: writeInstant(now) })
		.where('staffId', '=', staffId)
		.where('usedAt', 'is', null)
		.execute();
}
