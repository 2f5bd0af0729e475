import type { Article } from '../content/article';
import { instantToWallClock } from '../content/publish-time';

/** A stored article as the editor shows it; times in the clinic's zone. */
export function articleFormValues(article: Article, timeZone: string): Record<string, unknown> {
	return {
		title: article.title,
		slug: article.slug,
		summary: article.summary,
		body: article.bodyMarkdown,
		tags: article.tags.join(', '),
		authorId: article.authorId,
		serviceId: article.serviceId ?? '',
		status: article.status,
		publishAt: article.status === 'scheduled' && article.publishedAt ? instantToWallClock(article.publishedAt, timeZone) : ''
	};
}

/** The uploaded file of a multipart form, or undefined when none was chosen. */
export async function uploadedFile(data: FormData, field: string): Promise<Uint8Array | undefined> {
	const file = data.get(field);
	if (!(file instanceof File) || file.size === 0) return undefined;
	return new Uint8Array(await file.arrayBuffer());
}
