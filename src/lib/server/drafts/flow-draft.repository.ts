import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';

/** The state of one unfinished public form flow, as stored. */
export type StoredDraft = { id: string; kind: string; state: unknown; expiresAt: Date };

export async function findLiveDraft(db: Kysely<DB>, id: string, kind: string, now: Date): Promise<StoredDraft | undefined> {
	const row = await db
		.selectFrom('flowDraft')
		.select(['id', 'kind', 'state', 'expiresAt'])
		.where('id', '=', id)
		.where('kind', '=', kind)
		.where('expiresAt', '>', writeInstant(now))
		.executeTakeFirst();
	if (!row) return undefined;
	let state: unknown;
	try {
		state = JSON.parse(row.state);
	} catch {
		return undefined;
	}
	return { id: row.id, kind: row.kind, state, expiresAt: readInstant(row.expiresAt) };
}

export async function insertDraft(db: Kysely<DB>, draft: { id: string; kind: string; state: unknown; expiresAt: Date }): Promise<void> {
	await db
		.insertInto('flowDraft')
		.values({ id: draft.id, kind: draft.kind, state: JSON.stringify(draft.state), expiresAt: writeInstant(draft.expiresAt) })
		.execute();
}

/** Replaces the state of a live draft; false when it has expired or was deleted meanwhile. */
export async function updateDraft(db: Kysely<DB>, id: string, kind: string, state: unknown, expiresAt: Date, now: Date): Promise<boolean> {
	const result = await db
		.updateTable('flowDraft')
		.set({ state: JSON.stringify(state), expiresAt: writeInstant(expiresAt) })
		.where('id', '=', id)
		.where('kind', '=', kind)
		.where('expiresAt', '>', writeInstant(now))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteDraft(db: Kysely<DB>, id: string, kind: string): Promise<void> {
	await db.deleteFrom('flowDraft').where('id', '=', id).where('kind', '=', kind).execute();
}

/** Deletes every expired draft; returns how many. */
export async function deleteExpiredDrafts(db: Kysely<DB>, now: Date): Promise<number> {
	const result = await db.deleteFrom('flowDraft').where('expiresAt', '<=', writeInstant(now)).executeTakeFirst();
	return Number(result.numDeletedRows);
}
