import type { Ctx } from '../context';
import { notFound } from '../errors';
import { getClinic } from '../clinic/clinic.service';
import { findClinicService } from '../clinic/clinic-service.repository';
import type { ClinicService } from '../clinic/clinic';
import { listStaffProfiles } from '../staff/staff-profile.repository';
import type { StaffProfile } from '../staff/staff-profile';
import { isLive, type Article, type ArticleListItem } from './article';
import * as articles from './article.repository';
import { readingMinutes, renderMarkdown, wantsTableOfContents, type TocEntry } from './markdown';

/** Reading the public site needs no permission: these functions only ever return live articles. */

export const ARTICLES_PER_PAGE = 10;

export type ArticleIndex = {
	items: ArticleListItem[];
	page: number;
	pageCount: number;
	total: number;
	tag: string | null;
	tags: Array<{ tag: string; count: number }>;
};

export async function listPublicArticles(ctx: Ctx, query: { page: number; tag: string | null }): Promise<ArticleIndex> {
	const clinic = await getClinic(ctx);
	const now = ctx.clock.now();
	const tag = query.tag || undefined;
	const total = await articles.countArticles(ctx.db, { clinicId: clinic.id, liveAt: now, tag });
	const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
	if (!Number.isInteger(query.page) || query.page < 1 || query.page > pageCount) throw notFound('page');
	const items = await articles.listArticles(ctx.db, {
		clinicId: clinic.id,
		liveAt: now,
		tag,
		limit: ARTICLES_PER_PAGE,
		offset: (query.page - 1) * ARTICLES_PER_PAGE
	});
	const tags = await articles.liveTagCounts(ctx.db, clinic.id, now);
	return { items, page: query.page, pageCount, total, tag: tag ?? null, tags };
}

export async function latestArticles(ctx: Ctx, limit: number): Promise<ArticleListItem[]> {
	const clinic = await getClinic(ctx);
	return articles.listArticles(ctx.db, { clinicId: clinic.id, liveAt: ctx.clock.now(), limit, offset: 0 });
}

/** Every live article, newest first: for the feed and the sitemap. */
export async function allLiveArticles(ctx: Ctx): Promise<ArticleListItem[]> {
	const clinic = await getClinic(ctx);
	return articles.listArticles(ctx.db, { clinicId: clinic.id, liveAt: ctx.clock.now() });
}

export type ArticlePage = {
	article: Omit<Article, 'bodyMarkdown'> & { publishedAt: Date };
	html: string;
	toc: TocEntry[] | null;
	readingMinutes: number;
	author: StaffProfile | null;
	service: ClinicService | null;
	previous: articles.Neighbour | null;
	next: articles.Neighbour | null;
};

export type ArticleLookup = { kind: 'article'; page: ArticlePage } | { kind: 'moved'; slug: string };

export type LiveArticleRef = { kind: 'article'; article: { id: string; slug: string; title: string } } | { kind: 'moved'; slug: string };

/** A live article's identity only (no rendering): for forms that attach to an article. */
export async function findLiveArticle(ctx: Ctx, slug: string): Promise<LiveArticleRef> {
	const clinic = await getClinic(ctx);
	const article = await articles.findArticleBySlug(ctx.db, clinic.id, slug);
	if (!article) {
		const current = await articles.findRedirectTarget(ctx.db, clinic.id, slug);
		if (current) return { kind: 'moved', slug: current };
		throw notFound('article');
	}
	if (!isLive(article, ctx.clock.now())) throw notFound('article');
	return { kind: 'article', article: { id: article.id, slug: article.slug, title: article.title } };
}

export async function getPublicArticle(ctx: Ctx, slug: string): Promise<ArticleLookup> {
	const clinic = await getClinic(ctx);
	const now = ctx.clock.now();
	const article = await articles.findArticleBySlug(ctx.db, clinic.id, slug);
	if (!article) {
		const current = await articles.findRedirectTarget(ctx.db, clinic.id, slug);
		if (current) return { kind: 'moved', slug: current };
		throw notFound('article');
	}
	// A draft or a not-yet-due article looks exactly like one that does not exist.
	if (!isLive(article, now) || !article.publishedAt) throw notFound('article');
	const rendered = renderMarkdown(article.bodyMarkdown);
	const [author] = await listStaffProfiles(ctx.db, clinic.id, { ids: [article.authorId] });
	const service = article.serviceId ? await findClinicService(ctx.db, clinic.id, article.serviceId) : undefined;
	const { previous, next } = await articles.findNeighbours(ctx.db, clinic.id, now, { id: article.id, publishedAt: article.publishedAt });
	const { bodyMarkdown: _markdown, ...rest } = article;
	return {
		kind: 'article',
		page: {
			article: { ...rest, publishedAt: article.publishedAt },
			html: rendered.html,
			toc: wantsTableOfContents(rendered) ? rendered.toc : null,
			readingMinutes: readingMinutes(rendered.wordCount),
			author: author ?? null,
			service: service?.active ? service : null,
			previous,
			next
		}
	};
}
