import { createHmac } from 'node:crypto';

/**
 * Throttling policy. Counters are kept per account (the typed email, whether or not an account
 * exists, so the lock reveals nothing), per client address, and per address asking for reset
 * emails; all as keyed hashes. An attempt is counted before the secret is checked (see
 * throttle.service.ts), so `freeAttempts` is also the most that can ever be checked at once.
 */
export type ThrottleRule = {
	/** Attempts allowed before the first wait. */
	freeAttempts: number;
	firstLockMinutes: number;
	maxLockMinutes: number;
	/** A counter with no attempt for this long starts again from zero. */
	resetHours: number;
};

export const ACCOUNT_RULE: ThrottleRule = { freeAttempts: 4, firstLockMinutes: 1, maxLockMinutes: 15, resetHours: 24 };
export const ADDRESS_RULE: ThrottleRule = { freeAttempts: 20, firstLockMinutes: 1, maxLockMinutes: 15, resetHours: 24 };
/** Reset emails: three per address per hour. */
export const RESET_EMAIL_RULE: ThrottleRule = { freeAttempts: 3, firstLockMinutes: 60, maxLockMinutes: 60, resetHours: 1 };

/**
 * The wait that follows the n-th counted attempt: none before the allowance is used up, then 1, 2,
 * 4, 8 … minutes up to the cap. The wait starts when the attempt is counted, before its outcome
 * is known; an attempt that turns out right gives its count back.
 */
export function lockMinutes(rule: ThrottleRule, attempts: number): number {
	const over = attempts - rule.freeAttempts + 1;
	if (over <= 0) return 0;
	return Math.min(rule.firstLockMinutes * 2 ** (over - 1), rule.maxLockMinutes);
}

export function throttleKey(kind: 'account' | 'address' | 'reset', value: string, appSecret: string): string {
	const digest = createHmac('sha256', appSecret).update(`throttle:${kind}:${value.trim().toLowerCase()}`).digest('hex');
	return `${kind}:${digest}`;
}
