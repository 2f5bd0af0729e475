import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag, readInstant, writeInstant } from '../db/values';
import type { ContactMethod } from '../../shared/contact.schema';
import type { ContactMessage } from './contact';

export type NewContactMessage = {
	id: string;
	clinicId: string;
	name: string;
	email: string;
	phone: string;
	message: string;
	preferredContact: ContactMethod;
	ipHash: string | null;
	bodyHash: string;
	now: Date;
};

export async function insertContactMessage(db: Kysely<DB>, m: NewContactMessage): Promise<void> {
	const { now, ...fields } = m;
	await db.insertInto('contactMessage').values({ ...fields, createdAt: writeInstant(now) }).execute();
}

export async function markMailSent(db: Kysely<DB>, id: string): Promise<void> {
	await db.updateTable('contactMessage').set({ mailSent: 1 }).where('id', '=', id).execute();
}

export async function recentDuplicate(db: Kysely<DB>, clinicId: string, bodyHash: string, since: Date): Promise<boolean> {
	const row = await db
		.selectFrom('contactMessage')
		.select('id')
		.where('clinicId', '=', clinicId)
		.where('bodyHash', '=', bodyHash)
		.where('createdAt', '>', writeInstant(since))
		.executeTakeFirst();
	return row !== undefined;
}

function base(db: Kysely<DB>, clinicId: string) {
	return db
		.selectFrom('contactMessage')
		.leftJoin('staff', 'staff.id', 'contactMessage.handledBy')
		.select([
			'contactMessage.id',
			'contactMessage.name',
			'contactMessage.email',
			'contactMessage.phone',
			'contactMessage.message',
			'contactMessage.preferredContact',
			'contactMessage.mailSent',
			'contactMessage.createdAt',
			'contactMessage.handledAt',
			'staff.name as handledByName'
		])
		.where('contactMessage.clinicId', '=', clinicId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toMessage(row: Row): ContactMessage {
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		phone: row.phone,
		message: row.message,
		preferredContact: row.preferredContact as ContactMethod,
		mailSent: readFlag(row.mailSent),
		createdAt: readInstant(row.createdAt),
		handledAt: row.handledAt === null ? null : readInstant(row.handledAt),
		handledByName: row.handledByName
	};
}

export async function listContactMessages(db: Kysely<DB>, clinicId: string, handled: boolean, limit: number): Promise<ContactMessage[]> {
	const rows = await base(db, clinicId)
		.where('contactMessage.handledAt', handled ? 'is not' : 'is', null)
		.orderBy('contactMessage.createdAt', handled ? 'desc' : 'asc')
		.limit(limit)
		.execute();
	return rows.map(toMessage);
}

export async function findContactMessage(db: Kysely<DB>, clinicId: string, id: string): Promise<ContactMessage | undefined> {
	const row = await base(db, clinicId).where('contactMessage.id', '=', id).executeTakeFirst();
	return row && toMessage(row);
}

export async function countOpen(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db
		.selectFrom('contactMessage')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('clinicId', '=', clinicId)
		.where('handledAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function setHandled(db: Kysely<DB>, id: string, staffId: string | null, now: Date | null): Promise<void> {
	await db
		.updateTable('contactMessage')
		.set({ handledAt: now ? writeInstant(now) : null, handledBy: now ? staffId : null })
		.where('id', '=', id)
		.execute();
}
