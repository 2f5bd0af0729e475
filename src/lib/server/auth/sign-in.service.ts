import { z } from 'zod';
import type { Ctx } from '../context';
import type { SessionStage } from '../db/schema';
import { DomainError, validationFailed } from '../errors';
import { recordAudit } from '../audit/audit.service';
import { findSignInRecord, setPasswordHash } from '../staff/staff.repository';
import { firstMessages } from '../../shared/form-values';
import { mfaRequiredFor, PENDING_SESSION_MINUTES } from './mfa-policy';
import { needsRehash, verifyAgainstDecoy, verifyPassword, hashPassword } from './password';
import { endSession, startSession, type NewSession } from './session.service';
import { attemptSucceeded, claimAttempt, ThrottledError } from './throttle.service';

export const signInInput = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.'),
	password: z.string().min(1, 'Enter your password.').max(1024, 'That password is too long.')
});

/** One message for every failure, so nobody can learn which emails have accounts. */
export const SIGN_IN_FAILED = 'Email or password is incorrect.';

export type SignInResult = NewSession & { staffId: string };

/**
 * Checks the password and starts a session: a full one, or one that must first pass (or set up)
 * the second factor. Throttled per account and per address: the attempt is counted before the
 * password is checked, so parallel guesses cannot slip past the limit. Every outcome is audited.
 */
export async function signIn(ctx: Ctx, input: unknown, previousToken?: string): Promise<SignInResult> {
	const parsed = signInInput.safeParse(input);
	if (!parsed.success) throw validationFailed(firstMessages(parsed.error), 'Enter your email and password.');
	const { email, password } = parsed.data;
	const subject = { email, ip: ctx.client.ip };
	try {
		await claimAttempt(ctx, subject);
	} catch (error) {
		if (error instanceof ThrottledError) await recordAudit(ctx, { action: 'auth.sign_in_locked', outcome: 'denied' });
		throw error;
	}

	const record = await findSignInRecord(ctx.db, email);
	const passwordOk = record?.passwordHash ? await verifyPassword(record.passwordHash, password) : await verifyAgainstDecoy(password);
	if (!record || !passwordOk || !record.active) {
		await recordAudit(ctx, {
			action: 'auth.sign_in_failed',
			outcome: 'failure',
			...(record ? { entityType: 'staff', entityId: record.id } : {})
		});
		throw new DomainError('unauthenticated', SIGN_IN_FAILED);
	}
	if (record.passwordHash && needsRehash(record.passwordHash)) {
		await setPasswordHash(ctx.db, record.id, await hashPassword(password), ctx.clock.now());
	}

	// Rotation: whatever session this browser had is ended, and the new one gets a new token.
	await endSession(ctx.db, previousToken);
	const stage: SessionStage = record.mfaEnabled
		? 'pending_mfa'
		: mfaRequiredFor(record.role, ctx.config.requireMfa)
			? 'enrol_mfa'
			: 'full';
	await attemptSucceeded(ctx, subject, { signedIn: stage === 'full' });
	const pendingUntil = stage === 'full' ? undefined : new Date(ctx.clock.now().getTime() + PENDING_SESSION_MINUTES * 60_000);
	const session = await startSession(ctx.db, ctx.clock, record.id, stage, ctx.client, pendingUntil);
	await recordAudit(ctx, {
		action: 'auth.sign_in',
		entityType: 'staff',
		entityId: record.id,
		actor: { id: record.id, role: record.role },
		detail: { stage }
	});
	ctx.log.info({ event: 'sign_in', requestId: ctx.requestId, actorId: record.id });
	return { ...session, staffId: record.id };
}
