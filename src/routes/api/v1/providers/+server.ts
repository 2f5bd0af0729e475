import { json } from '@sveltejs/kit';
import { toProviderResponse } from '$lib/server/booking/booking-api';
import { bookableCatalog, providersOf } from '$lib/server/booking/booking-catalog.service';
import { problemFrom } from '$lib/server/http';
import { methodNotAllowed } from '../api-responses';

/** Providers who deliver at least one service bookable online. */
export async function GET({ locals }) {
	try {
		return json(providersOf(await bookableCatalog(locals.ctx)).map(toProviderResponse), { headers: { 'cache-control': 'public, max-age=60' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
