import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe (43 characters). Shown once; only the hash is kept. */
export function newFeedToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
	return createHash('sha256').update(`calendar-feed:${token}`).digest('hex');
}

/** Shape check before any database work, so junk URLs cost nothing. */
export function looksLikeFeedToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function feedUrl(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}/calendar/${token}.ics`;
}
