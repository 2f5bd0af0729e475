import { keyedHash } from '../anti-spam/keyed-hash';

/**
 * A small in-process cache of rendered public pages. Entries are only valid for the render stamp
 * they were made with (see render-stamp.ts); the stamp is read from the database on every request,
 * so a change made through any app instance is served by all of them on the next request.
 */
export type CachedPage = { stamp: string; body: string; headers: Array<[string, string]> };

export class RenderCache {
	readonly #entries = new Map<string, CachedPage>();
	constructor(readonly maxEntries: number) {}

	get(key: string, stamp: string): CachedPage | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.stamp !== stamp) {
			this.#entries.delete(key);
			return undefined;
		}
		// Least recently used goes first: re-inserting moves the key to the end.
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return entry;
	}

	set(key: string, page: CachedPage): void {
		this.#entries.delete(key);
		this.#entries.set(key, page);
		while (this.#entries.size > this.maxEntries) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#entries.delete(oldest);
		}
	}

	get size(): number {
		return this.#entries.size;
	}
}

/** The header that lets a cached page's own route render it; anyone else gets a 404. */
export const INTERNAL_RENDER_HEADER = 'x-needlepoint-render';

export function internalRenderToken(secret: string): string {
	return keyedHash(secret, 'internal-render', 'v1').slice(0, 32);
}

/** Stands in the cached HTML for the per-request form token (time on page must count from now). */
export const FORM_TOKEN_PLACEHOLDER = '__NEEDLEPOINT_FORM_TOKEN__';

export function weakEtag(secret: string, key: string, stamp: string): string {
	return `W/"${keyedHash(secret, 'etag', `${key}\u0000${stamp}`).slice(0, 27)}"`;
}

/** RFC 9110: If-None-Match is a list, or "*"; weak comparison. */
export function matchesEtag(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
