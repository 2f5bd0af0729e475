import { createHmac } from 'node:crypto';

/**
 * Sign-in throttling policy. Counters are kept per account (the typed email, whether or not an
 * account exists, so the lock reveals nothing) and per client address; both as keyed hashes.
 */
export type ThrottleRule = { freeFailures: number; firstLockMinutes: number; maxLockMinutes: number };

export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 4, firstLockMinutes: 1, maxLockMinutes: 15 };
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, firstLockMinutes: 1, maxLockMinutes: 15 };
/** A counter with no failure for this long starts again from zero. */
export const THROTTLE_RESET_HOURS = 24;

/** Lock length after the n-th consecutive failure: 0, then 1, 2, 4, 8 … minutes up to the cap. */
export function lockMinutes(rule: ThrottleRule, failures: number): number {
	const over = failures - rule.freeFailures;
	if (over <= 0) return 0;
	return Math.min(rule.firstLockMinutes * 2 ** (over - 1), rule.maxLockMinutes);
}

export function throttleKey(kind: 'account' | 'address' | 'reset', value: string, appSecret: string): string {
	const digest = createHmac('sha256', appSecret).update(`throttle:${kind}:${value.trim().toLowerCase()}`).digest('hex');
	return `${kind}:${digest}`;
}
