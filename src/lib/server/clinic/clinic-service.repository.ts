import type { Kysely, Selectable } from 'kysely';
import type { DB, ServiceTable } from '../db/schema';
import { readFlag, writeFlag, writeInstant } from '../db/values';
import type { CredentialCode } from '../../shared/credentials';
import type { ServiceKind } from '../../shared/service-kinds';
import type { ClinicService } from './clinic';

type BookingRules = 'slotIntervalMinutes' | 'minNoticeMinutes' | 'horizonDays' | 'newPatientsNeedConsultation';
/** Booking rules may be left out: the database defaults apply (15-minute grid, 12 h, 60 days, off). */
export type ClinicServiceWrite = Omit<ClinicService, 'id' | 'clinicId' | 'sortOrder' | BookingRules> & Partial<Pick<ClinicService, BookingRules>>;

function toClinicService(row: Selectable<ServiceTable>, credentials: CredentialCode[]): ClinicService {
	return {
		id: row.id,
		clinicId: row.clinicId,
		name: row.name,
		slug: row.slug,
		kind: row.kind as ServiceKind,
		description: row.description,
		durationMinutes: row.durationMinutes,
		bufferBeforeMinutes: row.bufferBeforeMinutes,
		bufferAfterMinutes: row.bufferAfterMinutes,
		priceCents: row.priceCents,
		bookableOnline: readFlag(row.bookableOnline),
		requiresDryNeedlingCertification: readFlag(row.requiresDryNeedlingCertification),
		credentials,
		active: readFlag(row.active),
		sortOrder: row.sortOrder,
		slotIntervalMinutes: row.slotIntervalMinutes,
		minNoticeMinutes: row.minNoticeMinutes,
		horizonDays: row.horizonDays,
		newPatientsNeedConsultation: readFlag(row.newPatientsNeedConsultation)
	};
}

async function credentialsByService(db: Kysely<DB>, ids: string[]): Promise<Map<string, CredentialCode[]>> {
	const byService = new Map<string, CredentialCode[]>();
	if (ids.length === 0) return byService;
	const rows = await db
		.selectFrom('serviceCredential')
		.select(['serviceId', 'credentialCode'])
		.where('serviceId', 'in', ids)
		.orderBy('credentialCode')
		.execute();
	for (const row of rows) {
		const list = byService.get(row.serviceId) ?? [];
		list.push(row.credentialCode as CredentialCode);
		byService.set(row.serviceId, list);
	}
	return byService;
}

export async function listClinicServices(db: Kysely<DB>, clinicId: string): Promise<ClinicService[]> {
	const rows = await db
		.selectFrom('service')
		.selectAll()
		.where('clinicId', '=', clinicId)
		.orderBy('sortOrder')
		.orderBy('name')
		.execute();
	const credentials = await credentialsByService(db, rows.map((r) => r.id));
	return rows.map((row) => toClinicService(row, credentials.get(row.id) ?? []));
}

export async function findClinicService(
	db: Kysely<DB>,
	clinicId: string,
	id: string
): Promise<ClinicService | undefined> {
	const row = await db
		.selectFrom('service')
		.selectAll()
		.where('clinicId', '=', clinicId)
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return toClinicService(row, (await credentialsByService(db, [row.id])).get(row.id) ?? []);
}

export async function slugTaken(db: Kysely<DB>, clinicId: string, slug: string, exceptId?: string): Promise<boolean> {
	let query = db.selectFrom('service').select('id').where('clinicId', '=', clinicId).where('slug', '=', slug);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

function columnsOf(write: ClinicServiceWrite) {
	return {
		name: write.name,
		slug: write.slug,
		kind: write.kind,
		description: write.description,
		durationMinutes: write.durationMinutes,
		bufferBeforeMinutes: write.bufferBeforeMinutes,
		bufferAfterMinutes: write.bufferAfterMinutes,
		priceCents: write.priceCents,
		bookableOnline: writeFlag(write.bookableOnline),
		requiresDryNeedlingCertification: writeFlag(write.requiresDryNeedlingCertification),
		active: writeFlag(write.active),
		...(write.slotIntervalMinutes === undefined ? {} : { slotIntervalMinutes: write.slotIntervalMinutes }),
		...(write.minNoticeMinutes === undefined ? {} : { minNoticeMinutes: write.minNoticeMinutes }),
		...(write.horizonDays === undefined ? {} : { horizonDays: write.horizonDays }),
		...(write.newPatientsNeedConsultation === undefined ? {} : { newPatientsNeedConsultation: writeFlag(write.newPatientsNeedConsultation) })
	};
}

async function replaceCredentials(db: Kysely<DB>, serviceId: string, codes: CredentialCode[]): Promise<void> {
	await db.deleteFrom('serviceCredential').where('serviceId', '=', serviceId).execute();
	if (codes.length > 0) {
		await db
			.insertInto('serviceCredential')
			.values(codes.map((credentialCode) => ({ serviceId, credentialCode })))
			.execute();
	}
}

export async function insertClinicService(
	db: Kysely<DB>,
	row: ClinicServiceWrite & { id: string; clinicId: string; sortOrder: number; now: Date }
): Promise<void> {
	await db
		.insertInto('service')
		.values({
			id: row.id,
			clinicId: row.clinicId,
			...columnsOf(row),
			sortOrder: row.sortOrder,
			createdAt: writeInstant(row.now),
			updatedAt: writeInstant(row.now)
		})
		.execute();
	await replaceCredentials(db, row.id, row.credentials);
}

export async function updateClinicService(
	db: Kysely<DB>,
	id: string,
	write: ClinicServiceWrite,
	now: Date
): Promise<void> {
	await db
		.updateTable('service')
		.set({ ...columnsOf(write), updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
	await replaceCredentials(db, id, write.credentials);
}

export async function nextSortOrder(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db
		.selectFrom('service')
		.select((eb) => eb.fn.max<number | null>('sortOrder').as('top'))
		.where('clinicId', '=', clinicId)
		.executeTakeFirst();
	return Number(row?.top ?? 0) + 10;
}
