import { problemFrom } from '$lib/server/http';
import { getAvailabilityJson } from '$lib/server/scheduling/availability.service';
import { methodNotAllowed } from '../api-responses';

/** ?service=SLUG&from=YYYY-MM-DD&to=YYYY-MM-DD[&provider=ID]: free slots, sorted by start. */
export async function GET({ locals, url }) {
	try {
		// Free times change with every booking: never cached.
		const body = await getAvailabilityJson(locals.ctx, Object.fromEntries(url.searchParams));
		return new Response(body, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
