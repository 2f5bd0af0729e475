import { ConsultationFirstError, SlotTakenError } from '$lib/server/booking/booking-errors';
import { slotsResponse } from '$lib/server/booking/booking-api';
import { isIdempotencyKey } from '$lib/server/booking/idempotency';
import { getClinic } from '$lib/server/clinic/clinic.service';
import type { Ctx } from '$lib/server/context';
import { STATUS_FOR, problem, problemFrom } from '$lib/server/http';

/** The Idempotency-Key header: absent, valid, or a 400 problem to send back. */
export function idempotencyKeyOf(request: Request): string | undefined | Response {
	const key = request.headers.get('idempotency-key');
	if (key === null) return undefined;
	if (!isIdempotencyKey(key)) {
		return problem(400, 'Bad Request', {
			detail: 'Idempotency-Key must be 8 to 200 visible ASCII characters, such as a UUID.',
			errors: [{ field: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters, such as a UUID.' }]
		});
	}
	return key;
}

/** Domain errors as problems; a taken slot also lists the nearest free times. */
export async function bookingProblem(ctx: Ctx, caught: unknown): Promise<Response> {
	if (caught instanceof SlotTakenError) {
		const clinic = await getClinic(ctx);
		return problem(STATUS_FOR[caught.code], 'Conflict', {
			detail: caught.message,
			errors: Object.entries(caught.fieldErrors).map(([field, message]) => ({ field, message })),
			alternatives: slotsResponse(caught.alternatives, clinic.timeZone)
		});
	}
	if (caught instanceof ConsultationFirstError) {
		const response = problemFrom(caught);
		const body = await response.json();
		return problem(response.status, body.title, { ...body, consultation: caught.consultationSlug ?? null });
	}
	return problemFrom(caught);
}
