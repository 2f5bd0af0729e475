import { writeTransaction } from '../db/write-transaction';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { notFound, validationFailed } from '../errors';
import { isUniqueViolation } from '../db/constraint-errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { slugify, type Clinic } from '../clinic/clinic';
import { findClinicService } from '../clinic/clinic-service.repository';
import { storeUploadedImage } from '../images/image.service';
import { listStaffProfiles } from '../staff/staff-profile.repository';
import type { StaffProfile } from '../staff/staff-profile';
import { bumpContentVersion } from '../site/site-settings.repository';
import { articleInput, coverAltInput, type ArticleInput } from '../../shared/article.schema';
import { isLive, type Article, type ArticleListItem } from './article';
import * as articles from './article.repository';
import { renderMarkdown, type RenderedMarkdown } from './markdown';
import { wallClockToInstant } from './publish-time';

/** Articles are written by clinicians and administrators (the people patients read about). */
const AUTHOR_ROLES = ['clinician', 'admin'] as const;

export async function listArticlesForStaff(ctx: Ctx): Promise<ArticleListItem[]> {
	authorize(ctx.actor, 'article:write');
	const clinic = await getClinic(ctx);
	return articles.listArticles(ctx.db, { clinicId: clinic.id });
}

export async function getArticleForEditing(ctx: Ctx, id: string): Promise<Article> {
	authorize(ctx.actor, 'article:write');
	const clinic = await getClinic(ctx);
	const article = await articles.findArticleById(ctx.db, clinic.id, id);
	if (!article) throw notFound('article');
	return article;
}

export async function authorChoices(ctx: Ctx): Promise<StaffProfile[]> {
	authorize(ctx.actor, 'article:write');
	const clinic = await getClinic(ctx);
	return listStaffProfiles(ctx.db, clinic.id, { roles: [...AUTHOR_ROLES], activeOnly: true });
}

/** The editor's preview: exactly what the public page will show. */
export function previewMarkdown(ctx: Ctx, markdown: unknown): RenderedMarkdown {
	authorize(ctx.actor, 'article:write');
	return renderMarkdown(typeof markdown === 'string' ? markdown.slice(0, 200_000) : '');
}

export async function createArticle(ctx: Ctx, input: unknown): Promise<Article> {
	authorize(ctx.actor, 'article:write');
	const parsed = parseInput(articleInput, input);
	const clinic = await getClinic(ctx);
	const id = randomUUID();
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		const write = await toWrite({ ...ctx, db: trx }, clinic, parsed, undefined);
		await saveOrExplain(async () => {
			if (await articles.slugTaken(trx, clinic.id, write.slug)) throw slugInUse();
			await articles.releaseRedirect(trx, clinic.id, write.slug);
			await articles.insertArticle(trx, { ...write, id, clinicId: clinic.id, tags: parsed.tags, now });
		});
		await bumpContentVersion(trx, clinic.id);
		await auditPublication({ ...ctx, db: trx }, id, undefined, write);
	});
	return getArticleForEditing(ctx, id);
}

export async function updateArticle(ctx: Ctx, id: string, input: unknown): Promise<Article> {
	const existing = await getArticleForEditing(ctx, id);
	const parsed = parseInput(articleInput, input);
	const clinic = await getClinic(ctx);
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		const write = await toWrite({ ...ctx, db: trx }, clinic, parsed, existing);
		await saveOrExplain(async () => {
			if (await articles.slugTaken(trx, clinic.id, write.slug, existing.id)) throw slugInUse();
			// Links already shared keep working: the old address answers with a permanent redirect.
			if (write.slug !== existing.slug) await articles.recordRename(trx, clinic.id, existing.id, existing.slug, write.slug, now);
			await articles.updateArticle(trx, existing.id, write, parsed.tags, now);
		});
		await bumpContentVersion(trx, clinic.id);
		await auditPublication({ ...ctx, db: trx }, existing.id, existing, write);
	});
	return getArticleForEditing(ctx, id);
}

/** Going live (or scheduled), a new publication time, or back to draft: what the public sees changes. */
async function auditPublication(ctx: Ctx, id: string, before: Article | undefined, after: articles.ArticleWrite): Promise<void> {
	const wasPublic = before !== undefined && before.status !== 'draft';
	if (after.status === 'draft') {
		if (wasPublic) await recordAudit(ctx, { action: 'article.unpublished', entityType: 'article', entityId: id, detail: { from: before.status } });
		return;
	}
	const samePublication = wasPublic && before.status === after.status && before.publishedAt?.getTime() === after.publishedAt?.getTime();
	if (samePublication) return;
	await recordAudit(ctx, {
		action: 'article.published',
		entityType: 'article',
		entityId: id,
		detail: { status: after.status, at: after.publishedAt?.toISOString() ?? null }
	});
}

async function toWrite(ctx: Ctx, clinic: Clinic, input: ArticleInput, existing: Article | undefined): Promise<articles.ArticleWrite> {
	if (input.status !== 'draft') authorize(ctx.actor, 'article:publish');
	const slug = input.slug || existing?.slug || slugify(input.title);
	if (!slug) throw validationFailed({ slug: 'Enter a slug: the title has no letters or digits to make one from.' });
	const [author] = await listStaffProfiles(ctx.db, clinic.id, { ids: [input.authorId], roles: [...AUTHOR_ROLES], activeOnly: true });
	if (!author) throw validationFailed({ authorId: 'Choose an author from the list (an active clinician or administrator).' });
	let serviceId: string | null = null;
	if (input.serviceId) {
		const service = await findClinicService(ctx.db, clinic.id, input.serviceId);
		if (!service) throw validationFailed({ serviceId: 'Choose a service from the list.' });
		serviceId = service.id;
	}
	const now = ctx.clock.now();
	let publishedAt: Date | null = null;
	if (input.status === 'published') {
		// Editing a live article keeps its original date; publishing a draft dates it now.
		publishedAt = existing && isLive(existing, now) ? existing.publishedAt : now;
	} else if (input.status === 'scheduled') {
		const at = wallClockToInstant(input.publishAt, clinic.timeZone);
		if (!at) throw validationFailed({ publishAt: 'Enter the date and time to publish, like 2026-12-01 09:00.' });
		if (at.getTime() <= now.getTime()) throw validationFailed({ publishAt: 'Choose a time in the future, or publish now.' });
		publishedAt = at;
	}
	const rendered = renderMarkdown(input.body);
	return {
		slug,
		title: input.title,
		summary: input.summary,
		bodyMarkdown: input.body,
		wordCount: rendered.wordCount,
		status: input.status,
		publishedAt,
		authorId: author.id,
		serviceId
	};
}

/** Replaces the cover when a file is sent; always updates the description (required with a cover). */
export async function updateArticleCover(ctx: Ctx, id: string, file: Uint8Array | undefined, input: unknown): Promise<Article> {
	const existing = await getArticleForEditing(ctx, id);
	if (!file && !existing.cover) throw validationFailed({ cover: 'Choose an image file.' });
	const { coverAlt } = parseInput(coverAltInput, input);
	const image = file ? await storeUploadedImage(ctx, 'image:upload', file, 'cover') : existing.cover!;
	await writeTransaction(ctx.db, async (trx) => {
		await articles.setCover(trx, existing.id, image.id, coverAlt, ctx.clock.now());
		await bumpContentVersion(trx, existing.clinicId);
	});
	return getArticleForEditing(ctx, id);
}

export async function removeArticleCover(ctx: Ctx, id: string): Promise<Article> {
	const existing = await getArticleForEditing(ctx, id);
	await writeTransaction(ctx.db, async (trx) => {
		await articles.setCover(trx, existing.id, null, '', ctx.clock.now());
		await bumpContentVersion(trx, existing.clinicId);
	});
	return getArticleForEditing(ctx, id);
}

function slugInUse() {
	return validationFailed({ slug: 'Another article already uses this slug.' });
}

async function saveOrExplain(save: () => Promise<void>): Promise<void> {
	try {
		await save();
	} catch (error) {
		if (isUniqueViolation(error)) throw slugInUse();
		throw error;
	}
}
