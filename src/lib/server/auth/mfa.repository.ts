import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';

export type MfaState = { sealedSecret: string | null; enabled: boolean; lastStep: number | null };

export async function findMfaState(db: Kysely<DB>, staffId: string): Promise<MfaState | undefined> {
	const row = await db
		.selectFrom('staff')
		.select(['mfaSecret', 'mfaEnabledAt', 'mfaLastStep'])
		.where('id', '=', staffId)
		.executeTakeFirst();
	return row && { sealedSecret: row.mfaSecret, enabled: row.mfaEnabledAt !== null, lastStep: row.mfaLastStep };
}

export async function enableMfa(db: Kysely<DB>, staffId: string, sealedSecret: string, step: number, now: Date): Promise<void> {
	await db
		.updateTable('staff')
		.set({ mfaSecret: sealedSecret, mfaEnabledAt: writeInstant(now), mfaLastStep: step, updatedAt: writeInstant(now) })
		.where('id', '=', staffId)
		.execute();
}

/**
 * Records `step` as used only if it is newer than the last used step, in one statement, so two
 * requests racing with the same code cannot both succeed. Returns false for a replay.
 */
export async function claimTotpStep(db: Kysely<DB>, staffId: string, step: number): Promise<boolean> {
	const result = await db
		.updateTable('staff')
		.set({ mfaLastStep: step })
		.where('id', '=', staffId)
		.where((eb) => eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function disableMfa(db: Kysely<DB>, staffId: string, now: Date): Promise<void> {
	await db
		.updateTable('staff')
		.set({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, updatedAt: writeInstant(now) })
		.where('id', '=', staffId)
		.execute();
	await db.deleteFrom('mfaRecoveryCode').where('staffId', '=', staffId).execute();
}

export async function replaceRecoveryCodes(db: Kysely<DB>, staffId: string, hashes: string[]): Promise<void> {
	await db.deleteFrom('mfaRecoveryCode').where('staffId', '=', staffId).execute();
	await db
		.insertInto('mfaRecoveryCode')
		.values(hashes.map((codeHash) => ({ staffId, codeHash, usedAt: null })))
		.execute();
}

/** Marks an unused code as used, atomically; false when it does not exist or was used already. */
export async function useRecoveryCode(db: Kysely<DB>, staffId: string, codeHash: string, now: Date): Promise<boolean> {
	const result = await db
		.updateTable('mfaRecoveryCode')
		.set({ usedAt: writeInstant(now) })
		.where('staffId', '=', staffId)
		.where('codeHash', '=', codeHash)
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodeCount(db: Kysely<DB>, staffId: string): Promise<number> {
	const row = await db
		.selectFrom('mfaRecoveryCode')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('staffId', '=', staffId)
		.where('usedAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
