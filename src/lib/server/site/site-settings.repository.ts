import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export const MODERATION_MODES = ['hold_all', 'hold_first', 'publish'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

export type SiteSettings = { clinicId: string; commentModeration: ModerationMode; contentVersion: number };

/** The settings row, created with defaults the first time it is needed. */
export async function readSiteSettings(db: Kysely<DB>, clinicId: string): Promise<SiteSettings> {
	const row = await db
		.selectFrom('siteSettings')
		.select(['clinicId', 'commentModeration', 'contentVersion'])
		.where('clinicId', '=', clinicId)
		.executeTakeFirst();
	if (row) return { ...row, commentModeration: row.commentModeration as ModerationMode };
	await db.insertInto('siteSettings').values({ clinicId }).onConflict((oc) => oc.column('clinicId').doNothing()).execute();
	return readSiteSettings(db, clinicId);
}

/**
 * Called inside the transaction of every change to what the public pages show, so render caches on
 * every instance see the change with the commit.
 */
export async function bumpContentVersion(db: Kysely<DB>, clinicId: string): Promise<void> {
	await db
		.insertInto('siteSettings')
		.values({ clinicId, contentVersion: 2 })
		.onConflict((oc) =>
			oc.column('clinicId').doUpdateSet((eb) => ({ contentVersion: eb('siteSettings.contentVersion', '+', 1) }))
		)
		.execute();
}

export async function setCommentModeration(db: Kysely<DB>, clinicId: string, mode: ModerationMode): Promise<void> {
	await db
		.insertInto('siteSettings')
		.values({ clinicId, commentModeration: mode })
		.onConflict((oc) => oc.column('clinicId').doUpdateSet({ commentModeration: mode }))
		.execute();
}
