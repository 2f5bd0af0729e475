import type { ArticleStatus } from '../../shared/article.schema';
import type { ImageRef } from '../images/image';

export type ArticleCover = ImageRef & { alt: string };

export type Article = {
	id: string;
	clinicId: string;
	slug: string;
	title: string;
	summary: string;
	bodyMarkdown: string;
	wordCount: number;
	status: ArticleStatus;
	/** When it went (or goes) public; null for a draft. */
	publishedAt: Date | null;
	authorId: string;
	serviceId: string | null;
	cover: ArticleCover | null;
	tags: string[];
	createdAt: Date;
	updatedAt: Date;
};

export type ArticleListItem = Pick<
	Article,
	'id' | 'slug' | 'title' | 'summary' | 'wordCount' | 'status' | 'publishedAt' | 'authorId' | 'tags' | 'cover' | 'updatedAt'
> & { authorName: string };

/** Public once its publication time has passed; "scheduled" needs no job to go live. */
export function isLive(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
	return article.status !== 'draft' && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}
