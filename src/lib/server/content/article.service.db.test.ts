import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { pngBytes } from '../testing/images';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from '../auth/actor';
import { readRenderStamp } from '../site/render-stamp';
import { createArticle, getArticleForEditing, listArticlesForStaff, removeArticleCover, updateArticle, updateArticleCover, authorChoices } from './article.service';
import { getPublicArticle, latestArticles, listPublicArticles } from './public-articles.service';

const HOUR = 3600_000;

describeEachEngine('articles', (handle) => {
	const clock = fixedClock(TEST_NOW);
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const as = async (role: 'admin' | 'clinician' | 'front_desk') => testCtx(handle.db, await staffActor(handle.db, role), clock);
	const publicCtx = () => testCtx(handle.db, anonymous, clock);
	const form = async (overrides: Record<string, unknown> = {}) => {
		const authors = await authorChoices(await as('admin'));
		return {
			title: 'Neck pain at the desk',
			slug: '',
			summary: 'Short.',
			body: '## One\n\nHello **world**.',
			tags: 'Neck pain, desk work',
			authorId: authors.find((a) => a.name === 'Dr. Alex Chen')!.id,
			serviceId: '',
			status: 'draft',
			publishAt: '',
			...overrides
		};
	};

	it('seeds the three demo articles, live and newest first, with tags and word counts', async () => {
		const latest = await latestArticles(publicCtx(), 10);
		expect(latest.map((a) => a.slug)).toEqual(['is-dry-needling-safe', 'first-dry-needling-session', 'dry-needling-vs-acupuncture']);
		expect(latest.every((a) => a.wordCount > 600)).toBe(true);
		const page = await getPublicArticle(publicCtx(), 'first-dry-needling-session');
		if (page.kind !== 'article') throw new Error('expected an article');
		expect(page.page.toc?.map((t) => t.id)).toContain('sources');
		expect(page.page.author?.name).toBe('Dr. Alex Chen');
		expect(page.page.author?.credentials).toEqual(['DPT']);
		expect(page.page.service?.slug).toBe('dry-needling');
		expect(page.page.previous?.slug).toBe('dry-needling-vs-acupuncture');
		expect(page.page.next?.slug).toBe('is-dry-needling-safe');
	});

	it('lets only clinicians and admins write, and only active clinicians or admins be authors', async () => {
		expect((await domainError(createArticle(await as('front_desk'), await form()))).code).toBe('forbidden');
		expect((await domainError(createArticle(publicCtx(), await form()))).code).toBe('forbidden');
		const authors = await authorChoices(await as('clinician'));
		expect(authors.map((a) => a.role).every((r) => r === 'clinician' || r === 'admin')).toBe(true);
		const desk = await staffActor(handle.db, 'front_desk');
		const error = await domainError(createArticle(await as('clinician'), await form({ authorId: desk.staffId })));
		expect(error.fieldErrors).toHaveProperty('authorId');
	});

	it('keeps a draft off the public site, then publishes it with the time of publication', async () => {
		const ctx = await as('clinician');
		const draft = await createArticle(ctx, await form());
		expect(draft).toMatchObject({ slug: 'neck-pain-at-the-desk', status: 'draft', publishedAt: null, tags: ['desk-work', 'neck-pain'] });
		expect((await domainError(getPublicArticle(publicCtx(), draft.slug))).code).toBe('not_found');

		clock.advance(HOUR);
		const published = await updateArticle(ctx, draft.id, { ...(await form()), status: 'published' });
		expect(published.publishedAt?.toISOString()).toBe(clock.now().toISOString());
		expect((await getPublicArticle(publicCtx(), draft.slug)).kind).toBe('article');

		// A later edit keeps the original publication date.
		clock.advance(HOUR);
		const edited = await updateArticle(ctx, draft.id, { ...(await form()), title: 'Neck pain at the desk, revised', status: 'published' });
		expect(edited.publishedAt).toEqual(published.publishedAt);
		expect(edited.slug).toBe('neck-pain-at-the-desk');
	});

	it('answers a renamed article’s old slug with the new one, and lets the old slug be reused', async () => {
		const ctx = await as('admin');
		const created = await createArticle(ctx, await form({ title: 'Old name', status: 'published' }));
		await updateArticle(ctx, created.id, await form({ title: 'Old name', slug: 'new-name', status: 'published' }));
		expect(await getPublicArticle(publicCtx(), 'old-name')).toEqual({ kind: 'moved', slug: 'new-name' });
		await updateArticle(ctx, created.id, await form({ title: 'Old name', slug: 'newest-name', status: 'published' }));
		// Both earlier slugs lead to the current one, without chains.
		expect(await getPublicArticle(publicCtx(), 'old-name')).toEqual({ kind: 'moved', slug: 'newest-name' });
		expect(await getPublicArticle(publicCtx(), 'new-name')).toEqual({ kind: 'moved', slug: 'newest-name' });

		const other = await createArticle(ctx, await form({ title: 'Another', slug: 'old-name', status: 'published' }));
		expect((await getPublicArticle(publicCtx(), 'old-name')).kind).toBe('article');
		expect(other.slug).toBe('old-name');

		const taken = await domainError(updateArticle(ctx, created.id, await form({ slug: 'old-name', status: 'published' })));
		expect(taken.fieldErrors).toEqual({ slug: 'Another article already uses this slug.' });
	});

	it('schedules an article in the clinic’s zone and shows it once its time has come, without a write', async () => {
		const ctx = await as('admin');
		// TEST_NOW is 2026-11-27 10:00 in Boston; schedule for 12:00 Boston time (17:00 UTC).
		const local = new Date(clock.now().getTime());
		const scheduled = await createArticle(ctx, await form({ title: 'Coming soon', status: 'scheduled', publishAt: '2026-11-28T12:00' }));
		expect(scheduled.publishedAt?.toISOString()).toBe('2026-11-28T17:00:00.000Z');
		expect((await domainError(getPublicArticle(publicCtx(), 'coming-soon'))).code).toBe('not_found');
		const before = await readRenderStamp(handle.db, clock.now());
		clock.set(new Date('2026-11-28T17:00:00.000Z'));
		expect((await getPublicArticle(publicCtx(), 'coming-soon')).kind).toBe('article');
		expect(await readRenderStamp(handle.db, clock.now())).not.toBe(before);
		clock.set(local);

		const past = await domainError(createArticle(ctx, await form({ title: 'Past', status: 'scheduled', publishAt: '2020-01-01T09:00' })));
		expect(past.fieldErrors).toEqual({ publishAt: 'Choose a time in the future, or publish now.' });
		const bad = await domainError(createArticle(ctx, await form({ title: 'Bad', status: 'scheduled', publishAt: 'soon' })));
		expect(bad.fieldErrors).toHaveProperty('publishAt');
	});

	it('stores hostile text as typed and renders it inert', async () => {
		const ctx = await as('admin');
		const body = '<script>alert(1)</script>\n\n[click](javascript:alert(1)) שלום 👋';
		const created = await createArticle(ctx, await form({ title: '<img src=x onerror=alert(1)> مرحبا', body, status: 'published', slug: 'hostile' }));
		expect((await getArticleForEditing(ctx, created.id)).bodyMarkdown).toBe(body);
		const page = await getPublicArticle(publicCtx(), 'hostile');
		if (page.kind !== 'article') throw new Error('expected an article');
		expect(page.page.html).toContain('&lt;script&gt;');
		expect(page.page.html).not.toContain('javascript:');
		expect(page.page.html).toContain('שלום 👋');
		expect(page.page.article.title).toBe('<img src=x onerror=alert(1)> مرحبا');
	});

	it('refuses a 100 KB body and too many tags with messages on the fields', async () => {
		const error = await domainError(createArticle(await as('admin'), await form({ body: 'x'.repeat(100_001), tags: 'a,b,c,d,e,f,g,h,i' })));
		expect(error.fieldErrors).toEqual({ body: 'The article must be at most 100,000 characters.', tags: 'Use at most 8 tags.' });
	});

	it('changes the render stamp on every edit', async () => {
		const ctx = await as('admin');
		const first = (await listArticlesForStaff(ctx)).find((a) => a.status === 'published');
		const before = await readRenderStamp(handle.db, clock.now());
		const article = await getArticleForEditing(ctx, first!.id);
		await updateArticle(ctx, article.id, {
			...(await form()),
			title: article.title,
			slug: article.slug,
			authorId: article.authorId,
			body: `${article.bodyMarkdown}\n\nOne more line.`,
			status: article.status
		});
		expect(await readRenderStamp(handle.db, clock.now())).not.toBe(before);
	});

	it('sets a cover only with a description and a real image', async () => {
		const ctx = await as('clinician');
		const created = await createArticle(ctx, await form({ title: 'With cover', status: 'published' }));
		expect((await domainError(updateArticleCover(ctx, created.id, pngBytes(64, 48), { coverAlt: '' }))).fieldErrors).toHaveProperty('coverAlt');
		expect((await domainError(updateArticleCover(ctx, created.id, Buffer.from('<svg/>'), { coverAlt: 'x' }))).fieldErrors).toEqual({ cover: 'Upload a PNG, JPEG or WebP image.' });
		const withCover = await updateArticleCover(ctx, created.id, pngBytes(64, 48), { coverAlt: 'A treatment room' });
		expect(withCover.cover).toMatchObject({ width: 64, height: 48, alt: 'A treatment room', url: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.png$/) });
		const relabelled = await updateArticleCover(ctx, created.id, undefined, { coverAlt: 'Our treatment room' });
		expect(relabelled.cover).toMatchObject({ id: withCover.cover!.id, alt: 'Our treatment room' });
		expect((await removeArticleCover(ctx, created.id)).cover).toBeNull();
	});

	describe('the public list', () => {
		it('pages and filters by tag, refusing pages that do not exist', async () => {
			const index = await listPublicArticles(publicCtx(), { page: 1, tag: 'safety' });
			expect(index.items.map((a) => a.slug)).toEqual(['is-dry-needling-safe']);
			expect(index.tags.find((t) => t.tag === 'dry-needling')?.count).toBe(3);
			expect((await domainError(listPublicArticles(publicCtx(), { page: 2, tag: 'safety' }))).code).toBe('not_found');
			expect((await domainError(listPublicArticles(publicCtx(), { page: 0, tag: null }))).code).toBe('not_found');
		});
	});
});
