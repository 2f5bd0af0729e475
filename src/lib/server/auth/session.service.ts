import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import { recordAudit } from '../audit/audit.service';
import type { DB, SessionStage } from '../db/schema';
import type { StaffActor } from './actor';
import { hashToken, looksLikeSessionToken, newSessionToken } from './session-token';
import { deleteSession, findSession, insertSession, touchSession, type SessionOrigin } from './session.repository';

export const ABSOLUTE_SESSION_HOURS = 12;
/** Writing last-seen on every request would turn each page view into a write; a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionPolicy = { idleMinutes: number };

export type NewSession = { token: string; expiresAt: Date; stage: SessionStage };

/**
 * A new session with a fresh token: every sign-in and every step up (MFA passed, MFA enrolled)
 * gets a new token, so a token seen before the step is worth nothing after it.
 */
export async function startSession(
	db: Kysely<DB>,
	clock: Clock,
	staffId: string,
	stage: SessionStage,
	origin: SessionOrigin,
	expiresAt?: Date
): Promise<NewSession> {
	const token = newSessionToken();
	const now = clock.now();
	const ends = expiresAt ?? new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000);
	await insertSession(db, { tokenHash: hashToken(token), staffId, createdAt: now, expiresAt: ends, stage, ...origin });
	return { token, expiresAt: ends, stage };
}

export type ResolvedSession = { actor: StaffActor; stage: SessionStage; tokenHash: string; expiresAt: Date };

/**
 * The staff member a session cookie belongs to, or null for anything else: no cookie, a forged
 * or truncated one, an expired or idle session, a disabled account. Never throws for bad input.
 */
export async function resolveSession(
	db: Kysely<DB>,
	clock: Clock,
	policy: SessionPolicy,
	token: string | undefined
): Promise<ResolvedSession | null> {
	if (!looksLikeSessionToken(token)) return null;
	const tokenHash = hashToken(token);
	const session = await findSession(db, tokenHash);
	if (!session) return null;
	const now = clock.now().getTime();
	const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
	if (!session.staff.active || now >= session.expiresAt.getTime() || now >= idleLimit) {
		await deleteSession(db, tokenHash);
		return null;
	}
	if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
		await touchSession(db, tokenHash, new Date(now));
	}
	const { active: _active, ...actor } = session.staff;
	return { actor, stage: session.stage, tokenHash, expiresAt: session.expiresAt };
}

export async function endSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
	if (looksLikeSessionToken(token)) await deleteSession(db, hashToken(token));
}

/** Signing out: the session row goes, and the sign-out is audited for whoever it belonged to. */
export async function signOut(ctx: Ctx, token: string | undefined, staffId: string | undefined): Promise<void> {
	await endSession(ctx.db, token);
	if (staffId) await recordAudit(ctx, { action: 'auth.sign_out', entityType: 'staff', entityId: staffId });
}
