import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';
import { imageUrl } from '../images/image';
import type { ArticleStatus } from '../../shared/article.schema';
import type { Article, ArticleCover, ArticleListItem } from './article';

export type ArticleWrite = Pick<
	Article,
	'slug' | 'title' | 'summary' | 'bodyMarkdown' | 'wordCount' | 'status' | 'publishedAt' | 'authorId' | 'serviceId'
>;

const LIVE_STATUSES = ['published', 'scheduled'];

type CoverColumns = {
	coverImageId: string | null;
	coverAlt: string;
	sha256: string | null;
	contentType: string | null;
	width: number | null;
	height: number | null;
};

function toCover(row: CoverColumns): ArticleCover | null {
	if (!row.coverImageId || !row.sha256 || !row.contentType || !row.width || !row.height) return null;
	return { id: row.coverImageId, url: imageUrl(row.sha256, row.contentType), width: row.width, height: row.height, alt: row.coverAlt };
}

function withCover<O>(query: SelectQueryBuilder<DB, 'article', O>) {
	return query
		.leftJoin('image', 'image.id', 'article.coverImageId')
		.select(['article.coverImageId', 'article.coverAlt', 'image.sha256', 'image.contentType', 'image.width', 'image.height']);
}

async function tagsOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string[]>> {
	const byArticle = new Map<string, string[]>();
	if (ids.length === 0) return byArticle;
	const rows = await db.selectFrom('articleTag').select(['articleId', 'tag']).where('articleId', 'in', ids).orderBy('tag').execute();
	for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.tag]);
	return byArticle;
}

async function findOne(db: Kysely<DB>, clinicId: string, where: { id: string } | { slug: string }): Promise<Article | undefined> {
	let query = withCover(db.selectFrom('article'))
		.select([
			'article.id',
			'article.clinicId',
			'article.slug',
			'article.title',
			'article.summary',
			'article.bodyMarkdown',
			'article.wordCount',
			'article.status',
			'article.publishedAt',
			'article.authorId',
			'article.serviceId',
			'article.createdAt',
			'article.updatedAt'
		])
		.where('article.clinicId', '=', clinicId);
	query = 'id' in where ? query.where('article.id', '=', where.id) : query.where('article.slug', '=', where.slug);
	const row = await query.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		clinicId: row.clinicId,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		bodyMarkdown: row.bodyMarkdown,
		wordCount: row.wordCount,
		status: row.status as ArticleStatus,
		publishedAt: row.publishedAt === null ? null : readInstant(row.publishedAt),
		authorId: row.authorId,
		serviceId: row.serviceId,
		cover: toCover(row),
		tags: (await tagsOf(db, [row.id])).get(row.id) ?? [],
		createdAt: readInstant(row.createdAt),
		updatedAt: readInstant(row.updatedAt)
	};
}

export function findArticleById(db: Kysely<DB>, clinicId: string, id: string) {
	return findOne(db, clinicId, { id });
}

export function findArticleBySlug(db: Kysely<DB>, clinicId: string, slug: string) {
	return findOne(db, clinicId, { slug });
}

/** The article an old slug now points to, if it was renamed. */
export async function findRedirectTarget(db: Kysely<DB>, clinicId: string, oldSlug: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('articleSlugRedirect')
		.innerJoin('article', 'article.id', 'articleSlugRedirect.articleId')
		.select('article.slug')
		.where('articleSlugRedirect.clinicId', '=', clinicId)
		.where('articleSlugRedirect.oldSlug', '=', oldSlug)
		.executeTakeFirst();
	return row?.slug;
}

export async function slugTaken(db: Kysely<DB>, clinicId: string, slug: string, exceptId?: string): Promise<boolean> {
	let query = db.selectFrom('article').select('id').where('clinicId', '=', clinicId).where('slug', '=', slug);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

function columnsOf(write: ArticleWrite) {
	return {
		slug: write.slug,
		title: write.title,
		summary: write.summary,
		bodyMarkdown: write.bodyMarkdown,
		wordCount: write.wordCount,
		status: write.status,
		publishedAt: write.publishedAt ? writeInstant(write.publishedAt) : null,
		authorId: write.authorId,
		serviceId: write.serviceId
	};
}

export async function insertArticle(
	db: Kysely<DB>,
	row: ArticleWrite & { id: string; clinicId: string; tags: string[]; now: Date }
): Promise<void> {
	await db
		.insertInto('article')
		.values({ id: row.id, clinicId: row.clinicId, ...columnsOf(row), createdAt: writeInstant(row.now), updatedAt: writeInstant(row.now) })
		.execute();
	await replaceTags(db, row.id, row.tags);
}

export async function updateArticle(db: Kysely<DB>, id: string, write: ArticleWrite, tags: string[], now: Date): Promise<void> {
	await db
		.updateTable('article')
		.set({ ...columnsOf(write), updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
	await replaceTags(db, id, tags);
}

async function replaceTags(db: Kysely<DB>, articleId: string, tags: string[]): Promise<void> {
	await db.deleteFrom('articleTag').where('articleId', '=', articleId).execute();
	if (tags.length > 0) await db.insertInto('articleTag').values(tags.map((tag) => ({ articleId, tag }))).execute();
}

/**
 * Points `oldSlug` at the article. A slug that an article takes back, or that another article now
 * uses, must stop redirecting, so the current owner of a slug always wins.
 */
export async function recordRename(db: Kysely<DB>, clinicId: string, articleId: string, oldSlug: string, newSlug: string, now: Date): Promise<void> {
	await db.deleteFrom('articleSlugRedirect').where('clinicId', '=', clinicId).where('oldSlug', '=', newSlug).execute();
	await db
		.insertInto('articleSlugRedirect')
		.values({ clinicId, oldSlug, articleId, createdAt: writeInstant(now) })
		.onConflict((oc) => oc.columns(['clinicId', 'oldSlug']).doUpdateSet({ articleId, createdAt: writeInstant(now) }))
		.execute();
}

export async function releaseRedirect(db: Kysely<DB>, clinicId: string, slug: string): Promise<void> {
	await db.deleteFrom('articleSlugRedirect').where('clinicId', '=', clinicId).where('oldSlug', '=', slug).execute();
}

export async function setCover(db: Kysely<DB>, id: string, imageId: string | null, alt: string, now: Date): Promise<void> {
	await db
		.updateTable('article')
		.set({ coverImageId: imageId, coverAlt: imageId ? alt : '', updatedAt: writeInstant(now) })
		.where('id', '=', id)
		.execute();
}

export async function deleteArticle(db: Kysely<DB>, id: string): Promise<void> {
	await db.deleteFrom('article').where('id', '=', id).execute();
}

function live(now: Date) {
	return (eb: ExpressionBuilder<DB, 'article'>) =>
		eb.and([eb('article.status', 'in', LIVE_STATUSES), eb('article.publishedAt', '<=', writeInstant(now))]);
}

export type ListQuery = { clinicId: string; liveAt?: Date; tag?: string; limit?: number; offset?: number };

function listBase(db: Kysely<DB>, q: ListQuery) {
	let query = db.selectFrom('article').where('article.clinicId', '=', q.clinicId);
	if (q.liveAt) query = query.where(live(q.liveAt));
	if (q.tag) {
		const tag = q.tag;
		query = query.where((eb) =>
			eb.exists(eb.selectFrom('articleTag').select('articleTag.tag').whereRef('articleTag.articleId', '=', 'article.id').where('articleTag.tag', '=', tag))
		);
	}
	return query;
}

/** Newest first. With `liveAt`, only what the public may see at that moment. */
export async function listArticles(db: Kysely<DB>, q: ListQuery): Promise<ArticleListItem[]> {
	let query = withCover(listBase(db, q))
		.innerJoin('staff', 'staff.id', 'article.authorId')
		.select([
			'article.id',
			'article.slug',
			'article.title',
			'article.summary',
			'article.wordCount',
			'article.status',
			'article.publishedAt',
			'article.authorId',
			'article.updatedAt',
			'staff.name as authorName'
		])
		// Drafts (no date) first in the staff list, then newest.
		.orderBy((eb) => eb.case().when('article.publishedAt', 'is', null).then(0).else(1).end())
		.orderBy('article.publishedAt', 'desc')
		.orderBy('article.id', 'desc');
	if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
	const rows = await query.execute();
	const tags = await tagsOf(db, rows.map((r) => r.id));
	return rows.map((row) => ({
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		wordCount: row.wordCount,
		status: row.status as ArticleStatus,
		publishedAt: row.publishedAt === null ? null : readInstant(row.publishedAt),
		authorId: row.authorId,
		authorName: row.authorName,
		updatedAt: readInstant(row.updatedAt),
		tags: tags.get(row.id) ?? [],
		cover: toCover(row)
	}));
}

export async function countArticles(db: Kysely<DB>, q: ListQuery): Promise<number> {
	const row = await listBase(db, q)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Tags of live articles, with how many articles carry each. */
export async function liveTagCounts(db: Kysely<DB>, clinicId: string, now: Date): Promise<Array<{ tag: string; count: number }>> {
	const rows = await db
		.selectFrom('articleTag')
		.innerJoin('article', 'article.id', 'articleTag.articleId')
		.select(['articleTag.tag', (eb) => eb.fn.countAll<number>().as('n')])
		.where('article.clinicId', '=', clinicId)
		.where(live(now))
		.groupBy('articleTag.tag')
		.orderBy('articleTag.tag')
		.execute();
	return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

export type Neighbour = { slug: string; title: string };

/** The live articles published just before and just after this one. */
export async function findNeighbours(
	db: Kysely<DB>,
	clinicId: string,
	now: Date,
	article: { id: string; publishedAt: Date }
): Promise<{ previous: Neighbour | null; next: Neighbour | null }> {
	const at = writeInstant(article.publishedAt);
	const base = () => db.selectFrom('article').select(['slug', 'title']).where('article.clinicId', '=', clinicId).where(live(now));
	const previous = await base()
		.where((eb) => eb.or([eb('article.publishedAt', '<', at), eb.and([eb('article.publishedAt', '=', at), eb('article.id', '<', article.id)])]))
		.orderBy('article.publishedAt', 'desc')
		.orderBy('article.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const next = await base()
		.where((eb) => eb.or([eb('article.publishedAt', '>', at), eb.and([eb('article.publishedAt', '=', at), eb('article.id', '>', article.id)])]))
		.orderBy('article.publishedAt', 'asc')
		.orderBy('article.id', 'asc')
		.limit(1)
		.executeTakeFirst();
	return { previous: previous ?? null, next: next ?? null };
}
