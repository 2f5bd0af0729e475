import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a patient's "manage your appointment" link: 256 random bits, base64url. Only its
 * SHA-256 is stored, so a copy of the database cannot be used to cancel anyone's appointment.
 */
export function newManageToken(): { token: string; hash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, hash: hashManageToken(token) };
}

export function hashManageToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Cheap shape check before any lookup, so junk never reaches the database. */
export function isManageTokenShape(token: unknown): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
