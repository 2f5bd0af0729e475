import { json } from '@sveltejs/kit';
import { listMuscles } from '$lib/server/charting/atlas/atlas-api';
import { problemFrom } from '$lib/server/http';
import { methodNotAllowed } from '../../api-responses';

/** The trigger-point atlas: ?q=&region=&refers= (see the OpenAPI document). Reference data, no PHI. */
export function GET({ url }) {
	try {
		return json(listMuscles(url.searchParams), { headers: { 'cache-control': 'public, max-age=3600' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
