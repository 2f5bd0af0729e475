import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { loadConfig } from '../config';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from './actor';
import { completeEnrolment, offerEnrolment, resetMfa, verifySecondFactor } from './mfa.service';
import { open } from './secret-box';
import { hashToken } from './session-token';
import { resolveSession } from './session.service';
import { signIn } from './sign-in.service';
import { totpCode } from './totp';

const STEP = 30_000;
const ADMIN = { email: 'admin@boston-spine.example', password: DEMO_PASSWORD };

describeEachEngine('two-step sign-in (TOTP)', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const clock = fixedClock(TEST_NOW);
	const requiring = () => ({ ...testCtx(handle.db, anonymous, clock), config: loadConfig({ NODE_ENV: 'test', REQUIRE_MFA: 'true' }) });
	let secret = '';
	let recoveryCodes: string[] = [];

	const pendingOf = (token: string) => ({ staffId: '', email: ADMIN.email, tokenHash: hashToken(token) });

	it('makes an admin set up MFA at sign-in when it is required, then gives a full session', async () => {
		const ctx = requiring();
		const first = await signIn(ctx, ADMIN);
		expect(first.stage).toBe('enrol_mfa');
		// A pending session is not a signed-in session.
		expect((await resolveSession(handle.db, clock, { idleMinutes: 30 }, first.token))?.stage).toBe('enrol_mfa');

		const offer = await offerEnrolment(ctx, { email: ADMIN.email }, 'Boston Spine');
		expect(offer.qrSvg).toContain('<svg');
		secret = open(ctx.config.appSecret, 'totp', offer.sealedSecret)!;
		expect(offer.manualKey.replace(/ /g, '')).toBe(secret);
		const pending = { ...pendingOf(first.token), staffId: first.staffId };

		expect((await domainError(completeEnrolment(ctx, pending, offer.sealedSecret, '000000'))).fieldErrors).toHaveProperty('code');
		const done = await completeEnrolment(ctx, pending, offer.sealedSecret, totpCode(secret, clock.now().getTime()));
		recoveryCodes = done.recoveryCodes;
		expect(recoveryCodes).toHaveLength(10);
		expect(done.session.stage).toBe('full');
		expect(await resolveSession(handle.db, clock, { idleMinutes: 30 }, first.token)).toBeNull();
		const stored = await handle.db.selectFrom('mfaRecoveryCode').select('codeHash').execute();
		expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
	});

	it('signs in with a code, refuses the same code again, and accepts the next one', async () => {
		clock.advance(2 * STEP);
		const ctx = requiring();
		const first = await signIn(ctx, ADMIN);
		expect(first.stage).toBe('pending_mfa');
		const code = totpCode(secret, clock.now().getTime());
		const full = await verifySecondFactor(ctx, { ...pendingOf(first.token), staffId: first.staffId }, code);
		expect(full.stage).toBe('full');

		const second = await signIn(ctx, ADMIN);
		const replay = await domainError(verifySecondFactor(ctx, { ...pendingOf(second.token), staffId: second.staffId }, code));
		expect(replay.fieldErrors.code).toMatch(/used already/);
		// A code from the previous step is also refused: it is older than the one already used.
		const older = await domainError(
			verifySecondFactor(ctx, { ...pendingOf(second.token), staffId: second.staffId }, totpCode(secret, clock.now().getTime() - STEP))
		);
		expect(older.code).toBe('validation_failed');
		clock.advance(STEP);
		const next = await verifySecondFactor(ctx, { ...pendingOf(second.token), staffId: second.staffId }, totpCode(secret, clock.now().getTime()));
		expect(next.stage).toBe('full');
	});

	it('accepts each recovery code once', async () => {
		const ctx = requiring();
		clock.advance(20 * 60_000); // past the throttle from the refused codes above
		const first = await signIn(ctx, ADMIN);
		const used = await verifySecondFactor(ctx, { ...pendingOf(first.token), staffId: first.staffId }, recoveryCodes[0]!.toUpperCase());
		expect(used.recoveryCodesLeft).toBe(9);
		const second = await signIn(ctx, ADMIN);
		const again = await domainError(verifySecondFactor(ctx, { ...pendingOf(second.token), staffId: second.staffId }, recoveryCodes[0]!));
		expect(again.code).toBe('validation_failed');
	});

	it('needs the password again to reset MFA, and audits it', async () => {
		const ctx = testCtx(handle.db, await staffActor(handle.db, 'admin'), clock);
		const wrong = await domainError(resetMfa(ctx, ctx.actor.kind === 'staff' ? ctx.actor.staffId : '', 'not my password'));
		expect(wrong.fieldErrors).toHaveProperty('currentPassword');
		await resetMfa(ctx, ctx.actor.kind === 'staff' ? ctx.actor.staffId : '', DEMO_PASSWORD);
		expect((await signIn(requiring(), ADMIN)).stage).toBe('enrol_mfa');
		const actions = (await handle.db.selectFrom('auditEvent').select('action').execute()).map((r) => r.action);
		for (const action of ['auth.mfa_enrolled', 'auth.mfa_verified', 'auth.mfa_failed', 'auth.mfa_recovery_used', 'auth.reauth_failed', 'auth.mfa_reset']) {
			expect(actions).toContain(action);
		}
	});

	it('makes the front desk set up MFA too when it is required: they read and merge patients', async () => {
		const desk = await signIn(requiring(), { email: 'frontdesk@boston-spine.example', password: DEMO_PASSWORD });
		expect(desk.stage).toBe('enrol_mfa');
		expect((await resolveSession(handle.db, clock, { idleMinutes: 30 }, desk.token))?.stage).toBe('enrol_mfa');
	});

	it('does not let a front-desk user reset someone else’s MFA', async () => {
		const ctx = testCtx(handle.db, await staffActor(handle.db, 'front_desk'), clock);
		const admin = await staffActor(handle.db, 'admin');
		expect((await domainError(resetMfa(ctx, admin.staffId, DEMO_PASSWORD))).code).toBe('forbidden');
		expect((await domainError(resetMfa(testCtx(handle.db, anonymous, clock), admin.staffId, DEMO_PASSWORD))).code).toBe('forbidden');
	});

	it('lets an admin reset a colleague’s MFA, but not of someone outside the clinic', async () => {
		const ctx = testCtx(handle.db, await staffActor(handle.db, 'admin'), clock);
		const clinician = await staffActor(handle.db, 'clinician');
		await resetMfa(ctx, clinician.staffId, DEMO_PASSWORD);
		expect((await domainError(resetMfa(ctx, '00000000-0000-4000-8000-000000000000', DEMO_PASSWORD))).code).toBe('not_found');
	});
});
