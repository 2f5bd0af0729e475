import { json } from '@sveltejs/kit';
import { managedResponse } from '$lib/server/booking/booking-api';
import { cancelByToken } from '$lib/server/booking/manage.service';
import { NO_STORE, methodNotAllowed } from '../../../api-responses';
import { bookingProblem } from '../../booking-problems';
import { readManageRequest } from '../manage-request';

/** Cancels with the patient's manage token, within the clinic's cancellation window. */
export async function POST({ request, locals, params }) {
	const read = await readManageRequest(request, false);
	if (read instanceof Response) return read;
	try {
		return json(managedResponse(await cancelByToken(locals.ctx, read.token, params.id)), { headers: NO_STORE });
	} catch (caught) {
		return bookingProblem(locals.ctx, caught);
	}
}

export const fallback = () => methodNotAllowed(['POST']);
