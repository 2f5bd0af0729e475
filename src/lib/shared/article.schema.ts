import { z } from 'zod';
import { requiredText, trimmed } from './form-values';

export const ARTICLE_STATUSES = ['draft', 'published', 'scheduled'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
	draft: 'Draft',
	published: 'Published',
	scheduled: 'Scheduled'
};

export const MAX_ARTICLE_CHARS = 100_000;
export const MAX_TAGS = 8;

/** "Neck pain, SAFETY" → ["neck-pain", "safety"]. */
export function parseTags(text: string): string[] {
	const tags = text
		.split(',')
		.map((tag) =>
			tag
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '')
		)
		.filter((tag) => tag.length > 0);
	return [...new Set(tags)];
}

export function tagLabel(tag: string): string {
	return tag.replace(/-/g, ' ');
}

const slug = z
	.string()
	.trim()
	.toLowerCase()
	.max(80, 'Slug must be at most 80 characters.')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Slug may use lower-case letters, digits and single hyphens.');

export const articleInput = z.object({
	title: requiredText(200, 'Title'),
	slug: slug.or(z.literal('')).optional(),
	summary: trimmed(300, 'Summary'),
	body: z
		.string({ error: 'Write the article text.' })
		.max(MAX_ARTICLE_CHARS, `The article must be at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters.`)
		.refine((text) => text.trim().length > 0, 'Write the article text.'),
	tags: z
		.string()
		.max(400, 'Tags must be at most 400 characters.')
		.default('')
		.transform(parseTags)
		.refine((tags) => tags.length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
		.refine((tags) => tags.every((tag) => tag.length <= 40), 'Each tag must be at most 40 characters.'),
	authorId: z.string({ error: 'Choose an author.' }).trim().min(1, 'Choose an author.'),
	serviceId: z.string().trim().default(''),
	status: z.enum(ARTICLE_STATUSES, { error: 'Choose draft, published or scheduled.' }),
	/** Wall-clock time in the clinic's zone, as <input type="datetime-local"> sends it. */
	publishAt: z.string().trim().default('')
});
export type ArticleInput = z.infer<typeof articleInput>;

export const coverAltInput = z.object({
	coverAlt: requiredText(200, 'Image description')
});
