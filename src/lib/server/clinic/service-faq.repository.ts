import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export type ServiceFaq = { question: string; answer: string };

export async function listServiceFaqs(db: Kysely<DB>, serviceId: string): Promise<ServiceFaq[]> {
	return db.selectFrom('serviceFaq').select(['question', 'answer']).where('serviceId', '=', serviceId).orderBy('position').execute();
}

export async function replaceServiceFaqs(db: Kysely<DB>, serviceId: string, faqs: ServiceFaq[]): Promise<void> {
	await db.deleteFrom('serviceFaq').where('serviceId', '=', serviceId).execute();
	if (faqs.length > 0) {
		await db.insertInto('serviceFaq').values(faqs.map((faq, position) => ({ serviceId, position, ...faq }))).execute();
	}
}
