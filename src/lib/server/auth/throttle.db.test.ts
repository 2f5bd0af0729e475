import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from './actor';
import { SIGN_IN_FAILED, signIn } from './sign-in.service';
import { ACCOUNT_RULE, ADDRESS_RULE, lockMinutes } from './throttle';

describe('lockMinutes', () => {
	it('grows from one minute and stops at fifteen', () => {
		const minutes = Array.from({ length: 12 }, (_, i) => lockMinutes(ACCOUNT_RULE, i + 1));
		expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15, 15]);
		expect(lockMinutes(ADDRESS_RULE, 20)).toBe(0);
		expect(lockMinutes(ADDRESS_RULE, 21)).toBe(1);
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
			for (let i = 0; i < 5; i++) {
				const error = await domainError(signIn(instances[i % 2]!, { email, password: `wrong ${i}` }));
				expect(error.message).toBe(SIGN_IN_FAILED);
			}
			// Locked now, even with the right password, on either instance.
			for (const ctx of instances) {
				const locked = await domainError(signIn(ctx, { email, password: DEMO_PASSWORD }));
				expect(locked.code).toBe('rate_limited');
			}
			clock.advance(MINUTE + 1000);
			// The sixth failure locks for two minutes.
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
		expect(results).toEqual([...Array(5).fill('unauthenticated'), 'rate_limited', ...Array(5).fill('unauthenticated'), 'rate_limited']);
	});

	it('locks a client address that tries many accounts', async () => {
		const base = testCtx(handle.db, anonymous, fixedClock(new Date(TEST_NOW.getTime() + 86_400_000)));
		const ctx = { ...base, client: { ip: '203.0.113.9', userAgent: 'spray' } };
		const codes = [];
		for (let i = 0; i < 23; i++) codes.push((await domainError(signIn(ctx, { email: `user${i}@example.com`, password: 'Password123!' }))).code);
		// Twenty failures are free; the 21st locks the address.
		expect(codes.slice(0, 21).every((c) => c === 'unauthenticated')).toBe(true);
		expect(codes.slice(21)).toEqual(['rate_limited', 'rate_limited']);
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
