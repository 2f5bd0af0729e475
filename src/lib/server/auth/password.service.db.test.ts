import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { DEMO_PASSWORD, seedDemoClinic } from '../demo/demo-clinic';
import { memoryMailer } from '../mail/mail';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from './actor';
import { changeOwnPassword, requestPasswordReset, resetLinkIsUsable, resetPasswordWithLink } from './password.service';
import { hashToken } from './session-token';
import { resolveSession } from './session.service';
import { signIn } from './sign-in.service';

const EMAIL = 'lin.zhao@boston-spine.example';
const NEW_PASSWORD = 'quiet river lantern 42';

describeEachEngine('password reset and change', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const clock = fixedClock(TEST_NOW);
	const mailer = memoryMailer();
	const ctx = () => ({ ...testCtx(handle.db, anonymous, clock), mail: mailer });
	const tokenFromLastMail = () => /reset-password\/([A-Za-z0-9_-]{43})/.exec(mailer.sent.at(-1)!.text)![1]!;

	it('emails a link only for real accounts, answering the same way for others', async () => {
		await requestPasswordReset(ctx(), { email: 'nobody@boston-spine.example' }, 'https://clinic.example');
		expect(mailer.sent).toHaveLength(0);
		await requestPasswordReset(ctx(), { email: EMAIL.toUpperCase() }, 'https://clinic.example');
		expect(mailer.sent).toHaveLength(1);
		expect(mailer.sent[0]!.to).toBe(EMAIL);
		expect(mailer.sent[0]!.text).toContain('https://clinic.example/staff/reset-password/');
		const stored = await handle.db.selectFrom('passwordReset').select('tokenHash').execute();
		expect(stored.map((r) => r.tokenHash)).toEqual([hashToken(tokenFromLastMail())]);
	});

	it('sets a new password once per link, ends every session, and still requires sign-in', async () => {
		const before = await signIn(ctx(), { email: EMAIL, password: DEMO_PASSWORD });
		const token = tokenFromLastMail();
		expect(await resetLinkIsUsable(ctx(), token)).toBe(true);
		const weak = await domainError(resetPasswordWithLink(ctx(), token, { password: 'password1234', confirm: 'password1234' }));
		expect(weak.fieldErrors).toHaveProperty('password');
		await resetPasswordWithLink(ctx(), token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
		expect(await resolveSession(handle.db, clock, { idleMinutes: 30 }, before.token)).toBeNull();
		expect(await resetLinkIsUsable(ctx(), token)).toBe(false);
		expect((await domainError(resetPasswordWithLink(ctx(), token, { password: 'another good passphrase', confirm: 'another good passphrase' }))).code).toBe('not_found');
		expect((await signIn(ctx(), { email: EMAIL, password: NEW_PASSWORD })).stage).toBe('full');
	});

	it('expires a link after 30 minutes', async () => {
		await requestPasswordReset(ctx(), { email: EMAIL }, 'https://clinic.example');
		const token = tokenFromLastMail();
		clock.advance(29 * 60_000);
		expect(await resetLinkIsUsable(ctx(), token)).toBe(true);
		clock.advance(2 * 60_000);
		expect(await resetLinkIsUsable(ctx(), token)).toBe(false);
		expect((await domainError(resetPasswordWithLink(ctx(), token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).code).toBe('not_found');
	});

	it('sends at most three emails an hour for one address', async () => {
		clock.advance(2 * 3_600_000);
		const sent = mailer.sent.length;
		for (let i = 0; i < 6; i++) await requestPasswordReset(ctx(), { email: EMAIL }, 'https://clinic.example');
		expect(mailer.sent.length - sent).toBe(3);
	});

	it('changes one’s own password with the current one, ending other sessions only', async () => {
		const other = await signIn(ctx(), { email: EMAIL, password: NEW_PASSWORD });
		const mine = await signIn(ctx(), { email: EMAIL, password: NEW_PASSWORD });
		const me = { ...testCtx(handle.db, await staffActor(handle.db, 'clinician'), clock) };
		const actor = { kind: 'staff' as const, staffId: mine.staffId, clinicId: '', role: 'clinician' as const, name: 'Lin Zhao', email: EMAIL };
		const self = { ...me, actor };
		expect((await domainError(changeOwnPassword(self, hashToken(mine.token), { currentPassword: 'wrong', password: 'x', confirm: 'x' }))).fieldErrors).toHaveProperty('currentPassword');
		expect((await domainError(changeOwnPassword(self, hashToken(mine.token), { currentPassword: NEW_PASSWORD, password: 'lin.zhao rocks 2026', confirm: 'lin.zhao rocks 2026' }))).fieldErrors.password).toMatch(/email/);
		await changeOwnPassword(self, hashToken(mine.token), { currentPassword: NEW_PASSWORD, password: 'silver maple 99 kites', confirm: 'silver maple 99 kites' });
		expect(await resolveSession(handle.db, clock, { idleMinutes: 30 }, other.token)).toBeNull();
		expect((await resolveSession(handle.db, clock, { idleMinutes: 30 }, mine.token))?.actor).toBeDefined();
	});

	it('refuses an over-long or non-text password field as bad input, not as a crash', async () => {
		const self = { ...ctx(), actor: await staffActor(handle.db, 'admin') };
		const long = await domainError(changeOwnPassword(self, 'no-session', { currentPassword: 'x'.repeat(5000), password: 'x', confirm: 'x' }));
		expect(long.code).toBe('validation_failed');
		expect(long.fieldErrors.currentPassword).toMatch(/1,024/);
		const listed = await domainError(resetPasswordWithLink(ctx(), 'no-such-token', { password: ['a', 'b'], confirm: 'x'.repeat(2000) }));
		expect(listed.code).toBe('validation_failed');
		expect(Object.keys(listed.fieldErrors).sort()).toEqual(['confirm', 'password']);
	});
});
