import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ACCOUNT_RULE, ADDRESS_RULE, lockMinutes, THROTTLE_RESET_HOURS, throttleKey, type ThrottleRule } from './throttle';
import { clearThrottle, countFailure, lockedUntil, setLock } from './throttle.repository';

export type ThrottleSubject = { email: string; ip: string | null };

function keysOf(ctx: Ctx, subject: ThrottleSubject): Array<{ key: string; rule: ThrottleRule }> {
	const keys = [{ key: throttleKey('account', subject.email, ctx.config.appSecret), rule: ACCOUNT_RULE }];
	if (subject.ip) keys.push({ key: throttleKey('address', subject.ip, ctx.config.appSecret), rule: ADDRESS_RULE });
	return keys;
}

export class ThrottledError extends DomainError {
	constructor(override readonly retryAfterSeconds: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super('rate_limited', `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
	}
}

/** Throws ThrottledError while the account or the address is locked. */
export async function assertNotThrottled(ctx: Ctx, subject: ThrottleSubject): Promise<void> {
	const now = ctx.clock.now();
	const until = await lockedUntil(ctx.db, keysOf(ctx, subject).map((k) => k.key), now);
	if (until) throw new ThrottledError(Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** Counts a failed attempt against the account and the address, locking them as the rules say. */
export async function registerFailure(ctx: Ctx, subject: ThrottleSubject): Promise<void> {
	const now = ctx.clock.now();
	const resetBefore = new Date(now.getTime() - THROTTLE_RESET_HOURS * 3_600_000);
	for (const { key, rule } of keysOf(ctx, subject)) {
		const failures = await countFailure(ctx.db, key, now, resetBefore);
		const minutes = lockMinutes(rule, failures);
		if (minutes > 0) await setLock(ctx.db, key, new Date(now.getTime() + minutes * 60_000));
	}
}

/** A successful sign-in clears the account's counter (the address keeps its history). */
export async function registerSuccess(ctx: Ctx, subject: ThrottleSubject): Promise<void> {
	await clearThrottle(ctx.db, keysOf(ctx, subject)[0]!.key);
}
