import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from './actor';
import { ABSOLUTE_SESSION_HOURS, endSession, resolveSession } from './session.service';
import { SIGN_IN_FAILED, signIn } from './sign-in.service';

const ADMIN = { email: 'admin@boston-spine.example', password: DEMO_PASSWORD };
const policy = { idleMinutes: 30 };
const MINUTE = 60_000;

describeEachEngine('sign-in and sessions', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));

	it('signs in with the right password and resolves the session to the staff member', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const { token } = await signIn(ctx, ADMIN);
		expect((await resolveSession(handle.db, ctx.clock, policy, token))?.actor).toMatchObject({
			kind: 'staff',
			role: 'admin',
			email: ADMIN.email
		});
	});

	it('gives one message for a wrong password and an unknown email', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const wrongPassword = await domainError(signIn(ctx, { ...ADMIN, password: 'not the password' }));
		const unknownEmail = await domainError(signIn(ctx, { email: 'nobody@example.com', password: 'whatever it is' }));
		expect([wrongPassword.message, unknownEmail.message]).toEqual([SIGN_IN_FAILED, SIGN_IN_FAILED]);
	});

	it('treats SQL and script payloads as ordinary wrong credentials', async () => {
		const ctx = testCtx(handle.db, anonymous);
		for (const payload of ["' or 1=1 --", '<script>alert(1)</script>', 'admin@boston-spine.example\' --']) {
			expect((await domainError(signIn(ctx, { email: payload, password: payload }))).code).toBe('unauthenticated');
		}
	});

	it('stores only a hash of the token', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const { token } = await signIn(ctx, ADMIN);
		const stored = await handle.db.selectFrom('session').select('tokenHash').execute();
		expect(stored.some((row) => row.tokenHash === token)).toBe(false);
		expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
	});

	it('ends a session after 30 idle minutes but not while it is used', async () => {
		const clock = fixedClock(TEST_NOW);
		const { token } = await signIn(testCtx(handle.db, anonymous, clock), ADMIN);
		for (let i = 0; i < 4; i++) {
			clock.advance(29 * MINUTE);
			expect((await resolveSession(handle.db, clock, policy, token))?.actor).toBeDefined();
		}
		clock.advance(30 * MINUTE);
		expect(await resolveSession(handle.db, clock, policy, token)).toBeNull();
	});

	it('ends a session 12 hours after sign-in however active it is', async () => {
		const clock = fixedClock(TEST_NOW);
		const { token } = await signIn(testCtx(handle.db, anonymous, clock), ADMIN);
		const steps = (ABSOLUTE_SESSION_HOURS * 60) / 20;
		for (let i = 1; i < steps; i++) {
			clock.advance(20 * MINUTE);
			expect((await resolveSession(handle.db, clock, policy, token))?.actor).toBeDefined();
		}
		clock.advance(20 * MINUTE);
		expect(await resolveSession(handle.db, clock, policy, token)).toBeNull();
	});

	it('treats forged, truncated, oversized and signed-out tokens as signed out', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const { token } = await signIn(ctx, ADMIN);
		for (const forged of ['', 'x', token.slice(0, -1), `${token}A`, 'A'.repeat(43), 'A'.repeat(5000), "' or 1=1 --"]) {
			expect(await resolveSession(handle.db, ctx.clock, policy, forged)).toBeNull();
		}
		await endSession(handle.db, token);
		expect(await resolveSession(handle.db, ctx.clock, policy, token)).toBeNull();
	});

	it('shares sessions between two app processes on one database', async () => {
		const other = handle.openAnother();
		try {
			const ctx = testCtx(handle.db, anonymous);
			const { token } = await signIn(ctx, ADMIN);
			expect((await resolveSession(other.db, ctx.clock, policy, token))?.actor).toMatchObject({ email: ADMIN.email });
			await endSession(other.db, token);
			expect(await resolveSession(handle.db, ctx.clock, policy, token)).toBeNull();
		} finally {
			await other.close();
		}
	});
});
