import type { Kysely } from 'kysely';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { DomainError, validationFailed } from '../errors';
import { checkFormToken } from './form-token';
import { hashClientAddress } from './keyed-hash';
import { countHits, recordHit } from './rate-limit.repository';

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

/** Refuses once `max` submissions from the same address fell within the window; else counts this one. */
export async function takeRateLimit(db: Kysely<DB>, limit: RateLimit, keyHash: string, now: Date): Promise<void> {
	const since = new Date(now.getTime() - limit.windowMs);
	if ((await countHits(db, limit.scope, keyHash, since)) >= limit.max) {
		throw new DomainError('rate_limited', 'You have sent several messages in a short time. Please try again in an hour, or call us.');
	}
	await recordHit(db, limit.scope, keyHash, now, Math.max(limit.windowMs, 24 * 60 * 60 * 1000));
}
