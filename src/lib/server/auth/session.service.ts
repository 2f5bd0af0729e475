import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import type { StaffActor } from './actor';
import { hashToken, looksLikeSessionToken, newSessionToken } from './session-token';
import { deleteSession, findSession, insertSession, touchSession } from './session.repository';

export const ABSOLUTE_SESSION_HOURS = 12;
/** Writing last-seen on every request would turn each page view into a write; a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionPolicy = { idleMinutes: number };

export async function startSession(
	db: Kysely<DB>,
	clock: Clock,
	staffId: string
): Promise<{ token: string; expiresAt: Date }> {
	const token = newSessionToken();
	const now = clock.now();
	const expiresAt = new Date(now.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000);
	await insertSession(db, { tokenHash: hashToken(token), staffId, createdAt: now, expiresAt });
	return { token, expiresAt };
}

/**
 * The staff member a session cookie belongs to, or null for anything else: no cookie, a forged
 * or truncated one, an expired or idle session, a disabled account. Never throws for bad input.
 */
export async function resolveSession(
	db: Kysely<DB>,
	clock: Clock,
	policy: SessionPolicy,
	token: string | undefined
): Promise<StaffActor | null> {
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
	return actor;
}

export async function endSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
	if (looksLikeSessionToken(token)) await deleteSession(db, hashToken(token));
}
