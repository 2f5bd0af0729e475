import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { credentialsByStaff } from '../staff/staff.repository';
import { readFlag } from '../db/values';
import type { CredentialCode } from '../../shared/credentials';
import type { ServiceKind } from '../../shared/service-kinds';

/** What the public may see of a service the clinic offers. */
export type OfferedService = {
	id: string;
	slug: string;
	name: string;
	kind: ServiceKind;
	description: string;
	durationMinutes: number;
	priceCents: number;
	bookableOnline: boolean;
	requiresDryNeedlingCertification: boolean;
};

/** What the public may see of a provider: never an email, a role or anything internal. */
export type PublicProvider = {
	id: string;
	name: string;
	credentials: CredentialCode[];
	dryNeedlingCertified: boolean;
};

/** The clinic's active services with these slugs (in no particular order). */
export async function findActiveServicesBySlug(
	db: Kysely<DB>,
	clinicId: string,
	slugs: readonly string[]
): Promise<OfferedService[]> {
	if (slugs.length === 0) return [];
	const rows = await db
		.selectFrom('service')
		.select([
			'id',
			'slug',
			'name',
			'kind',
			'description',
			'durationMinutes',
			'priceCents',
			'bookableOnline',
			'requiresDryNeedlingCertification'
		])
		.where('clinicId', '=', clinicId)
		.where('slug', 'in', [...slugs])
		.where('active', '=', 1)
		.execute();
	return rows.map((row) => ({
		...row,
		kind: row.kind as ServiceKind,
		bookableOnline: readFlag(row.bookableOnline),
		requiresDryNeedlingCertification: readFlag(row.requiresDryNeedlingCertification)
	}));
}

/**
 * For each service, the active clinicians of its clinic who hold at least one of the credentials
 * the service names and, when the service requires it, a dry-needling certification. The rule
 * lives in this one query so the result page and (later) booking cannot disagree about it.
 */
export async function findQualifiedProviders(
	db: Kysely<DB>,
	serviceIds: readonly string[]
): Promise<Map<string, PublicProvider[]>> {
	const byService = new Map<string, PublicProvider[]>(serviceIds.map((id) => [id, []]));
	if (serviceIds.length === 0) return byService;
	const pairs = await db
		.selectFrom('service as sv')
		.innerJoin('serviceCredential as need', 'need.serviceId', 'sv.id')
		.innerJoin('staffCredential as held', 'held.credentialCode', 'need.credentialCode')
		.innerJoin('staff as st', (join) => join.onRef('st.id', '=', 'held.staffId').onRef('st.clinicId', '=', 'sv.clinicId'))
		.select(['sv.id as serviceId', 'st.id as staffId', 'st.name', 'st.dnCertifiedOn'])
		.distinct()
		.where('sv.id', 'in', [...serviceIds])
		.where('st.active', '=', 1)
		.where('st.role', '=', 'clinician')
		.where((eb) => eb.or([eb('sv.requiresDryNeedlingCertification', '=', 0), eb('st.dnCertifiedOn', 'is not', null)]))
		.execute();
	// Sorted here, not in SQL, so both engines give the same order whatever their collation.
	pairs.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.staffId.localeCompare(b.staffId));

	const staffIds = [...new Set(pairs.map((p) => p.staffId))];
	const credentials = await credentialsByStaff(db, staffIds);
	for (const pair of pairs) {
		byService.get(pair.serviceId)?.push({
			id: pair.staffId,
			name: pair.name,
			credentials: credentials.get(pair.staffId) ?? [],
			dryNeedlingCertified: pair.dnCertifiedOn !== null
		});
	}
	return byService;
}
