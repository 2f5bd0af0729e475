import QRCode from 'qrcode';
import type { Ctx } from '../context';
import { DomainError, forbidden, notFound, validationFailed } from '../errors';
import { recordAudit } from '../audit/audit.service';
import { writeTransaction } from '../db/write-transaction';
import { deleteSession, deleteSessionsOfStaff } from './session.repository';
import { findSignInRecordById, findStaff } from '../staff/staff.repository';
import { authorize } from './policy';
import { verifyPassword } from './password';
import {
	claimTotpStep,
	disableMfa,
	enableMfa,
	findMfaState,
	replaceRecoveryCodes,
	unusedRecoveryCodeCount,
	useRecoveryCode
} from './mfa.repository';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { open, seal } from './secret-box';
import { startSession, type NewSession } from './session.service';
import { groupedKey, matchTotpStep, newTotpSecret, otpauthUri } from './totp';
import { attemptSucceeded, claimAttempt, ThrottledError } from './throttle.service';
import type { StaffActor } from './actor';

const SECRET_PURPOSE = 'totp';
const WRONG_CODE = 'That code did not work. Check the time on your phone and try the newest code.';

export type PendingSession = { staffId: string; email: string; tokenHash: string };

export type EnrolmentOffer = { sealedSecret: string; manualKey: string; qrSvg: string };

/** A new TOTP secret to show as a QR code and as a typed key; sealed so the form can carry it back. */
export async function offerEnrolment(ctx: Ctx, account: { email: string }, issuer: string): Promise<EnrolmentOffer> {
	const secret = newTotpSecret();
	const qrSvg = await QRCode.toString(otpauthUri(secret, account.email, issuer), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return { sealedSecret: seal(ctx.config.appSecret, SECRET_PURPOSE, secret), manualKey: groupedKey(secret), qrSvg };
}

/** The same offer again after a mistyped code, so the QR code already scanned keeps working. */
export async function reofferEnrolment(ctx: Ctx, sealedSecret: string, account: { email: string }, issuer: string): Promise<EnrolmentOffer> {
	const secret = open(ctx.config.appSecret, SECRET_PURPOSE, sealedSecret);
	if (!secret) return offerEnrolment(ctx, account, issuer);
	const qrSvg = await QRCode.toString(otpauthUri(secret, account.email, issuer), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return { sealedSecret, manualKey: groupedKey(secret), qrSvg };
}

/**
 * Turns MFA on once the person proves their app shows the right code. Returns the ten recovery
 * codes (shown once, stored only as hashes) and, for a session that was waiting on enrolment, a
 * new full session.
 */
export async function completeEnrolment(
	ctx: Ctx,
	pending: PendingSession,
	sealedSecret: string,
	code: string
): Promise<{ recoveryCodes: string[]; session: NewSession }> {
	const secret = open(ctx.config.appSecret, SECRET_PURPOSE, sealedSecret);
	if (!secret) throw validationFailed({ code: 'The set-up expired. Start again with the new QR code.' });
	const step = matchTotpStep(secret, code, ctx.clock.now().getTime());
	if (step === null) throw validationFailed({ code: WRONG_CODE });
	const recoveryCodes = newRecoveryCodes();
	const actor = await actorOf(ctx, pending.staffId);
	// Inside the transaction only `trx` may be used: on SQLite the outer handle waits for it.
	const session = await writeTransaction(ctx.db, async (trx) => {
		await enableMfa(trx, pending.staffId, seal(ctx.config.appSecret, SECRET_PURPOSE, secret), step, ctx.clock.now());
		await replaceRecoveryCodes(trx, pending.staffId, recoveryCodes.map(hashRecoveryCode));
		await deleteSession(trx, pending.tokenHash);
		const next = await startSession(trx, ctx.clock, pending.staffId, 'full', ctx.client);
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.mfa_enrolled', entityType: 'staff', entityId: pending.staffId, actor });
		return next;
	});
	return { recoveryCodes, session };
}

/**
 * The second step of signing in: a 6-digit code (each usable once) or a recovery code (each usable
 * once). Each try is counted against the account's sign-in throttle before the code is checked.
 */
export async function verifySecondFactor(ctx: Ctx, pending: PendingSession, code: string): Promise<NewSession & { recoveryCodesLeft?: number }> {
	const subject = { email: pending.email, ip: ctx.client.ip };
	await claimAttempt(ctx, subject);
	const state = await findMfaState(ctx.db, pending.staffId);
	const secret = state?.sealedSecret ? open(ctx.config.appSecret, SECRET_PURPOSE, state.sealedSecret) : undefined;
	if (!state?.enabled || !secret) throw new DomainError('unauthenticated', 'Sign in again.');
	const actor = await actorOf(ctx, pending.staffId);

	let usedRecovery = false;
	let accepted = false;
	const step = matchTotpStep(secret, code, ctx.clock.now().getTime());
	if (step !== null) {
		accepted = await claimTotpStep(ctx.db, pending.staffId, step);
	} else if (looksLikeRecoveryCode(code)) {
		accepted = usedRecovery = await useRecoveryCode(ctx.db, pending.staffId, hashRecoveryCode(code), ctx.clock.now());
	}
	if (!accepted) {
		await recordAudit(ctx, { action: 'auth.mfa_failed', outcome: 'failure', entityType: 'staff', entityId: pending.staffId, actor, detail: { replay: step !== null } });
		throw validationFailed({ code: step !== null ? 'That code was used already. Wait for the next one.' : WRONG_CODE });
	}
	await attemptSucceeded(ctx, subject, { signedIn: true });
	return writeTransaction(ctx.db, async (trx) => {
		await deleteSession(trx, pending.tokenHash);
		const session = await startSession(trx, ctx.clock, pending.staffId, 'full', ctx.client);
		await recordAudit({ ...ctx, db: trx }, {
			action: usedRecovery ? 'auth.mfa_recovery_used' : 'auth.mfa_verified',
			entityType: 'staff',
			entityId: pending.staffId,
			actor
		});
		return usedRecovery ? { ...session, recoveryCodesLeft: await unusedRecoveryCodeCount(trx, pending.staffId) } : session;
	});
}

/**
 * Turns a staff member's MFA off (they set it up again at next sign-in when it is required).
 * The person doing it re-enters their own password first; the target's sessions all end.
 */
export async function resetMfa(ctx: Ctx, targetStaffId: string, currentPassword: string): Promise<void> {
	const actor = ctx.actor;
	const own = actor.kind === 'staff' && actor.staffId === targetStaffId;
	authorize(actor, own ? 'mfa:reset_own' : 'mfa:reset');
	if (actor.kind !== 'staff') throw forbidden();
	// Only staff of the actor's own clinic; anyone else looks like nobody.
	if (!(await findStaff(ctx.db, actor.clinicId, targetStaffId))) throw notFound('staff member');
	await reauthenticate(ctx, actor, currentPassword);
	await writeTransaction(ctx.db, async (trx) => {
		await disableMfa(trx, targetStaffId, ctx.clock.now());
		if (actor.staffId !== targetStaffId) await deleteSessionsOfStaff(trx, targetStaffId);
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.mfa_reset', entityType: 'staff', entityId: targetStaffId });
	});
}

/** New recovery codes for the signed-in person, after their password. The old ones stop working. */
export async function regenerateRecoveryCodes(ctx: Ctx, currentPassword: string): Promise<string[]> {
	const actor = ctx.actor;
	if (actor.kind !== 'staff') throw new DomainError('forbidden', 'You do not have permission to do that.');
	await reauthenticate(ctx, actor, currentPassword);
	const state = await findMfaState(ctx.db, actor.staffId);
	if (!state?.enabled) throw validationFailed({ form: 'Set up two-step sign-in first.' });
	const codes = newRecoveryCodes();
	await writeTransaction(ctx.db, async (trx) => {
		await replaceRecoveryCodes(trx, actor.staffId, codes.map(hashRecoveryCode));
		await recordAudit({ ...ctx, db: trx }, { action: 'auth.mfa_enrolled', entityType: 'staff', entityId: actor.staffId, detail: { recoveryCodesRegenerated: true } });
	});
	return codes;
}

export async function mfaStatus(ctx: Ctx, staffId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
	const state = await findMfaState(ctx.db, staffId);
	return { enabled: state?.enabled ?? false, recoveryCodesLeft: state?.enabled ? await unusedRecoveryCodeCount(ctx.db, staffId) : 0 };
}

/**
 * Sensitive changes ask for the password again, even within a valid session. The try counts
 * against the same per-account (and per-address) throttle as signing in, before it is checked,
 * so a stolen session cannot be used to guess the password.
 */
export async function reauthenticate(ctx: Ctx, actor: StaffActor, password: string): Promise<void> {
	// An empty field tests no password, so it costs no attempt (a form sent half-filled must not lock the account).
	if (!password) throw validationFailed({ currentPassword: 'Enter your current password.' });
	const subject = { email: actor.email, ip: ctx.client.ip };
	try {
		await claimAttempt(ctx, subject);
	} catch (error) {
		if (error instanceof ThrottledError) {
			await recordAudit(ctx, { action: 'auth.reauth_failed', outcome: 'denied', entityType: 'staff', entityId: actor.staffId });
		}
		throw error;
	}
	const record = await findSignInRecordById(ctx.db, actor.staffId);
	if (!record?.passwordHash || !(await verifyPassword(record.passwordHash, password))) {
		await recordAudit(ctx, { action: 'auth.reauth_failed', outcome: 'failure', entityType: 'staff', entityId: actor.staffId });
		throw validationFailed({ currentPassword: 'That is not your current password.' });
	}
	await attemptSucceeded(ctx, subject, { signedIn: false });
}

async function actorOf(ctx: Ctx, staffId: string): Promise<{ id: string; role: string } | undefined> {
	const record = await findSignInRecordById(ctx.db, staffId);
	return record && { id: record.id, role: record.role };
}
