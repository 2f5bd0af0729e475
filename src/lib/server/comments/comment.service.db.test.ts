import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from '../auth/actor';
import { issueFormToken } from '../anti-spam/form-token';
import { getPublicArticle } from '../content/public-articles.service';
import { readRenderStamp } from '../site/render-stamp';
import { listArticleComments, moderateComment, moderationQueue, replyAsClinic, setModerationMode, submitComment, HEALTH_NOTICE } from './comment.service';

const SLUG = 'is-dry-needling-safe';
let ip = 0;
const nextAddress = () => `198.51.100.${++ip}`;

describeEachEngine('comments', (handle) => {
	const clock = fixedClock(TEST_NOW);
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	beforeEach(() => clock.advance(60_000));
	const visitor = () => testCtx(handle.db, anonymous, clock);
	const as = async (role: 'admin' | 'clinician' | 'front_desk') => testCtx(handle.db, await staffActor(handle.db, role), clock);
	const articleId = async () => {
		const found = await getPublicArticle(visitor(), SLUG);
		if (found.kind !== 'article') throw new Error('no article');
		return found.page.article.id;
	};
	/** A form as the page would send it, shown ten seconds ago. */
	const form = (overrides: Record<string, unknown> = {}) => ({
		name: 'Avery',
		// A new email each time: a first-time commenter unless a test says otherwise.
		email: `visitor${++ip}@example.com`,
		body: `A question about section ${Math.random()}`,
		parentId: '',
		leave_empty: '',
		formToken: issueFormToken(visitor().config.appSecret, new Date(clock.now().getTime() - 10_000)),
		...overrides
	});

	it('holds a first-time commenter, publishes after approval, then trusts the same name and email', async () => {
		const trusted = { email: 'Avery@Example.com' };
		const first = await submitComment(visitor(), SLUG, form({ ...trusted, body: 'Very clear, thank you.' }), nextAddress());
		expect(first).toEqual({ outcome: 'held' });
		expect((await listArticleComments(visitor(), await articleId())).map((c) => c.body)).not.toContain('Very clear, thank you.');

		const desk = await as('front_desk');
		const queue = await moderationQueue(desk, 'pending');
		const held = queue.comments.find((c) => c.body === 'Very clear, thank you.')!;
		expect(held).toMatchObject({ authorEmail: 'avery@example.com', articleSlug: SLUG, mentionsHealth: false });
		const stamp = await readRenderStamp(handle.db, clock.now());
		await moderateComment(desk, held.id, 'approve');
		expect(await readRenderStamp(handle.db, clock.now())).not.toBe(stamp);
		expect((await listArticleComments(visitor(), await articleId())).map((c) => c.body)).toContain('Very clear, thank you.');

		expect(await submitComment(visitor(), SLUG, form({ ...trusted, body: 'And another thought.' }), nextAddress())).toEqual({ outcome: 'published' });
		expect(await submitComment(visitor(), SLUG, form({ ...trusted, name: 'Someone else', body: 'Pretending.' }), nextAddress())).toEqual({ outcome: 'held' });
	});

	it('follows the moderation setting: hold all, or publish at once', async () => {
		const admin = await as('admin');
		await setModerationMode(admin, 'hold_all');
		expect((await submitComment(visitor(), SLUG, form(), nextAddress())).outcome).toBe('held');
		await setModerationMode(admin, 'publish');
		expect((await submitComment(visitor(), SLUG, form({ email: '' }), nextAddress())).outcome).toBe('published');
		await setModerationMode(admin, 'hold_first');
		expect((await domainError(setModerationMode(await as('front_desk'), 'publish'))).code).toBe('forbidden');
		expect((await domainError(setModerationMode(admin, 'sometimes'))).fieldErrors).toHaveProperty('mode');
	});

	it('threads replies one level deep, and badges the clinic’s reply', async () => {
		const id = await articleId();
		const [top] = await listArticleComments(visitor(), id);
		const clinician = await as('clinician');
		await replyAsClinic(clinician, top!.id, { body: 'Thanks for asking! Yes.' });
		// Replying to a reply lands in the same thread.
		const withReply = (await listArticleComments(visitor(), id)).find((c) => c.id === top!.id)!;
		const clinicReply = withReply.replies.find((r) => r.body === 'Thanks for asking! Yes.')!;
		expect(clinicReply).toMatchObject({ byClinic: true, authorName: 'Boston Spine' });
		await setModerationMode(await as('admin'), 'publish');
		await submitComment(visitor(), SLUG, form({ parentId: clinicReply.id, body: 'Reply to the reply' }), nextAddress());
		await setModerationMode(await as('admin'), 'hold_first');
		const thread = (await listArticleComments(visitor(), id)).find((c) => c.id === top!.id)!;
		expect(thread.replies.map((r) => r.body)).toContain('Reply to the reply');
		expect(thread.replies.every((r) => r.replies.length === 0)).toBe(true);
	});

	it('enforces one level of replies and same-article threads in the database itself', async () => {
		const id = await articleId();
		const [top] = await listArticleComments(visitor(), id);
		const reply = top!.replies[0]!;
		const row = (over: Record<string, unknown>) => ({
			id: crypto.randomUUID(), articleId: id, authorName: 'x', body: 'x', status: 'published', bodyHash: 'h',
			createdAt: clock.now().toISOString(), byClinic: 0 as const, mentionsHealth: 0 as const, depth: 1, parentDepth: 0, parentId: reply.id, ...over
		});
		// A reply to a reply (its depth is 1, not 0) has no matching parent key.
		await expect(handle.db.insertInto('comment').values(row({})).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('comment').values(row({ depth: 2, parentDepth: 1 })).execute()).rejects.toThrow();
		const other = await getPublicArticle(visitor(), 'first-dry-needling-session');
		if (other.kind !== 'article') throw new Error('no article');
		await expect(handle.db.insertInto('comment').values(row({ articleId: other.page.article.id, parentId: top!.id })).execute()).rejects.toThrow();
	});

	it('rejects, marks spam and deletes; only staff who moderate may', async () => {
		const desk = await as('front_desk');
		for (const action of ['reject', 'spam', 'delete'] as const) {
			await submitComment(visitor(), SLUG, form({ body: `to ${action}` }), nextAddress());
			const held = (await moderationQueue(desk, 'pending')).comments.find((c) => c.body === `to ${action}`)!;
			await moderateComment(desk, held.id, action);
		}
		expect((await moderationQueue(desk, 'rejected')).comments.map((c) => c.body)).toContain('to reject');
		expect((await moderationQueue(desk, 'spam')).comments.map((c) => c.body)).toContain('to spam');
		expect((await domainError(moderationQueue(visitor(), 'pending'))).code).toBe('forbidden');
		expect((await domainError(moderateComment(desk, 'missing', 'approve'))).code).toBe('not_found');
	});

	it('asks before publishing what looks like health details, and flags them for moderators', async () => {
		const body = 'I was diagnosed with a herniated disc, can I have this?';
		const error = await domainError(submitComment(visitor(), SLUG, form({ body }), nextAddress()));
		expect(error.fieldErrors).toEqual({ confirmPublic: HEALTH_NOTICE });
		await submitComment(visitor(), SLUG, form({ body, confirmPublic: 'on' }), nextAddress());
		const held = (await moderationQueue(await as('admin'), 'pending')).comments.find((c) => c.body === body);
		expect(held?.mentionsHealth).toBe(true);
	});

	it('silently drops honeypot posts and refuses hasty, forged or expired forms', async () => {
		const address = nextAddress();
		expect(await submitComment(visitor(), SLUG, form({ leave_empty: 'http://spam.example', body: 'buy now' }), address)).toEqual({ outcome: 'held' });
		expect((await moderationQueue(await as('admin'), 'pending')).comments.map((c) => c.body)).not.toContain('buy now');
		const secret = visitor().config.appSecret;
		const tooFast = await domainError(submitComment(visitor(), SLUG, form({ formToken: issueFormToken(secret, clock.now()) }), address));
		expect(tooFast.fieldErrors.form).toMatch(/quick/);
		const forged = await domainError(submitComment(visitor(), SLUG, form({ formToken: '123.abc' }), address));
		expect(forged.fieldErrors.form).toMatch(/expired/);
		const old = issueFormToken(secret, new Date(clock.now().getTime() - 80 * 3600_000));
		expect((await domainError(submitComment(visitor(), SLUG, form({ formToken: old }), address))).fieldErrors.form).toMatch(/expired/);
	});

	it('refuses duplicates and limits each address per hour', async () => {
		const address = nextAddress();
		await submitComment(visitor(), SLUG, form({ body: 'Same text' }), address);
		const duplicate = await domainError(submitComment(visitor(), SLUG, form({ body: '  same TEXT! ' }), nextAddress()));
		expect(duplicate.fieldErrors).toEqual({ body: 'This comment has already been sent.' });
		for (let i = 1; i < 10; i++) await submitComment(visitor(), SLUG, form(), address);
		expect((await domainError(submitComment(visitor(), SLUG, form(), address))).code).toBe('rate_limited');
		clock.advance(61 * 60_000);
		expect((await submitComment(visitor(), SLUG, form(), address)).outcome).toBe('held');
		// Only a keyed hash of the address is stored.
		const rows = await handle.db.selectFrom('rateLimitCounter').select('keyHash').execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.some((r) => r.keyHash.includes('198.51'))).toBe(false);
	});

	it('says what is wrong with bad input and stores hostile text as plain text', async () => {
		const error = await domainError(submitComment(visitor(), SLUG, form({ name: '', email: 'not-an-email', body: 'x'.repeat(100_000) }), nextAddress()));
		expect(error.fieldErrors).toEqual({
			name: 'Name is required.',
			email: 'Enter a valid email address, like name@example.com.',
			body: 'Comments must be at most 5,000 characters.'
		});
		const links = await domainError(submitComment(visitor(), SLUG, form({ body: 'https://a.example https://b.example https://c.example' }), nextAddress()));
		expect(links.fieldErrors).toEqual({ body: 'Comments may contain at most 2 links.' });
		const body = '<script>alert(1)</script> [x](javascript:alert(1)) مرحبا 👋';
		await submitComment(visitor(), SLUG, form({ name: '<b>Ünïcode</b> שלום', body }), nextAddress());
		const stored = (await moderationQueue(await as('admin'), 'pending')).comments.find((c) => c.body === body);
		expect(stored?.authorName).toBe('<b>Ünïcode</b> שלום');
	});

	it('does not take comments on drafts or unknown articles, or replies to held comments', async () => {
		expect((await domainError(submitComment(visitor(), SLUG, form({ parentId: 'nope' }), nextAddress()))).code).toBe('not_found');
		expect((await domainError(submitComment(visitor(), 'no-such-article', form(), nextAddress()))).code).toBe('not_found');
	});
});
