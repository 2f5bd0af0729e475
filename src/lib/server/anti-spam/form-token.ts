import { timingSafeEqual } from 'node:crypto';
import { keyedHash } from './keyed-hash';

/**
 * A signed "form shown at" time, put in every public form. A bot that posts within seconds of
 * fetching the page, or replays a token from last month, is refused; a person is not slowed down.
 */
export const MIN_SECONDS_ON_PAGE = 3;
export const MAX_TOKEN_AGE_HOURS = 72;

export type TokenVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

function signature(secret: string, issuedMs: number): string {
	return keyedHash(secret, 'form-token', String(issuedMs)).slice(0, 32);
}

export function issueFormToken(secret: string, now: Date): string {
	const issuedMs = now.getTime();
	return `${issuedMs}.${signature(secret, issuedMs)}`;
}

export function checkFormToken(secret: string, token: unknown, now: Date): TokenVerdict {
	if (typeof token !== 'string') return 'invalid';
	const match = /^(\d{10,15})\.([0-9a-f]{32})$/.exec(token);
	if (!match) return 'invalid';
	const issuedMs = Number(match[1]);
	const expected = Buffer.from(signature(secret, issuedMs));
	if (!timingSafeEqual(expected, Buffer.from(match[2]!))) return 'invalid';
	const age = now.getTime() - issuedMs;
	if (age < MIN_SECONDS_ON_PAGE * 1000) return 'too_fast';
	if (age > MAX_TOKEN_AGE_HOURS * 3600 * 1000) return 'expired';
	return 'ok';
}

let recent: { secret: string; second: number; token: string } | undefined;

/**
 * The token for "now", reused within the same second: busy cached pages then pay for one HMAC a
 * second instead of one per request, and the time on page is still measured from this second.
 */
export function currentFormToken(secret: string, now: Date): string {
	const second = Math.floor(now.getTime() / 1000);
	if (recent?.second !== second || recent.secret !== secret) {
		recent = { secret, second, token: issueFormToken(secret, new Date(second * 1000)) };
	}
	return recent.token;
}
