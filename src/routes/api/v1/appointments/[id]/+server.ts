import { json } from '@sveltejs/kit';
import { managedResponse } from '$lib/server/booking/booking-api';
import { viewByToken } from '$lib/server/booking/manage.service';
import { problemFrom } from '$lib/server/http';
import { NO_STORE, methodNotAllowed } from '../../api-responses';
import { bearerToken } from './manage-request';

/** The appointment behind the 201's Location header, for whoever holds its manage token. */
export async function GET({ request, locals, params }) {
	try {
		return json(managedResponse(await viewByToken(locals.ctx, bearerToken(request), params.id)), { headers: NO_STORE });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
