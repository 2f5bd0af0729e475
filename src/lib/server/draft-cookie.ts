import type { Cookies } from '@sveltejs/kit';
import type { Config } from './config';
import { DRAFT_TTL_MS, type DraftKind } from './drafts/flow-draft.service';

/** Where each flow's draft cookie is sent: only to that flow's pages. */
const PATHS: Record<DraftKind, string> = { booking: '/book', assessment: '/assessment' };

const name = (kind: DraftKind) => `np_${kind}_draft`;

export function readDraftCookie(cookies: Cookies, kind: DraftKind): string | undefined {
	return cookies.get(name(kind));
}

export function writeDraftCookie(cookies: Cookies, config: Config, kind: DraftKind, id: string): void {
	cookies.set(name(kind), id, {
		path: PATHS[kind],
		httpOnly: true,
		sameSite: 'lax',
		secure: config.secureCookies,
		maxAge: DRAFT_TTL_MS / 1000
	});
}

export function clearDraftCookie(cookies: Cookies, config: Config, kind: DraftKind): void {
	cookies.delete(name(kind), { path: PATHS[kind], httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
