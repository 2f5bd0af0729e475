/** Just enough media-type parsing for the JSON API (RFC 9110 §8.3.1), without a dependency. */

export type MediaType = { readonly type: string; readonly params: ReadonlyMap<string, string> };

/** "application/json; charset=UTF-8" → { type: "application/json", params: { charset: "UTF-8" } }. */
export function parseMediaType(header: string | null): MediaType | null {
	if (!header) return null;
	const [essence = '', ...rest] = header.split(';');
	const type = essence.trim().toLowerCase();
	if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return null;
	const params = new Map<string, string>();
	for (const part of rest) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const name = part.slice(0, at).trim().toLowerCase();
		const value = part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
		if (name) params.set(name, value);
	}
	return { type, params };
}

/** application/json or any structured "+json" type (application/fhir+json, …). */
export function isJsonType(type: string): boolean {
	return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/**
 * True when an Accept header asks for application/fhir+json at least as much as for plain JSON.
 * Quality values are honoured; a missing header or a wildcard gets plain application/json, which
 * every JSON client understands.
 */
export function prefersFhirJson(accept: string | null): boolean {
	if (!accept) return false;
	const quality = new Map<string, number>();
	for (const range of accept.split(',')) {
		const media = parseMediaType(range);
		if (!media) continue;
		const q = Number(media.params.get('q') ?? '1');
		quality.set(media.type, Number.isFinite(q) ? q : 0);
	}
	const fhir = quality.get('application/fhir+json') ?? 0;
	return fhir > 0 && fhir >= (quality.get('application/json') ?? 0);
}
