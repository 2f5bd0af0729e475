import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from './actor';
import { endAllSessionsOf, endSessionOf, listSessionsOf } from './session-admin.service';
import { resolveSession } from './session.service';
import { signIn } from './sign-in.service';

describeEachEngine('admin view of sessions', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const policy = { idleMinutes: 30 };

	it('lists a member’s sessions with where they came from, and ends one or all', async () => {
		const clock = fixedClock(TEST_NOW);
		const phone = { ...testCtx(handle.db, anonymous, clock), client: { ip: '198.51.100.4', userAgent: 'Phone browser' } };
		const desk = { ...testCtx(handle.db, anonymous, clock), client: { ip: '192.0.2.8', userAgent: 'Desk browser' } };
		const email = 'sam.obrien@boston-spine.example';
		const a = await signIn(phone, { email, password: DEMO_PASSWORD });
		const b = await signIn(desk, { email, password: DEMO_PASSWORD });
		const c = await signIn(desk, { email, password: DEMO_PASSWORD });

		const admin = testCtx(handle.db, await staffActor(handle.db, 'admin'), clock);
		const sessions = await listSessionsOf(admin, a.staffId);
		expect(sessions).toHaveLength(3);
		expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Desk browser', 'Desk browser', 'Phone browser']);
		expect(sessions.every((s) => /^[0-9a-f]{16}$/.test(s.id))).toBe(true);

		const phoneSession = sessions.find((s) => s.userAgent === 'Phone browser')!;
		await endSessionOf(admin, a.staffId, phoneSession.id);
		expect(await resolveSession(handle.db, clock, policy, a.token)).toBeNull();
		expect((await resolveSession(handle.db, clock, policy, b.token))?.actor).toBeDefined();

		expect(await endAllSessionsOf(admin, a.staffId)).toBe(2);
		expect(await resolveSession(handle.db, clock, policy, c.token)).toBeNull();
		expect((await domainError(endSessionOf(admin, a.staffId, phoneSession.id))).code).toBe('not_found');
		const actions = (await handle.db.selectFrom('auditEvent').select('action').execute()).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['auth.session_ended', 'auth.sessions_ended']));
	});

	it('shows sessions to administrators only', async () => {
		const someone = await staffActor(handle.db, 'clinician');
		for (const role of ['clinician', 'front_desk'] as const) {
			const ctx = testCtx(handle.db, await staffActor(handle.db, role));
			expect((await domainError(listSessionsOf(ctx, someone.staffId))).code).toBe('forbidden');
			expect((await domainError(endAllSessionsOf(ctx, someone.staffId))).code).toBe('forbidden');
		}
	});
});
