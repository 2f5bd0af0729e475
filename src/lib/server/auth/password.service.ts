import { z } from 'zod';
import type { Ctx } from '../context';
import { DomainError, validationFailed } from '../errors';
import { recordAudit } from '../audit/audit.service';
import { writeTransaction } from '../db/write-transaction';
import { findSignInRecord, findSignInRecordById, setPasswordHash } from '../staff/staff.repository';
import { reauthenticate } from './mfa.service';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';
import { consumeReset, findUsableReset, insertPasswordReset, retireResets } from './password-reset.repository';
import { deleteOtherSessionsOfStaff, deleteSessionsOfStaff } from './session.repository';
import { hashToken, newSessionToken } from './session-token';
import { RESET_EMAIL_RULE, throttleKey } from './throttle';
import { claimCounters, ThrottledError } from './throttle.service';
import { parseInput } from '../validation';

export const RESET_LINK_MINUTES = 30;

const emailOnly = z.object({ email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.') });

/**
 * Emails a single-use reset link when the address belongs to an active account. The answer is
 * the same either way, and a flood of requests for one address sends at most a few emails.
 */
export async function requestPasswordReset(ctx: Ctx, input: unknown, linkBase: string): Promise<void> {
	const parsed = emailOnly.safeParse(input);
	if (!parsed.success) throw validationFailed({ email: parsed.error.issues[0]?.message ?? 'Enter your email.' });
	const { email } = parsed.data;
	const now = ctx.clock.now();
	try {
		// Counted before anything is sent, so a burst of parallel requests sends at most three.
		await claimCounters(ctx, [{ key: throttleKey('reset', email, ctx.config.appSecret), rule: RESET_EMAIL_RULE }]);
	} catch (error) {
		if (error instanceof ThrottledError) return;
		throw error;
	}

	const record = await findSignInRecord(ctx.db, email);
	await recordAudit(ctx, {
		action: 'auth.password_reset_requested',
		...(record ? { entityType: 'staff', entityId: record.id } : {}),
		outcome: record?.active ? 'success' : 'failure'
	});
	if (!record?.active) return;
	const token = newSessionToken();
	await writeTransaction(ctx.db, async (trx) => {
		await retireResets(trx, record.id, now);
		await insertPasswordReset(trx, {
			tokenHash: hashToken(token),
			staffId: record.id,
			createdAt: now,
			expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000)
		});
	});
	const link = `${linkBase}/staff/reset-password/${token}`;
	await ctx.mail.send({
		to: email.trim().toLowerCase(),
		subject: 'Reset your Needlepoint password',
		text: [
			'Someone (hopefully you) asked to reset the password of your Needlepoint staff account.',
			'',
			`Open this link within ${RESET_LINK_MINUTES} minutes to choose a new password. It works once:`,
			link,
			'',
			'If you did not ask for this, ignore this email: your password stays as it is.',
			'Two-step sign-in, if you use it, is still needed after the reset.'
		].join('\n')
	});
}

export async function resetLinkIsUsable(ctx: Ctx, token: string): Promise<boolean> {
	return (await findUsableReset(ctx.db, hashToken(token), ctx.clock.now())) !== undefined;
}

/** A typed password: bad input (too long, not text) is a validation problem for the form, never a crash. */
const passwordField = z.string('Type the password as text.').max(1024, 'Passwords are at most 1,024 characters.').default('');

export const LINK_EXPIRED = 'This reset link has expired or was used already. Ask for a new one.';

/**
 * Sets a new password from a reset link. Every session of the account ends; the person then signs
 * in as usual, so the second factor still applies.
 */
export async function resetPasswordWithLink(ctx: Ctx, token: string, input: unknown): Promise<void> {
	const { password, confirm } = parseInput(z.object({ password: passwordField, confirm: passwordField }), input ?? {});
	const now = ctx.clock.now();
	const reset = await findUsableReset(ctx.db, hashToken(token), now);
	if (!reset) throw new DomainError('not_found', LINK_EXPIRED);
	const record = await findSignInRecordById(ctx.db, reset.staffId);
	const email = (await ctx.db.selectFrom('staff').select('email').where('id', '=', reset.staffId).executeTakeFirst())?.email;
	const problem = passwordProblem(password, { email });
	if (problem) throw validationFailed({ password: problem });
	if (password !== confirm) throw validationFailed({ confirm: 'The two passwords are not the same.' });
	const hash = await hashPassword(password);
	await writeTransaction(ctx.db, async (trx) => {
		if (!(await consumeReset(trx, hashToken(token), now))) throw new DomainError('not_found', LINK_EXPIRED);
		await setPasswordHash(trx, reset.staffId, hash, now);
		await deleteSessionsOfStaff(trx, reset.staffId);
		await recordAudit({ ...ctx, db: trx }, {
			action: 'auth.password_reset',
			entityType: 'staff',
			entityId: reset.staffId,
			...(record ? { actor: { id: record.id, role: record.role } } : {})
		});
	});
}

/** A signed-in person changes their own password: current one first; other sessions end. */
export async function changeOwnPassword(ctx: Ctx, currentTokenHash: string, input: unknown): Promise<void> {
	const actor = ctx.actor;
	if (actor.kind !== 'staff') throw new DomainError('forbidden', 'You do not have permission to do that.');
	const { currentPassword, password, confirm } = parseInput(
		z.object({ currentPassword: passwordField, password: passwordField, confirm: passwordField }),
		input ?? {}
	);
	await reauthenticate(ctx, actor, currentPassword);
	const problem = passwordProblem(password, { email: actor.email });
	if (problem) throw validationFailed({ password: problem });
	if (password !== confirm) throw validationFailed({ confirm: 'The two passwords are not the same.' });
	const hash = await hashPassword(password);
	await writeTransaction(ctx.db, async (trx) => {
		const now = ctx.clock.now();
		await setPasswordHash(trx, actor.staffId, hash, now);
		await retireResets(trx, actor.staffId, now);
		await deleteOtherSessionsOfStaff(trx, actor.staffId, currentTokenHash);
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.password_changed', entityType: 'staff', entityId: actor.staffId });
	});
}
