import type { Kysely, Selectable } from 'kysely';
import type { DB, StaffTable } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { CredentialCode } from '../../shared/credentials';
import type { StaffRole } from '../../shared/roles';
import type { StaffMember } from './staff';

export type StaffWrite = {
	name: string;
	email: string;
	role: StaffRole;
	bio: string;
	active: boolean;
	credentials: CredentialCode[];
	dryNeedling: { certifiedOn: string; hours: number; course: string } | null;
};

const staffColumns = [
	'id',
	'clinicId',
	'name',
	'email',
	'role',
	'bio',
	'active',
	'dnCertifiedOn',
	'dnHours',
	'dnCourse',
	'createdAt',
	'updatedAt'
] as const;

type StaffRow = Pick<Selectable<StaffTable>, (typeof staffColumns)[number]>;

function toStaffMember(row: StaffRow, credentials: CredentialCode[]): StaffMember {
	return {
		id: row.id,
		clinicId: row.clinicId,
		name: row.name,
		email: row.email,
		role: row.role as StaffRole,
		bio: row.bio,
		active: readFlag(row.active),
		credentials,
		dryNeedling:
			row.dnCertifiedOn !== null && row.dnHours !== null
				? { certifiedOn: row.dnCertifiedOn, hours: row.dnHours, course: row.dnCourse ?? '' }
				: null,
		createdAt: readInstant(row.createdAt),
		updatedAt: readInstant(row.updatedAt)
	};
}

/** Each staff member's credential codes, alphabetically, in one query. */
export async function credentialsByStaff(db: Kysely<DB>, staffIds: string[]): Promise<Map<string, CredentialCode[]>> {
	const byStaff = new Map<string, CredentialCode[]>();
	if (staffIds.length === 0) return byStaff;
	const rows = await db
		.selectFrom('staffCredential')
		.select(['staffId', 'credentialCode'])
		.where('staffId', 'in', staffIds)
		.orderBy('credentialCode')
		.execute();
	for (const row of rows) {
		const list = byStaff.get(row.staffId) ?? [];
		list.push(row.credentialCode as CredentialCode);
		byStaff.set(row.staffId, list);
	}
	return byStaff;
}

export async function listStaff(db: Kysely<DB>, clinicId: string): Promise<StaffMember[]> {
	const rows = await db
		.selectFrom('staff')
		.select(staffColumns)
		.where('clinicId', '=', clinicId)
		.orderBy('name')
		.execute();
	const credentials = await credentialsByStaff(db, rows.map((r) => r.id));
	return rows.map((row) => toStaffMember(row, credentials.get(row.id) ?? []));
}

/** Names of every staff member of the clinic, former ones included, by id. */
export async function staffNamesOf(db: Kysely<DB>, clinicId: string): Promise<Map<string, string>> {
	const rows = await db.selectFrom('staff').select(['id', 'name']).where('clinicId', '=', clinicId).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findStaff(db: Kysely<DB>, clinicId: string, id: string): Promise<StaffMember | undefined> {
	const row = await db
		.selectFrom('staff')
		.select(staffColumns)
		.where('clinicId', '=', clinicId)
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const credentials = await credentialsByStaff(db, [row.id]);
	return toStaffMember(row, credentials.get(row.id) ?? []);
}

export type SignInRecord = {
	id: string;
	role: StaffRole;
	passwordHash: string | null;
	active: boolean;
	mfaEnabled: boolean;
};

export async function findSignInRecord(db: Kysely<DB>, email: string): Promise<SignInRecord | undefined> {
	return toSignInRecord(
		await db
			.selectFrom('staff')
			.select(['id', 'role', 'passwordHash', 'active', 'mfaEnabledAt'])
			.where('email', '=', email.trim().toLowerCase())
			.executeTakeFirst()
	);
}

export async function findSignInRecordById(db: Kysely<DB>, id: string): Promise<SignInRecord | undefined> {
	return toSignInRecord(
		await db.selectFrom('staff').select(['id', 'role', 'passwordHash', 'active', 'mfaEnabledAt']).where('id', '=', id).executeTakeFirst()
	);
}

function toSignInRecord(
	row: { id: string; role: string; passwordHash: string | null; active: number; mfaEnabledAt: unknown } | undefined
): SignInRecord | undefined {
	return (
		row && {
			id: row.id,
			role: row.role as StaffRole,
			passwordHash: row.passwordHash,
			active: readFlag(row.active),
			mfaEnabled: row.mfaEnabledAt !== null
		}
	);
}

export async function emailTaken(db: Kysely<DB>, email: string, exceptId?: string): Promise<boolean> {
	let query = db.selectFrom('staff').select('id').where('email', '=', email);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

function columnsOf(write: StaffWrite) {
	return {
		name: write.name,
		email: write.email,
		role: write.role,
		bio: write.bio,
		active: writeFlag(write.active),
		dnCertifiedOn: write.dryNeedling?.certifiedOn ?? null,
		dnHours: write.dryNeedling?.hours ?? null,
		dnCourse: write.dryNeedling ? write.dryNeedling.course : null
	};
}

async function replaceCredentials(db: Kysely<DB>, staffId: string, codes: CredentialCode[]): Promise<void> {
	await db.deleteFrom('staffCredential').where('staffId', '=', staffId).execute();
	if (codes.length > 0) {
		await db
			.insertInto('staffCredential')
			.values(codes.map((credentialCode) => ({ staffId, credentialCode })))
			.execute();
	}
}

export async function insertStaff(
	db: Kysely<DB>,
	row: StaffWrite & { id: string; clinicId: string; passwordHash: string | null; now: Date }
): Promise<void> {
	await db
		.insertInto('staff')
		.values({
			id: row.id,
			clinicId: row.clinicId,
			...columnsOf(row),
			passwordHash: row.passwordHash,
			createdAt: writeInstant(row.now),
			updatedAt: writeInstant(row.now)
		})
		.execute();
	await replaceCredentials(db, row.id, row.credentials);
}

export async function updateStaff(
	db: Kysely<DB>,
	id: string,
	write: StaffWrite,
	now: Date
): Promise<void> {
	await db
		.updateTable('staff')
		.set({ ...columnsOf(write), updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
	await replaceCredentials(db, id, write.credentials);
}

export async function setPasswordHash(db: Kysely<DB>, id: string, passwordHash: string, now: Date): Promise<void> {
	await db
		.updateTable('staff')
		.set({ passwordHash, passwordChangedAt: writeInstant(now), updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
}

export async function countAdmins(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db
		.selectFrom('staff')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('clinicId', '=', clinicId)
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
