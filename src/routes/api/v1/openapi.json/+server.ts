import { json } from '@sveltejs/kit';
import { API_MODULES } from '$lib/server/api/api-modules';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { methodNotAllowed } from '../api-responses';

export function GET({ url }) {
	return json(buildOpenApiDocument(API_MODULES, { serverUrl: `${url.origin}/api/v1` }), {
		headers: { 'cache-control': 'public, max-age=300' }
	});
}

export const fallback = () => methodNotAllowed(['GET']);
