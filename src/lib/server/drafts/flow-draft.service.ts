import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context';
import { deleteDraft, deleteExpiredDrafts, findLiveDraft, insertDraft, updateDraft } from './flow-draft.repository';

/**
 * Server-side drafts of the public multi-page forms, so each step can be a plain GET (post,
 * redirect, get): Back and Forward then show earlier steps instead of "Confirm Form Resubmission",
 * and nothing personal travels in a URL. The id is 256 random bits held in an HttpOnly cookie
 * (see routes); a draft lives for DRAFT_TTL_MS after its last change and is deleted when its flow
 * completes. Expired drafts are purged whenever a new one is made, so no job is needed.
 *
 * Drafts belong to nobody but the browser that holds the cookie, so no actor check applies; what
 * they hold is only what that browser sent.
 */

export type DraftKind = 'booking' | 'assessment';

export const DRAFT_TTL_MS = 2 * 60 * 60 * 1000;

export type Draft<S> = { id: string; state: S };

const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function readDraft<S>(ctx: Ctx, kind: DraftKind, id: string | undefined): Promise<Draft<S> | null> {
	if (!id || !ID_PATTERN.test(id)) return null;
	const found = await findLiveDraft(ctx.db, id, kind, ctx.clock.now());
	return found ? { id: found.id, state: found.state as S } : null;
}

/** Saves `state` under `id` when that draft is still live, else in a new draft; returns the id used. */
export async function saveDraft<S>(ctx: Ctx, kind: DraftKind, id: string | null, state: S): Promise<string> {
	const now = ctx.clock.now();
	const expiresAt = new Date(now.getTime() + DRAFT_TTL_MS);
	if (id && ID_PATTERN.test(id) && (await updateDraft(ctx.db, id, kind, state, expiresAt, now))) return id;
	await deleteExpiredDrafts(ctx.db, now);
	const fresh = randomBytes(32).toString('base64url');
	await insertDraft(ctx.db, { id: fresh, kind, state, expiresAt });
	return fresh;
}

export async function discardDraft(ctx: Ctx, kind: DraftKind, id: string | null | undefined): Promise<void> {
	if (id && ID_PATTERN.test(id)) await deleteDraft(ctx.db, id, kind);
}

export async function purgeExpiredDrafts(ctx: Ctx): Promise<number> {
	return deleteExpiredDrafts(ctx.db, ctx.clock.now());
}
