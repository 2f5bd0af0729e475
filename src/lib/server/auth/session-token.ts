import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. Only the SHA-256 of a token is stored. */
export function newSessionToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Shape check before any database work: forged or truncated cookies stop here. */
export function looksLikeSessionToken(value: string | undefined): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
