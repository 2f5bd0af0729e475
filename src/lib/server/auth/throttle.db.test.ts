import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import type { Ctx } from '../context';
import { anonymous } from './actor';
import { completeEnrolment, offerEnrolment, regenerateRecoveryCodes, resetMfa, verifySecondFactor } from './mfa.service';
import { loadConfig } from '../config';
import { open } from './secret-box';
import { hashToken } from './session-token';
import { totpCode } from './totp';
import { changeOwnPassword, requestPasswordReset } from './password.service';
import { memoryMailer } from '../mail/mail';
import { SIGN_IN_FAILED, signIn } from './sign-in.service';
import { ACCOUNT_RULE, ADDRESS_RULE, lockMinutes } from './throttle';

describe('lockMinutes', () => {
	it('waits after the free attempts are used, from one minute up to fifteen', () => {
		const minutes = Array.from({ length: 12 }, (_, i) => lockMinutes(ACCOUNT_RULE, i + 1));
		expect(minutes).toEqual([0, 0, 0, 1, 2, 4, 8, 15, 15, 15, 15, 15]);
		expect(lockMinutes(ADDRESS_RULE, 19)).toBe(0);
		expect(lockMinutes(ADDRESS_RULE, 20)).toBe(1);
	});
});

const MINUTE = 60_000;

describeEachEngine('sign-in throttling', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));

	it('locks an account after repeated failures across two app instances, with growing delays', async () => {
		const clock = fixedClock(TEST_NOW);
		const other = handle.openAnother();
		try {
			// Alternate instances, each its own connection, as behind a load balancer.
			const instances = [handle.db, other.db].map((db) => testCtx(db, anonymous, clock));
			const email = 'alex.chen@boston-spine.example';
			for (let i = 0; i < 4; i++) {
				const error = await domainError(signIn(instances[i % 2]!, { email, password: `wrong ${i}` }));
				expect(error.message).toBe(SIGN_IN_FAILED);
			}
			// Locked now, even with the right password, on either instance.
			for (const ctx of instances) {
				const locked = await domainError(signIn(ctx, { email, password: DEMO_PASSWORD }));
				expect(locked.code).toBe('rate_limited');
			}
			clock.advance(MINUTE + 1000);
			// The fifth attempt locks for two minutes.
			await domainError(signIn(instances[0]!, { email, password: 'wrong again' }));
			clock.advance(MINUTE + 1000);
			expect((await domainError(signIn(instances[1]!, { email, password: DEMO_PASSWORD }))).code).toBe('rate_limited');
			clock.advance(MINUTE);
			const session = await signIn(instances[1]!, { email, password: DEMO_PASSWORD });
			expect(session.stage).toBe('full');
		} finally {
			await other.close();
		}
	});

	it('locks an unknown email exactly like a real one', async () => {
		const ctx = testCtx(handle.db, anonymous, fixedClock(TEST_NOW));
		const results = [];
		for (const email of ['nobody@boston-spine.example', 'priya.nair@boston-spine.example']) {
			for (let i = 0; i < 6; i++) results.push((await domainError(signIn(ctx, { email, password: 'not it at all' }))).code);
		}
		expect(results).toEqual([...Array(4).fill('unauthenticated'), 'rate_limited', 'rate_limited', ...Array(4).fill('unauthenticated'), 'rate_limited', 'rate_limited']);
	});

	it('locks a client address that tries many accounts', async () => {
		const base = testCtx(handle.db, anonymous, fixedClock(new Date(TEST_NOW.getTime() + 86_400_000)));
		const ctx = { ...base, client: { ip: '203.0.113.9', userAgent: 'spray' } };
		const codes = [];
		for (let i = 0; i < 23; i++) codes.push((await domainError(signIn(ctx, { email: `user${i}@example.com`, password: 'Password123!' }))).code);
		// Twenty attempts are free; the 21st waits.
		expect(codes.slice(0, 20).every((c) => c === 'unauthenticated')).toBe(true);
		expect(codes.slice(20)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
		// Another address is not affected.
		const elsewhere = { ...ctx, client: { ip: '198.51.100.7', userAgent: 'x' } };
		expect((await signIn(elsewhere, { email: 'sam.obrien@boston-spine.example', password: DEMO_PASSWORD })).stage).toBe('full');
	});

	it('audits failures, locks and successes without recording what was typed', async () => {
		const rows = await handle.db.selectFrom('auditEvent').select(['action', 'outcome', 'detail']).execute();
		const actions = new Set(rows.map((r) => r.action));
		expect(actions).toEqual(new Set(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_in_locked']));
		expect(JSON.stringify(rows)).not.toMatch(/wrong|not it|Password123|nobody@/);
	});
});

/** Codes of parallel attempts, each from its own address unless one is given. */
async function race(count: number, attempt: (i: number) => Promise<unknown>): Promise<Record<string, number>> {
	const codes = await Promise.all(Array.from({ length: count }, (_, i) => domainError(attempt(i)).then((e) => e.code)));
	return codes.reduce<Record<string, number>>((tally, code) => ({ ...tally, [code]: (tally[code] ?? 0) + 1 }), {});
}

describeEachEngine('throttles under parallel guessing', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const clock = fixedClock(TEST_NOW);
	// PostgreSQL: two pools, as two app processes would have. SQLite: one connection per process
	// (better-sqlite3 is synchronous, so a second one in the same thread would only block the first
	// until busy_timeout); tests/e2e/server.e2e.ts races two real processes on one SQLite file.
	const secondInstance = () => (handle.engine === 'postgres' ? handle.openAnother() : handle.database);
	const closeSecond = async (other: { close: () => Promise<void> }) => {
		if (other !== handle.database) await other.close();
	};

	it('lets at most 4 of 20 parallel wrong sign-ins against one account reach the password check, across two instances', async () => {
		const other = secondInstance();
		try {
			const instances = [handle.db, other.db].map((db) => testCtx(db, anonymous, clock));
			const email = 'alex.chen@boston-spine.example';
			const tally = await race(20, (i) =>
				signIn({ ...instances[i % 2]!, client: { ip: `198.51.100.${i + 1}`, userAgent: 'race' } }, { email, password: `wrong ${i}` })
			);
			// `unauthenticated` means the password was checked (and was wrong).
			expect(tally).toEqual({ unauthenticated: 4, rate_limited: 16 });
			expect((await domainError(signIn(instances[0]!, { email, password: DEMO_PASSWORD }))).code).toBe('rate_limited');
		} finally {
			await closeSecond(other);
		}
	});

	it('lets at most 20 of 30 parallel wrong sign-ins from one address reach the password check', async () => {
		const other = secondInstance();
		try {
			const instances = [handle.db, other.db].map((db) => ({ ...testCtx(db, anonymous, clock), client: { ip: '203.0.113.50', userAgent: 'spray' } }));
			const tally = await race(30, (i) => signIn(instances[i % 2]!, { email: `sprayed${i}@example.com`, password: 'Password123!' }));
			expect(tally).toEqual({ unauthenticated: 20, rate_limited: 10 });
		} finally {
			await closeSecond(other);
		}
	});

	it('puts re-entered passwords (password change, MFA reset, new recovery codes) under the same account throttle', async () => {
		const other = secondInstance();
		try {
			const actor = await staffActor(handle.db, 'front_desk');
			const instances = [handle.db, other.db].map((db) => testCtx(db, actor, clock));
			const operations = [
				(ctx: Ctx) => changeOwnPassword(ctx, 'no-such-session', { currentPassword: 'a guess', password: 'quiet river lantern 42', confirm: 'quiet river lantern 42' }),
				(ctx: Ctx) => resetMfa(ctx, actor.staffId, 'a guess'),
				(ctx: Ctx) => regenerateRecoveryCodes(ctx, 'a guess')
			];
			const tally = await race(21, (i) => operations[i % 3]!({ ...instances[i % 2]!, client: { ip: `192.0.2.${i + 1}`, userAgent: 'race' } }));
			// `validation_failed` means the password was checked (and was wrong).
			expect(tally).toEqual({ validation_failed: 4, rate_limited: 17 });
			// The right password is refused too while the account is locked, and so is signing in.
			expect((await domainError(resetMfa(instances[0]!, actor.staffId, DEMO_PASSWORD))).code).toBe('rate_limited');
			expect((await domainError(signIn(testCtx(handle.db, anonymous, clock), { email: actor.email, password: DEMO_PASSWORD }))).code).toBe('rate_limited');
		} finally {
			await closeSecond(other);
		}
	});

	it('sends at most three reset emails for one address, however many requests race', async () => {
		const other = secondInstance();
		try {
			const mailer = memoryMailer();
			const instances = [handle.db, other.db].map((db) => ({ ...testCtx(db, anonymous, clock), mail: mailer }));
			await Promise.all(
				Array.from({ length: 12 }, (_, i) => requestPasswordReset(instances[i % 2]!, { email: 'sam.obrien@boston-spine.example' }, 'https://clinic.example'))
			);
			expect(mailer.sent).toHaveLength(3);
		} finally {
			await closeSecond(other);
		}
	});

	it('lets at most 4 of 20 parallel wrong second-factor codes be checked', async () => {
		const other = secondInstance();
		try {
			const config = loadConfig({ NODE_ENV: 'test', REQUIRE_MFA: 'true' });
			const instances = [handle.db, other.db].map((db) => ({ ...testCtx(db, anonymous, clock), config }));
			const email = 'lin.zhao@boston-spine.example';
			const enrolling = await signIn(instances[0]!, { email, password: DEMO_PASSWORD });
			const offer = await offerEnrolment(instances[0]!, { email }, 'Boston Spine');
			const secret = open(config.appSecret, 'totp', offer.sealedSecret)!;
			await completeEnrolment(instances[0]!, { staffId: enrolling.staffId, email, tokenHash: hashToken(enrolling.token) }, offer.sealedSecret, totpCode(secret, clock.now().getTime()));
			const pending = await signIn(instances[1]!, { email, password: DEMO_PASSWORD });
			const right = totpCode(secret, clock.now().getTime() + 30_000);
			const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
			const tally = await race(20, (i) =>
				verifySecondFactor(instances[i % 2]!, { staffId: pending.staffId, email, tokenHash: hashToken(pending.token) }, wrong)
			);
			expect(tally).toEqual({ validation_failed: 4, rate_limited: 16 });
		} finally {
			await closeSecond(other);
		}
	});
});
