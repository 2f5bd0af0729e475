import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { CommentStatus } from '../../shared/comment.schema';
import type { PublicComment, QueuedComment } from './comment';

export type NewComment = {
	id: string;
	articleId: string;
	parentId: string | null;
	authorName: string;
	authorEmail: string | null;
	body: string;
	status: CommentStatus;
	byClinic: boolean;
	staffId: string | null;
	mentionsHealth: boolean;
	ipHash: string | null;
	bodyHash: string;
	now: Date;
};

export async function insertComment(db: Kysely<DB>, c: NewComment): Promise<void> {
	await db
		.insertInto('comment')
		.values({
			id: c.id,
			articleId: c.articleId,
			parentId: c.parentId,
			depth: c.parentId ? 1 : 0,
			parentDepth: c.parentId ? 0 : null,
			authorName: c.authorName,
			authorEmail: c.authorEmail,
			body: c.body,
			status: c.status,
			byClinic: writeFlag(c.byClinic),
			staffId: c.staffId,
			mentionsHealth: writeFlag(c.mentionsHealth),
			ipHash: c.ipHash,
			bodyHash: c.bodyHash,
			createdAt: writeInstant(c.now),
			moderatedAt: c.byClinic ? writeInstant(c.now) : null,
			moderatedBy: c.byClinic ? c.staffId : null
		})
		.execute();
}

/** Published comments of an article, oldest first, replies under their comment. */
export async function listPublishedComments(db: Kysely<DB>, articleId: string): Promise<PublicComment[]> {
	const rows = await db
		.selectFrom('comment')
		.select(['id', 'parentId', 'authorName', 'byClinic', 'body', 'createdAt'])
		.where('articleId', '=', articleId)
		.where('status', '=', 'published')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
	const top: PublicComment[] = [];
	const byId = new Map<string, PublicComment>();
	for (const row of rows) {
		const comment: PublicComment = {
			id: row.id,
			authorName: row.authorName,
			byClinic: readFlag(row.byClinic),
			body: row.body,
			createdAt: readInstant(row.createdAt),
			replies: []
		};
		if (row.parentId === null) {
			top.push(comment);
			byId.set(row.id, comment);
		} else {
			// A reply whose comment is not (or no longer) published is not shown either.
			byId.get(row.parentId)?.replies.push(comment);
		}
	}
	return top;
}

export async function findCommentForArticle(
	db: Kysely<DB>,
	articleId: string,
	id: string
): Promise<{ id: string; parentId: string | null; status: CommentStatus } | undefined> {
	const row = await db
		.selectFrom('comment')
		.select(['id', 'parentId', 'status'])
		.where('articleId', '=', articleId)
		.where('id', '=', id)
		.executeTakeFirst();
	return row && { ...row, status: row.status as CommentStatus };
}

const queueColumns = [
	'comment.id',
	'comment.articleId',
	'article.title as articleTitle',
	'article.slug as articleSlug',
	'comment.parentId',
	'comment.authorName',
	'comment.authorEmail',
	'comment.body',
	'comment.status',
	'comment.byClinic',
	'comment.mentionsHealth',
	'comment.createdAt',
	'comment.moderatedAt'
] as const;

function toQueued(row: {
	id: string; articleId: string; articleTitle: string; articleSlug: string; parentId: string | null; authorName: string;
	authorEmail: string | null; body: string; status: string; byClinic: number; mentionsHealth: number; createdAt: Date | string; moderatedAt: Date | string | null;
}): QueuedComment {
	return {
		...row,
		status: row.status as CommentStatus,
		byClinic: readFlag(row.byClinic),
		mentionsHealth: readFlag(row.mentionsHealth),
		createdAt: readInstant(row.createdAt),
		moderatedAt: row.moderatedAt === null ? null : readInstant(row.moderatedAt)
	};
}

export async function listComments(db: Kysely<DB>, clinicId: string, status: CommentStatus, limit: number): Promise<QueuedComment[]> {
	const rows = await db
		.selectFrom('comment')
		.innerJoin('article', 'article.id', 'comment.articleId')
		.select(queueColumns)
		.where('article.clinicId', '=', clinicId)
		.where('comment.status', '=', status)
		// Pending: oldest first, as a queue; everything else: latest first.
		.orderBy('comment.createdAt', status === 'pending' ? 'asc' : 'desc')
		.limit(limit)
		.execute();
	return rows.map(toQueued);
}

export async function findComment(db: Kysely<DB>, clinicId: string, id: string): Promise<QueuedComment | undefined> {
	const row = await db
		.selectFrom('comment')
		.innerJoin('article', 'article.id', 'comment.articleId')
		.select(queueColumns)
		.where('article.clinicId', '=', clinicId)
		.where('comment.id', '=', id)
		.executeTakeFirst();
	return row && toQueued(row);
}

export async function countPending(db: Kysely<DB>, clinicId: string): Promise<number> {
	const row = await db
		.selectFrom('comment')
		.innerJoin('article', 'article.id', 'comment.articleId')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('article.clinicId', '=', clinicId)
		.where('comment.status', '=', 'pending')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function setCommentStatus(db: Kysely<DB>, id: string, status: CommentStatus, staffId: string | null, now: Date): Promise<void> {
	await db
		.updateTable('comment')
		.set({ status, moderatedAt: writeInstant(now), moderatedBy: staffId })
		.where('id', '=', id)
		.execute();
}

export async function deleteComment(db: Kysely<DB>, id: string): Promise<void> {
	await db.deleteFrom('comment').where('id', '=', id).execute();
}

/** "First-time commenter": nobody with this name and email has had a comment published before. */
export async function hasPublishedBefore(db: Kysely<DB>, email: string, name: string): Promise<boolean> {
	const row = await db
		.selectFrom('comment')
		.select('id')
		.where('authorEmail', '=', email)
		.where('status', '=', 'published')
		.where('authorName', '=', name)
		.where('byClinic', '=', 0)
		.executeTakeFirst();
	return row !== undefined;
}

/** The same text on the same article, or from the same sender anywhere, since `since`. */
export async function isDuplicate(db: Kysely<DB>, articleId: string, bodyHash: string, ipHash: string | null, since: Date): Promise<boolean> {
	let query = db.selectFrom('comment').select('id').where('bodyHash', '=', bodyHash).where('createdAt', '>', writeInstant(since));
	query = ipHash
		? query.where((eb) => eb.or([eb('articleId', '=', articleId), eb('ipHash', '=', ipHash)]))
		: query.where('articleId', '=', articleId);
	return (await query.executeTakeFirst()) !== undefined;
}
