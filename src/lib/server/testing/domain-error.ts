import { DomainError } from '../errors';

/** Awaits a promise that must fail with a DomainError and returns that error. */
export async function domainError(promise: Promise<unknown>): Promise<DomainError> {
	const caught = await promise.then(
		() => undefined,
		(error: unknown) => error
	);
	if (!(caught instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(caught)}`);
	return caught;
}
