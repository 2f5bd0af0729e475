/**
 * Errors the domain throws on purpose. Only ../http.ts maps them to HTTP, so services never know
 * about status codes.
 */
export type DomainErrorCode =
	| 'validation_failed'
	| 'not_found'
	| 'forbidden'
	| 'unauthenticated'
	| 'conflict'
	| 'rate_limited'
	| 'unavailable';

/** The message shown next to each bad field, keyed by field name. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
	constructor(
		readonly code: DomainErrorCode,
		message: string,
		readonly fieldErrors: FieldErrors = {},
		/** For 'rate_limited' and 'unavailable': when trying again can succeed (HTTP Retry-After). */
		readonly retryAfterSeconds?: number
	) {
		super(message);
		this.name = 'DomainError';
	}
}

/** Too many requests of one kind from one address or for one email; try again after the wait. */
export function rateLimited(message: string, retryAfterSeconds: number) {
	return new DomainError('rate_limited', message, {}, Math.max(1, Math.ceil(retryAfterSeconds)));
}

export function validationFailed(fieldErrors: FieldErrors, message = 'Please correct the marked fields.') {
	return new DomainError('validation_failed', message, fieldErrors);
}

/** One message for "missing" and "not yours", so responses never reveal what exists. */
export function notFound(what = 'record') {
	return new DomainError('not_found', `That ${what} was not found.`);
}

export function forbidden() {
	return new DomainError('forbidden', 'You do not have permission to do that.');
}
