import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag } from '../db/values';
import type { ServiceKind } from '../../shared/service-kinds';
import type { ResolvedServiceRules } from './schedule';

/** A service as booking sees it: what it is, and the rules its slots follow. */
export type BookableService = {
	id: string;
	slug: string;
	name: string;
	kind: ServiceKind;
	description: string;
	priceCents: number;
	bookableOnline: boolean;
	/** First-time patients are steered to the initial consultation instead. */
	newPatientsNeedConsultation: boolean;
	rules: ResolvedServiceRules;
};

/**
 * Whether first-time patients must start with the consultation: the services the clinic marks so,
 * and always a follow-up, which by its nature continues earlier care. The one place this rule
 * lives: the booking service checks it for the website and the API alike.
 */
export function startsWithConsultation(kind: string, marked: boolean): boolean {
	return marked || kind === 'follow_up';
}

/** Needling services: a screening result of physician_first or not_suitable bars them. */
export const NEEDLING_KINDS: ReadonlySet<ServiceKind> = new Set(['dry_needling', 'acupuncture']);

type Row = {
	id: string;
	slug: string;
	name: string;
	kind: string;
	description: string;
	priceCents: number;
	bookableOnline: number;
	newPatientsNeedConsultation: number;
	durationMinutes: number;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
	slotIntervalMinutes: number;
	minNoticeMinutes: number;
	horizonDays: number;
	sortOrder: number;
};

function toBookable(row: Row): BookableService {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		kind: row.kind as ServiceKind,
		description: row.description,
		priceCents: row.priceCents,
		bookableOnline: readFlag(row.bookableOnline),
		newPatientsNeedConsultation: startsWithConsultation(row.kind, readFlag(row.newPatientsNeedConsultation)),
		rules: {
			durationMinutes: row.durationMinutes,
			bufferBeforeMinutes: row.bufferBeforeMinutes,
			bufferAfterMinutes: row.bufferAfterMinutes,
			slotIntervalMinutes: row.slotIntervalMinutes,
			minNoticeMinutes: row.minNoticeMinutes,
			horizonDays: row.horizonDays
		}
	};
}

const COLUMNS = [
	'id',
	'slug',
	'name',
	'kind',
	'description',
	'priceCents',
	'bookableOnline',
	'newPatientsNeedConsultation',
	'durationMinutes',
	'bufferBeforeMinutes',
	'bufferAfterMinutes',
	'slotIntervalMinutes',
	'minNoticeMinutes',
	'horizonDays',
	'sortOrder'
] as const;

/** Active services of the clinic, in the clinic's order. */
export async function listActiveServices(db: Kysely<DB>, clinicId: string): Promise<BookableService[]> {
	const rows = await db
		.selectFrom('service')
		.select(COLUMNS)
		.where('clinicId', '=', clinicId)
		.where('active', '=', 1)
		.orderBy('sortOrder')
		.orderBy('name')
		.execute();
	return rows.map(toBookable);
}

export async function findActiveServiceBySlug(db: Kysely<DB>, clinicId: string, slug: string): Promise<BookableService | undefined> {
	const row = await db
		.selectFrom('service')
		.select(COLUMNS)
		.where('clinicId', '=', clinicId)
		.where('slug', '=', slug)
		.where('active', '=', 1)
		.executeTakeFirst();
	return row ? toBookable(row) : undefined;
}

export async function findServiceById(db: Kysely<DB>, clinicId: string, id: string): Promise<BookableService | undefined> {
	const row = await db.selectFrom('service').select(COLUMNS).where('clinicId', '=', clinicId).where('id', '=', id).executeTakeFirst();
	return row ? toBookable(row) : undefined;
}
