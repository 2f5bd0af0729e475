import { json } from '@sveltejs/kit';
import { listAcupoints } from '$lib/server/charting/atlas/atlas-api';
import { problemFrom } from '$lib/server/http';
import { methodNotAllowed } from '../../api-responses';

/** The acupoint atlas (361 WHO points): ?q=&region=&meridian= (see the OpenAPI document). Reference data, no PHI. */
export function GET({ url }) {
	try {
		return json(listAcupoints(url.searchParams), { headers: { 'cache-control': 'public, max-age=3600' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
