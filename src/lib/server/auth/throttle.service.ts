import type { Ctx } from '../context';
import { writeTransaction } from '../db/write-transaction';
import { DomainError } from '../errors';
import { ACCOUNT_RULE, ADDRESS_RULE, lockMinutes, throttleKey, type ThrottleRule } from './throttle';
import { clearThrottle, countAttemptUnlessLocked, creditAttempt, lockedUntil, setLock } from './throttle.repository';

export type ThrottleSubject = { email: string; ip: string | null };
export type ThrottleCounter = { key: string; rule: ThrottleRule };

/** The account first, then the address: one order everywhere, so two claims never deadlock. */
function countersOf(ctx: Ctx, subject: ThrottleSubject): ThrottleCounter[] {
	const counters = [{ key: throttleKey('account', subject.email, ctx.config.appSecret), rule: ACCOUNT_RULE }];
	if (subject.ip) counters.push({ key: throttleKey('address', subject.ip, ctx.config.appSecret), rule: ADDRESS_RULE });
	return counters;
}

export class ThrottledError extends DomainError {
	constructor(override readonly retryAfterSeconds: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super('rate_limited', `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
	}
}

/**
 * Counts an attempt against every counter before the password or code is checked, in one
 * transaction with the lock check, and starts the lock the count calls for at once. Parallel
 * guesses, on one instance or several, are therefore counted one by one: at most a rule's
 * `freeAttempts` reach the check before the first wait. Throws ThrottledError, counting nothing,
 * while any counter is locked.
 */
export async function claimCounters(ctx: Ctx, counters: ThrottleCounter[]): Promise<void> {
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		for (const { key, rule } of counters) {
			const attempts = await countAttemptUnlessLocked(trx, key, now, new Date(now.getTime() - rule.resetHours * 3_600_000));
			if (attempts === undefined) {
				const until = await lockedUntil(trx, [key], now);
				throw new ThrottledError(until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 60);
			}
			const minutes = lockMinutes(rule, attempts);
			if (minutes > 0) await setLock(trx, key, new Date(now.getTime() + minutes * 60_000));
		}
	});
}

/** Sign-in, the second factor and re-entered passwords: per account and per client address. */
export async function claimAttempt(ctx: Ctx, subject: ThrottleSubject): Promise<void> {
	await claimCounters(ctx, countersOf(ctx, subject));
}

/**
 * The claimed attempt was right: it gives its count back. `signedIn` (a full session reached)
 * also clears the account's earlier failures; a password that still waits for the second factor
 * does not, so guessing codes cannot be reset by signing in again.
 */
export async function attemptSucceeded(ctx: Ctx, subject: ThrottleSubject, options: { signedIn: boolean }): Promise<void> {
	await writeTransaction(ctx.db, async (trx) => {
		for (const [index, { key, rule }] of countersOf(ctx, subject).entries()) {
			if (index === 0 && options.signedIn) await clearThrottle(trx, key);
			else await creditAttempt(trx, key, rule.freeAttempts);
		}
	});
}
