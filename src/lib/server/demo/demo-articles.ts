import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { insertArticle } from '../content/article.repository';
import { renderMarkdown } from '../content/markdown';
import { insertComment } from '../comments/comment.repository';
import { replaceServiceFaqs, type ServiceFaq } from '../clinic/service-faq.repository';
import { contentFingerprint } from '../anti-spam/keyed-hash';
import { DEMO_ARTICLE_TEXTS } from './demo-article-texts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Questions and answers for the demo services, in our own words. */
export const DEMO_SERVICE_FAQS: Record<string, ServiceFaq[]> = {
	'initial-consultation': [
		{
			question: 'What happens at the first visit?',
			answer:
				'We ask about your symptoms and health history, look at how you move, and explain what we find. Together we agree on a plan, which may or may not include needling.'
		},
		{
			question: 'Do I need a referral?',
			answer: 'Not to see us. Some insurance plans ask for one before they pay, so check with your insurer first.'
		},
		{
			question: 'What should I wear?',
			answer: 'Loose, comfortable clothes that let your clinician see and reach the area that hurts.'
		}
	],
	'dry-needling': [
		{
			question: 'Who provides dry needling here?',
			answer:
				'Physical therapists and chiropractors who have completed dry needling training. Their qualifications are listed on this page.'
		},
		{
			question: 'Does it hurt?',
			answer:
				'You may feel a brief deep ache or a twitch in the muscle, and some soreness afterwards. Tell your clinician if anything is too much; our article on the first session explains what to expect.'
		},
		{
			question: 'Is it safe?',
			answer:
				'Side effects are usually minor, such as soreness or a bruise, and serious problems are rare. Our article on dry needling safety gives the figures and their sources. Tell us about any health conditions or medicines before treatment.'
		}
	],
	acupuncture: [
		{
			question: 'Who provides acupuncture here?',
			answer: 'A licensed acupuncturist (L.Ac.) who also holds national board certification in Oriental medicine.'
		},
		{
			question: 'How is it different from dry needling?',
			answer:
				'The needles are similar, but the reasoning behind them differs. Our article on dry needling and acupuncture compares the two without taking sides.'
		},
		{
			question: 'What should I tell the acupuncturist?',
			answer:
				'Whether you are or may be pregnant, any bleeding problems or blood-thinning medicines, a pacemaker or other implant, and any other health conditions: they change which points and techniques are safe.'
		}
	],
	'follow-up': [
		{
			question: 'How often will I come back?',
			answer: 'That depends on your plan. Your clinician suggests a rhythm and adjusts it as you improve.'
		}
	]
};

/** Writes the demo articles (with one answered comment) and service FAQs, inside the seed's transaction. */
export async function seedDemoArticles(
	trx: Kysely<DB>,
	clinicId: string,
	staffIdByKey: Map<string, string>,
	serviceIdBySlug: Map<string, string>,
	now: Date,
	secret: string
): Promise<void> {
	for (const [slug, faqs] of Object.entries(DEMO_SERVICE_FAQS)) {
		const serviceId = serviceIdBySlug.get(slug);
		if (serviceId) await replaceServiceFaqs(trx, serviceId, faqs);
	}
	for (const text of DEMO_ARTICLE_TEXTS) {
		const id = randomUUID();
		const authorId = staffIdByKey.get(text.authorKey);
		if (!authorId) throw new Error(`demo author ${text.authorKey} missing`);
		const publishedAt = new Date(now.getTime() - text.daysAgo * DAY_MS);
		await insertArticle(trx, {
			id,
			clinicId,
			slug: text.slug,
			title: text.title,
			summary: text.summary,
			bodyMarkdown: text.body,
			wordCount: renderMarkdown(text.body).wordCount,
			status: 'published',
			publishedAt,
			authorId,
			serviceId: serviceIdBySlug.get(text.serviceSlug) ?? null,
			tags: text.tags,
			now: publishedAt
		});
		if (text.slug === 'first-dry-needling-session') {
			const commentId = randomUUID();
			const base = { articleId: id, authorEmail: null, mentionsHealth: false, ipHash: null, status: 'published' as const };
			const question = 'Thanks, this made my first appointment much less stressful. Is it fine to go for a run the next morning?';
			await insertComment(trx, {
				...base,
				id: commentId,
				parentId: null,
				authorName: 'Riley',
				body: question,
				byClinic: false,
				staffId: null,
				bodyHash: contentFingerprint(secret, question),
				now: new Date(publishedAt.getTime() + 2 * DAY_MS)
			});
			const answer = 'Glad it helped! An easy run is usually fine. If the treated muscle is still sore, keep it gentle and mention it at your next visit.';
			await insertComment(trx, {
				...base,
				id: randomUUID(),
				parentId: commentId,
				authorName: 'Boston Spine',
				body: answer,
				byClinic: true,
				staffId: authorId,
				bodyHash: contentFingerprint(secret, answer),
				now: new Date(publishedAt.getTime() + 2 * DAY_MS + 3 * 60 * 60 * 1000)
			});
		}
	}
}
