import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 under the app secret, with a purpose label so one hash can never stand in for
 * another. Used for client addresses (we keep only this, never the address) and form tokens.
 */
export function keyedHash(secret: string, purpose: string, value: string): string {
	return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('hex');
}

export function hashClientAddress(secret: string, address: string): string {
	return keyedHash(secret, 'client-address', address).slice(0, 32);
}

/** Case, spacing and punctuation differences do not make a repeated message new. */
export function contentFingerprint(secret: string, ...parts: string[]): string {
	const normalised = parts.map((part) => part.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim());
	return keyedHash(secret, 'content', normalised.join('\u0000')).slice(0, 32);
}
