import { z } from 'zod';
import type { Ctx } from '../context';
import { DomainError, validationFailed } from '../errors';
import { findSignInRecord } from '../staff/staff.repository';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { startSession } from './session.service';

export const signInInput = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.'),
	password: z.string().min(1, 'Enter your password.').max(128, 'That password is too long.')
});

/** One message for every failure, so nobody can learn which emails have accounts. */
export const SIGN_IN_FAILED = 'Email or password is incorrect.';

export async function signIn(
	ctx: Ctx,
	input: unknown
): Promise<{ token: string; expiresAt: Date; staffId: string }> {
	const parsed = signInInput.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
		throw validationFailed(fields, 'Enter your email and password.');
	}
	const { email, password } = parsed.data;
	const record = await findSignInRecord(ctx.db, email);
	const passwordOk = record?.passwordHash
		? await verifyPassword(record.passwordHash, password)
		: await verifyAgainstDecoy(password);
	if (!record || !passwordOk || !record.active) {
		ctx.log.info({ event: 'sign_in_failed', requestId: ctx.requestId });
		throw new DomainError('unauthenticated', SIGN_IN_FAILED);
	}
	const session = await startSession(ctx.db, ctx.clock, record.id);
	ctx.log.info({ event: 'sign_in', requestId: ctx.requestId, actorId: record.id });
	return { ...session, staffId: record.id };
}
