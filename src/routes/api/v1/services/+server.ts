import { json } from '@sveltejs/kit';
import { toServiceResponse } from '$lib/server/booking/booking-api';
import { bookableCatalog } from '$lib/server/booking/booking-catalog.service';
import { problemFrom } from '$lib/server/http';
import { methodNotAllowed } from '../api-responses';

/** Services bookable online, in the clinic's order. */
export async function GET({ locals }) {
	try {
		return json((await bookableCatalog(locals.ctx)).map(toServiceResponse), { headers: { 'cache-control': 'public, max-age=60' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
