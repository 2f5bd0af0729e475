import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag } from '../db/values';
import { imageUrl } from '../images/image';
import type { CredentialCode } from '../../shared/credentials';
import type { StaffRole } from '../../shared/roles';
import type { StaffProfile } from './staff-profile';

export type ProfileFilter = { ids?: string[]; roles?: StaffRole[]; activeOnly?: boolean };

export async function listStaffProfiles(db: Kysely<DB>, clinicId: string, filter: ProfileFilter = {}): Promise<StaffProfile[]> {
	if (filter.ids && filter.ids.length === 0) return [];
	let query = db
		.selectFrom('staff')
		.leftJoin('staffPhoto', 'staffPhoto.staffId', 'staff.id')
		.leftJoin('image', 'image.id', 'staffPhoto.imageId')
		.select([
			'staff.id',
			'staff.name',
			'staff.role',
			'staff.bio',
			'staff.active',
			'staff.dnCertifiedOn',
			'image.id as imageId',
			'image.sha256',
			'image.contentType',
			'image.width',
			'image.height'
		])
		.where('staff.clinicId', '=', clinicId)
		.orderBy('staff.name');
	if (filter.ids) query = query.where('staff.id', 'in', filter.ids);
	if (filter.roles) query = query.where('staff.role', 'in', filter.roles);
	if (filter.activeOnly) query = query.where('staff.active', '=', 1);
	const rows = await query.execute();
	const ids = rows.map((r) => r.id);
	const credentialRows = ids.length
		? await db.selectFrom('staffCredential').select(['staffId', 'credentialCode']).where('staffId', 'in', ids).orderBy('credentialCode').execute()
		: [];
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		role: row.role as StaffRole,
		bio: row.bio,
		credentials: credentialRows.filter((c) => c.staffId === row.id).map((c) => c.credentialCode as CredentialCode),
		dryNeedlingCertified: row.dnCertifiedOn !== null && readFlag(row.active),
		photo:
			row.imageId && row.sha256 && row.contentType && row.width && row.height
				? { id: row.imageId, url: imageUrl(row.sha256, row.contentType), width: row.width, height: row.height }
				: null
	}));
}
