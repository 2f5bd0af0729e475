import { json } from '@sveltejs/kit';
import { problemFrom } from '$lib/server/http';

/** GET for one atlas: the query string goes to `list`; reference data (no PHI), so cacheable for an hour. */
export function atlasGet(list: (search: URLSearchParams) => unknown) {
	return ({ url }: { url: URL }): Response => {
		try {
			return json(list(url.searchParams), { headers: { 'cache-control': 'public, max-age=3600' } });
		} catch (caught) {
			return problemFrom(caught);
		}
	};
}
