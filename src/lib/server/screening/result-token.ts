import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseScreeningInput, type ScreeningAnswers, type ScreeningInput } from '../../shared/screening/input.schema';

/**
 * A signed copy of someone's self-assessment answers, so the result can travel from the result
 * page into booking without the server storing anything in between.
 *
 * Format: `v1.<payload>.<signature>`, both parts base64url. The payload is JSON
 * `{"a": answers, "r": rulesetVersion, "iat": issued-at in ms}`; the signature is HMAC-SHA256 over
 * `v1.<payload>` with a key derived from APP_SECRET for this purpose only, so a token made for
 * something else with the same secret can never pass here.
 *
 * Signed, NOT encrypted: anyone holding a token can read the answers, which are health
 * information. It must only travel in POST bodies over HTTPS — never in a URL, a log line or a
 * cookie. Booking should re-run the rules on the verified answers rather than trust any
 * recommendation sent next to the token.
 */

export const RESULT_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Tolerates small clock differences between app instances sharing one secret. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Far above any real token (every answer ticked is about 2 KB); stops work on junk early. */
const MAX_TOKEN_LENGTH = 8192;
const PREFIX = 'v1';
const KEY_PURPOSE = 'needlepoint:screening-result-token:v1';
const SHAPE = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

export interface ResultTokenClaims {
	readonly answers: ScreeningInput;
	readonly rulesetVersion: string;
	readonly issuedAt: Date;
}

export type ResultTokenCheck =
	| { readonly valid: true; readonly claims: ResultTokenClaims }
	/** forged: the signature does not match; expired: older than the maximum age; malformed: anything else. */
	| { readonly valid: false; readonly reason: 'malformed' | 'forged' | 'expired' };

function keyFor(appSecret: string): Buffer {
	return createHmac('sha256', appSecret).update(KEY_PURPOSE).digest();
}

function sign(signedPart: string, appSecret: string): Buffer {
	return createHmac('sha256', keyFor(appSecret)).update(signedPart).digest();
}

export function issueResultToken(claims: ResultTokenClaims, appSecret: string): string {
	// Answers go in as a client would send them (an unanswered duration is "", not null), so
	// verifying can run them through the same input schema as any other answers.
	const answers: ScreeningAnswers = { ...claims.answers, duration: claims.answers.duration ?? '' };
	const payload = Buffer.from(
		JSON.stringify({ a: answers, r: claims.rulesetVersion, iat: claims.issuedAt.getTime() })
	).toString('base64url');
	const signedPart = `${PREFIX}.${payload}`;
	return `${signedPart}.${sign(signedPart, appSecret).toString('base64url')}`;
}

export function verifyResultToken(
	token: unknown,
	appSecret: string,
	now: Date,
	maxAgeMs: number = RESULT_TOKEN_MAX_AGE_MS
): ResultTokenCheck {
	if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !SHAPE.test(token)) {
		return { valid: false, reason: 'malformed' };
	}
	const cut = token.lastIndexOf('.');
	const signedPart = token.slice(0, cut);
	const given = Buffer.from(token.slice(cut + 1), 'base64url');
	const expected = sign(signedPart, appSecret);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { valid: false, reason: 'forged' };
	}

	// From here the payload is ours, but it may come from an older release: check it anyway.
	let payload: unknown;
	try {
		payload = JSON.parse(Buffer.from(signedPart.slice(PREFIX.length + 1), 'base64url').toString('utf8'));
	} catch {
		return { valid: false, reason: 'malformed' };
	}
	if (typeof payload !== 'object' || payload === null) return { valid: false, reason: 'malformed' };
	const { a, r, iat } = payload as Record<string, unknown>;
	if (typeof r !== 'string' || typeof iat !== 'number' || !Number.isSafeInteger(iat)) {
		return { valid: false, reason: 'malformed' };
	}
	const age = now.getTime() - iat;
	if (age > maxAgeMs) return { valid: false, reason: 'expired' };
	if (age < -CLOCK_SKEW_MS) return { valid: false, reason: 'malformed' };
	const answers = parseScreeningInput(a);
	if (!answers.success) return { valid: false, reason: 'malformed' };
	return { valid: true, claims: { answers: answers.data, rulesetVersion: r, issuedAt: new Date(iat) } };
}
