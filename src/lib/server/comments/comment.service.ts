import { writeTransaction } from '../db/write-transaction';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { recordAudit } from '../audit/audit.service';
import { authorize } from '../auth/policy';
import { forbidden, notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { getClinic } from '../clinic/clinic.service';
import { findLiveArticle } from '../content/public-articles.service';
import { contentFingerprint } from '../anti-spam/keyed-hash';
import { checkFormSignals, clientKey, COMMENT_LIMIT, takeRateLimit } from '../anti-spam/spam-guard';
import { bumpContentVersion, readSiteSettings, setCommentModeration, type ModerationMode, MODERATION_MODES } from '../site/site-settings.repository';
import { clinicReplyInput, commentInput, HONEYPOT_FIELD, type CommentStatus } from '../../shared/comment.schema';
import type { PublicComment, QueuedComment, SubmitResult } from './comment';
import * as comments from './comment.repository';
import { mentionsHealthDetails } from './health-hint';

const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export const HEALTH_NOTICE =
	'Comments are public and can be found by search engines. Your comment seems to mention health details: consider removing them (for questions about your own care, call or use the contact form), or tick the box to post it as it is.';

/** Published comments of a live article; anyone may read them. */
export async function listArticleComments(ctx: Ctx, articleId: string): Promise<PublicComment[]> {
	return comments.listPublishedComments(ctx.db, articleId);
}

/** The published comment a visitor is replying to, for the reply form. */
export async function findReplyTarget(ctx: Ctx, articleId: string, id: string): Promise<PublicComment | undefined> {
	const thread = await comments.listPublishedComments(ctx.db, articleId);
	return thread.flatMap((c) => [c, ...c.replies]).find((c) => c.id === id);
}

/**
 * A visitor's comment or reply. Checks, in order: the form itself (fields, honeypot, time on page),
 * the article and the comment replied to, a health-details notice, the address's rate limit and
 * duplicates; then publishes or holds it according to the clinic's moderation setting.
 */
export async function submitComment(ctx: Ctx, articleSlug: string, input: unknown, clientAddress: string): Promise<SubmitResult> {
	const parsed = parseInput(commentInput, input);
	if (checkFormSignals(ctx, { honeypot: parsed[HONEYPOT_FIELD], formToken: parsed.formToken }) === 'bot') {
		return { outcome: 'held' };
	}
	const lookup = await findLiveArticle(ctx, articleSlug);
	if (lookup.kind !== 'article') throw notFound('article');
	const article = lookup.article;
	let parentId: string | null = null;
	if (parsed.parentId) {
		const parent = await comments.findCommentForArticle(ctx.db, article.id, parsed.parentId);
		if (!parent || parent.status !== 'published') throw notFound('comment');
		// One level of replies: answering a reply joins the same thread.
		parentId = parent.parentId ?? parent.id;
	}
	const health = mentionsHealthDetails(parsed.body);
	if (health && !parsed.confirmPublic) throw validationFailed({ confirmPublic: HEALTH_NOTICE }, 'Comments are public: please check yours.');

	const now = ctx.clock.now();
	const ipHash = clientKey(ctx, clientAddress);
	const bodyHash = contentFingerprint(ctx.config.appSecret, parsed.body);
	const clinic = await getClinic(ctx);
	return writeTransaction(ctx.db, async (trx) => {
		if (await comments.isDuplicate(trx, article.id, bodyHash, ipHash, new Date(now.getTime() - DUPLICATE_WINDOW_MS))) {
			throw validationFailed({ body: 'This comment has already been sent.' });
		}
		await takeRateLimit(trx, COMMENT_LIMIT, ipHash, now);
		const settings = await readSiteSettings(trx, clinic.id);
		const publish = await publishesAtOnce(trx, settings.commentModeration, parsed.email, parsed.name);
		await comments.insertComment(trx, {
			id: randomUUID(),
			articleId: article.id,
			parentId,
			authorName: parsed.name,
			authorEmail: parsed.email ?? null,
			body: parsed.body,
			status: publish ? 'published' : 'pending',
			byClinic: false,
			staffId: null,
			mentionsHealth: health,
			ipHash,
			bodyHash,
			now
		});
		if (publish) await bumpContentVersion(trx, clinic.id);
		return { outcome: publish ? 'published' : 'held' };
	});
}

async function publishesAtOnce(db: Ctx['db'], mode: ModerationMode, email: string | undefined, name: string): Promise<boolean> {
	if (mode === 'publish') return true;
	if (mode === 'hold_all' || !email) return false;
	return comments.hasPublishedBefore(db, email, name);
}

export type ModerationView = { comments: QueuedComment[]; pending: number; mode: ModerationMode };

export async function moderationQueue(ctx: Ctx, status: CommentStatus): Promise<ModerationView> {
	authorize(ctx.actor, 'comment:moderate');
	const clinic = await getClinic(ctx);
	const settings = await readSiteSettings(ctx.db, clinic.id);
	return {
		comments: await comments.listComments(ctx.db, clinic.id, status, 200),
		pending: await comments.countPending(ctx.db, clinic.id),
		mode: settings.commentModeration
	};
}

export async function pendingCommentCount(ctx: Ctx): Promise<number> {
	authorize(ctx.actor, 'comment:moderate');
	const clinic = await getClinic(ctx);
	return comments.countPending(ctx.db, clinic.id);
}

export const MODERATION_ACTIONS = ['approve', 'reject', 'spam', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const STATUS_FOR: Record<Exclude<ModerationAction, 'delete'>, CommentStatus> = {
	approve: 'published',
	reject: 'rejected',
	spam: 'spam'
};

export async function moderateComment(ctx: Ctx, id: string, action: unknown): Promise<void> {
	authorize(ctx.actor, 'comment:moderate');
	if (!MODERATION_ACTIONS.includes(action as ModerationAction)) throw validationFailed({ action: 'Unknown action.' });
	const clinic = await getClinic(ctx);
	const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
	await writeTransaction(ctx.db, async (trx) => {
		const comment = await comments.findComment(trx, clinic.id, id);
		if (!comment) throw notFound('comment');
		if (action === 'delete') await comments.deleteComment(trx, id);
		else await comments.setCommentStatus(trx, id, STATUS_FOR[action as Exclude<ModerationAction, 'delete'>], staffId, ctx.clock.now());
		await bumpContentVersion(trx, clinic.id);
		await recordAudit({ ...ctx, db: trx }, { action: 'comment.moderated', entityType: 'comment', entityId: id, detail: { action: String(action) } });
	});
}

/** A reply signed by the clinic, published at once and badged on the page. */
export async function replyAsClinic(ctx: Ctx, commentId: string, input: unknown): Promise<void> {
	authorize(ctx.actor, 'comment:moderate');
	if (ctx.actor.kind !== 'staff') throw forbidden();
	const { body } = parseInput(clinicReplyInput, input);
	const clinic = await getClinic(ctx);
	const staffId = ctx.actor.staffId;
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		const parent = await comments.findComment(trx, clinic.id, commentId);
		if (!parent) throw notFound('comment');
		if (parent.status === 'rejected' || parent.status === 'spam') {
			throw validationFailed({ body: 'Approve the comment before replying to it.' });
		}
		// Answering a held comment approves it: the reply would make no sense on its own.
		const inTrx = { ...ctx, db: trx };
		if (parent.status === 'pending') {
			await comments.setCommentStatus(trx, parent.id, 'published', staffId, now);
			await recordAudit(inTrx, { action: 'comment.moderated', entityType: 'comment', entityId: parent.id, detail: { action: 'approve', by: 'reply' } });
		}
		const replyId = randomUUID();
		await comments.insertComment(trx, {
			id: replyId,
			articleId: parent.articleId,
			parentId: parent.parentId ?? parent.id,
			authorName: clinic.name,
			authorEmail: null,
			body,
			status: 'published',
			byClinic: true,
			staffId,
			mentionsHealth: false,
			ipHash: null,
			bodyHash: contentFingerprint(ctx.config.appSecret, body),
			now
		});
		await bumpContentVersion(trx, clinic.id);
		await recordAudit(inTrx, { action: 'comment.replied', entityType: 'comment', entityId: replyId, detail: { replyTo: parent.id, approvedWaiting: parent.status === 'pending' } });
	});
}

export async function setModerationMode(ctx: Ctx, mode: unknown): Promise<void> {
	authorize(ctx.actor, 'comment:configure');
	if (!MODERATION_MODES.includes(mode as ModerationMode)) throw validationFailed({ mode: 'Choose one of the options.' });
	const clinic = await getClinic(ctx);
	await setCommentModeration(ctx.db, clinic.id, mode as ModerationMode);
	await recordAudit(ctx, { action: 'settings.comment_moderation_changed', entityType: 'clinic', entityId: clinic.id, detail: { mode: String(mode) } });
}
