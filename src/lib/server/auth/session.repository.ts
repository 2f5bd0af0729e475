import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag, readInstant, writeInstant } from '../db/values';
import type { StaffActor } from './actor';
import type { StaffRole } from '../../shared/roles';

export type StoredSession = {
	tokenHash: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
	staff: StaffActor & { active: boolean };
};

export async function insertSession(
	db: Kysely<DB>,
	row: { tokenHash: string; staffId: string; createdAt: Date; expiresAt: Date }
): Promise<void> {
	await db
		.insertInto('session')
		.values({
			tokenHash: row.tokenHash,
			staffId: row.staffId,
			createdAt: writeInstant(row.createdAt),
			lastSeenAt: writeInstant(row.createdAt),
			expiresAt: writeInstant(row.expiresAt)
		})
		.execute();
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

export async function deleteSessionsOfStaff(db: Kysely<DB>, staffId: string): Promise<void> {
	await db.deleteFrom('session').where('staffId', '=', staffId).execute();
}
