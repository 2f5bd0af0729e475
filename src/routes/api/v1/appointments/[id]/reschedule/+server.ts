import { json } from '@sveltejs/kit';
import { managedResponse } from '$lib/server/booking/booking-api';
import { rescheduleByToken } from '$lib/server/booking/manage.service';
import { NO_STORE, methodNotAllowed } from '../../../api-responses';
import { bookingProblem } from '../../booking-problems';
import { readManageRequest } from '../manage-request';

/** Moves the appointment to another published slot, with the patient's manage token. */
export async function POST({ request, locals, params }) {
	const read = await readManageRequest(request, true);
	if (read instanceof Response) return read;
	try {
		return json(managedResponse(await rescheduleByToken(locals.ctx, read.token, read.body, params.id)), { headers: NO_STORE });
	} catch (caught) {
		return bookingProblem(locals.ctx, caught);
	}
}

export const fallback = () => methodNotAllowed(['POST']);
