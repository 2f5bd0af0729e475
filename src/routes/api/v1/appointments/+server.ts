import { json } from '@sveltejs/kit';
import { readJsonBody } from '$lib/server/api/json-body';
import { confirmationResponse } from '$lib/server/booking/booking-api';
import { bookOnline } from '$lib/server/booking/booking.service';
import { problem } from '$lib/server/http';
import { NO_STORE, methodNotAllowed } from '../api-responses';
import { bookingProblem, idempotencyKeyOf } from './booking-problems';

/** Books an appointment. An Idempotency-Key header makes retries and double submits safe. */
export async function POST({ request, locals, url }) {
	const key = idempotencyKeyOf(request);
	if (key instanceof Response) return key;
	const body = await readJsonBody(request);
	if (!body.ok) {
		const { status, title, detail } = body.problem;
		return problem(status, title, { detail });
	}
	try {
		const { confirmation, replayed, timeZone } = await bookOnline(locals.ctx, body.value, {
			source: 'api',
			...(key ? { idempotency: { scope: 'api:appointments', key } } : {})
		});
		return json(confirmationResponse(confirmation, timeZone, url.origin), {
			status: 201,
			headers: { ...NO_STORE, location: `/api/v1/appointments/${confirmation.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) }
		});
	} catch (caught) {
		return bookingProblem(locals.ctx, caught);
	}
}

export const fallback = () => methodNotAllowed(['POST']);
