import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { DomainError, type DomainErrorCode, type FieldErrors } from './errors';

/** The one place where domain errors become HTTP. */
export const STATUS_FOR: Record<DomainErrorCode, number> = {
	validation_failed: 422,
	not_found: 404,
	forbidden: 403,
	unauthenticated: 401,
	conflict: 409,
	rate_limited: 429,
	unavailable: 503
};

export type FormFailure = {
	message: string;
	errors: FieldErrors;
	values: Record<string, unknown>;
};

/**
 * For form actions: expected failures come back to the page with what was typed (minus secrets)
 * so nothing is lost; anything else is an unexpected error for handleError.
 */
export function formFailure(
	caught: unknown,
	values: Record<string, unknown>,
	secretFields: string[] = ['password']
): ActionFailure<FormFailure> {
	if (!(caught instanceof DomainError)) throw caught;
	if (caught.code === 'not_found' || caught.code === 'forbidden') error(STATUS_FOR[caught.code], caught.message);
	const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !secretFields.includes(key)));
	return fail(caught.code === 'validation_failed' ? 400 : STATUS_FOR[caught.code], {
		message: caught.message,
		errors: caught.fieldErrors,
		values: kept
	});
}

/** For load functions: expected failures become SvelteKit errors with a safe message. */
export function pageError(caught: unknown): never {
	if (caught instanceof DomainError) error(STATUS_FOR[caught.code], caught.message);
	throw caught;
}

/** RFC 9457 problem details for the JSON API. */
export function problem(status: number, title: string, extra: Record<string, unknown> = {}): Response {
	return json(
		{ type: 'about:blank', title, status, ...extra },
		{ status, headers: { 'content-type': 'application/problem+json' } }
	);
}

export function problemFrom(caught: unknown): Response {
	if (!(caught instanceof DomainError)) throw caught;
	const errors = Object.entries(caught.fieldErrors).map(([field, message]) => ({ field, message }));
	const response = problem(STATUS_FOR[caught.code], caught.message, errors.length ? { errors } : {});
	withRetryAfter(response, caught);
	return response;
}

/** A 429 or 503 says when to come back (RFC 9110 Retry-After, in seconds). */
export function withRetryAfter(response: Response, caught: DomainError): Response {
	if (caught.retryAfterSeconds !== undefined) response.headers.set('retry-after', String(caught.retryAfterSeconds));
	return response;
}
