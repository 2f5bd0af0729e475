/**
 * The visitor's address as adapter-node reports it (the socket, or ADDRESS_HEADER behind a proxy).
 * It is only ever used to compute a keyed hash for rate limits.
 */
export function clientAddressOf(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
