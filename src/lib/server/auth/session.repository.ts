import type { Kysely } from 'kysely';
import type { DB, SessionStage } from '../db/schema';
import { readFlag, readInstant, writeInstant } from '../db/values';
import type { StaffActor } from './actor';
import type { StaffRole } from '../../shared/roles';

export type StoredSession = {
	tokenHash: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
	stage: SessionStage;
	staff: StaffActor & { active: boolean };
};

export type SessionOrigin = { ip: string | null; userAgent: string | null };

export async function insertSession(
	db: Kysely<DB>,
	row: { tokenHash: string; staffId: string; createdAt: Date; expiresAt: Date; stage: SessionStage } & SessionOrigin
): Promise<void> {
	await db
		.insertInto('session')
		.values({
			tokenHash: row.tokenHash,
			staffId: row.staffId,
			createdAt: writeInstant(row.createdAt),
			lastSeenAt: writeInstant(row.createdAt),
			expiresAt: writeInstant(row.expiresAt),
			stage: row.stage,
			ip: row.ip,
			userAgent: row.userAgent
		})
		.execute();
}

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; stage: SessionStage } & SessionOrigin;

/**
 * A staff member's sessions for the admin list. `id` is a short prefix of the token hash: enough
 * to name a session in a form, useless as a credential.
 */
export async function listSessionsOfStaff(db: Kysely<DB>, staffId: string): Promise<SessionSummary[]> {
	const rows = await db
		.selectFrom('session')
		.select(['tokenHash', 'createdAt', 'lastSeenAt', 'expiresAt', 'stage', 'ip', 'userAgent'])
		.where('staffId', '=', staffId)
		.orderBy('lastSeenAt', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.tokenHash.slice(0, 16),
		createdAt: readInstant(r.createdAt),
		lastSeenAt: readInstant(r.lastSeenAt),
		expiresAt: readInstant(r.expiresAt),
		stage: r.stage,
		ip: r.ip,
		userAgent: r.userAgent
	}));
}

export async function deleteSessionOfStaffById(db: Kysely<DB>, staffId: string, id: string): Promise<number> {
	if (!/^[0-9a-f]{16}$/.test(id)) return 0;
	const result = await db
		.deleteFrom('session')
		.where('staffId', '=', staffId)
		.where('tokenHash', 'like', `${id}%`)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function deleteOtherSessionsOfStaff(db: Kysely<DB>, staffId: string, keepTokenHash: string): Promise<void> {
	await db.deleteFrom('session').where('staffId', '=', staffId).where('tokenHash', '!=', keepTokenHash).execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string): Promise<StoredSession | undefined> {
	const row = await db
		.selectFrom('session')
		.innerJoin('staff', 'staff.id', 'session.staffId')
		.select([
			'session.tokenHash',
			'session.createdAt',
			'session.lastSeenAt',
			'session.expiresAt',
			'session.stage',
			'staff.id as staffId',
			'staff.clinicId',
			'staff.role',
			'staff.name',
			'staff.email',
			'staff.active'
		])
		.where('session.tokenHash', '=', tokenHash)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		tokenHash: row.tokenHash,
		createdAt: readInstant(row.createdAt),
		lastSeenAt: readInstant(row.lastSeenAt),
		expiresAt: readInstant(row.expiresAt),
		stage: row.stage,
		staff: {
			kind: 'staff',
			staffId: row.staffId,
			clinicId: row.clinicId,
			role: row.role as StaffRole,
			name: row.name,
			email: row.email,
			active: readFlag(row.active)
		}
	};
}

export async function touchSession(db: Kysely<DB>, tokenHash: string, seenAt: Date): Promise<void> {
	await db
		.updateTable('session')
		.set({ lastSeenAt: writeInstant(seenAt) })
		.where('tokenHash', '=', tokenHash)
		.execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
	await db.deleteFrom('session').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOfStaff(db: Kysely<DB>, staffId: string): Promise<number> {
	const result = await db.deleteFrom('session').where('staffId', '=', staffId).executeTakeFirst();
	return Number(result.numDeletedRows);
}
