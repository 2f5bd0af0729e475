import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { rateLimited, validationFailed } from '../errors';
import { checkFormToken } from './form-token';
import { hashClientAddress } from './keyed-hash';
import { deleteCountersBefore, takeCounterHit } from './rate-limit.repository';

/**
 * Shared anti-spam checks of the public forms (comments, contact). The state lives in the database
 * so limits hold across several app instances; addresses are stored only as keyed hashes.
 */
export type RateLimit = { scope: string; max: number; windowMs: number };

export const COMMENT_LIMIT: RateLimit = { scope: 'comment', max: 10, windowMs: 60 * 60 * 1000 };
export const CONTACT_LIMIT: RateLimit = { scope: 'contact', max: 5, windowMs: 60 * 60 * 1000 };

export type FormSignals = { honeypot: string; formToken: string };

/**
 * 'bot' for a filled honeypot: the caller pretends success, so bots learn nothing. A token that is
 * too fresh, expired or forged is told to the person (who may simply have waited too long).
 */
export function checkFormSignals(ctx: Ctx, signals: FormSignals): 'human' | 'bot' {
	if (signals.honeypot.trim() !== '') return 'bot';
	const verdict = checkFormToken(ctx.config.appSecret, signals.formToken, ctx.clock.now());
	if (verdict === 'too_fast') {
		throw validationFailed({ form: 'That was quick! Please check your message and send it again.' }, 'Please send the form again.');
	}
	if (verdict !== 'ok') {
		throw validationFailed({ form: 'This form has expired. Please send it again.' }, 'Please send the form again.');
	}
	return 'human';
}

export function clientKey(ctx: Ctx, clientAddress: string): string {
	return hashClientAddress(ctx.config.appSecret, clientAddress);
}

const DAY_MS = 24 * 60 * 60 * 1000;
let takes = 0;

/**
 * Counts this request against `limit` for `keyHash` and refuses it (DomainError 'rate_limited'
 * with the seconds until the window ends) once more than `max` fell in the current fixed window.
 * The count and the check are one atomic statement (see takeCounterHit). Called inside a
 * transaction, a refused or failed request rolls its hit back, so only what went through counts.
 */
export async function takeRateLimit(
	db: Kysely<DB>,
	limit: RateLimit,
	keyHash: string,
	now: Date,
	message = 'You have sent several messages in a short time. Please try again in an hour, or call us.'
): Promise<void> {
	const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
	// Every 100th hit, not every one: old windows are pruned without a job.
	if (++takes % 100 === 0) await deleteCountersBefore(db, new Date(now.getTime() - Math.max(limit.windowMs, DAY_MS) - DAY_MS));
	const hits = await takeCounterHit(db, limit.scope, keyHash, new Date(windowStart));
	if (hits > limit.max) throw rateLimited(message, (windowStart + limit.windowMs - now.getTime()) / 1000);
}
