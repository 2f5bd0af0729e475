import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser } from './support/browser';
import { ADMIN, CLINICIAN, FRONT_DESK, PASSWORD } from './support/demo';
import { outboxMessages, waitOnPage } from './support/public-site';
import { pngBytes } from '../../src/lib/server/testing/images';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const ARTICLE = '/articles/first-dry-needling-session';

describe.skipIf(!chromiumAvailable && !browserRequired)('the public site in the browser', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	const url = (path: string) => `${server.url}${path}`;

	/** A visitor without JavaScript, on a phone-sized screen. */
	async function visitorWithoutJs(): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		return { context, page: await context.newPage() };
	}

	/** axe needs script in the page: the same server-rendered page is scanned in a context with it on. */
	async function scan(path: string): Promise<void> {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const response = await page.goto(url(path));
		expect(response?.status(), path).toBeLessThan(400);
		await expectAccessible(page);
		await context.close();
	}

	async function staffPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInInBrowser(page, server.url, email);
		return { context, page };
	}

	it('reads an article without JavaScript: from the home page to the article, its contents, author and neighbours', async () => {
		const { context, page } = await visitorWithoutJs();
		await page.goto(url('/'));
		expect(await page.getByRole('main').getByRole('link', { name: 'Which therapy fits me?' }).getAttribute('href')).toBe('/assessment');
		expect(await page.getByRole('main').getByRole('link', { name: 'Book a consultation' }).getAttribute('href')).toBe(
			'/book?service=initial-consultation'
		);
		expect(await page.getByText(/^(Open now|Closed now|Closed)/).count()).toBeGreaterThan(0);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
		await page.waitForURL(url('/articles'));
		await page.getByRole('link', { name: 'Your first dry needling session: what to expect and aftercare' }).click();
		await page.waitForURL(url(ARTICLE));
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your first dry needling session: what to expect and aftercare');
		const meta = await page.locator('.meta').first().textContent();
		expect(meta).toMatch(/By Dr\. Alex Chen, DPT · \w+ \d{1,2}, \d{4} · \d+ min read/);

		const toc = page.getByRole('navigation', { name: 'Contents' });
		await toc.getByRole('link', { name: 'When to call for help' }).click();
		expect(page.url()).toBe(url(`${ARTICLE}#when-to-call-for-help`));
		expect(await page.locator('#when-to-call-for-help').textContent()).toBe('When to call for help');

		expect(await page.getByRole('heading', { name: 'Sources' }).count()).toBe(1);
		expect(await page.getByRole('heading', { name: 'About the author' }).count()).toBe(1);
		expect(await page.getByRole('link', { name: /Previous article/ }).getAttribute('href')).toBe('/articles/dry-needling-vs-acupuncture');
		expect(await page.getByRole('link', { name: /Next article/ }).getAttribute('href')).toBe('/articles/is-dry-needling-safe');
		// The article's call to action books its related service.
		expect(await page.locator('.cta').getByRole('link', { name: /Book/ }).first().getAttribute('href')).toMatch(/^\/book\?service=[a-z-]+$/);
		// The demo thread: a question and the clinic's badged answer.
		expect(await page.locator('.clinic-badge').count()).toBeGreaterThan(0);
		// Every public page, with JavaScript off: served, titled, and with its main heading.
		for (const path of ['/', '/services', '/services/acupuncture', '/articles', '/articles?tag=safety', '/articles/is-dry-needling-safe', '/contact', '/contact/sent', `${ARTICLE}/comment`]) {
			const response = await page.goto(url(path));
			expect(response?.status(), path).toBe(200);
			expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
			expect(await page.title(), path).toMatch(/Boston Spine/);
		}
		await context.close();

		for (const path of ['/', '/articles', '/articles?tag=safety', ARTICLE, '/services', '/services/dry-needling', '/contact', '/contact/sent', `${ARTICLE}/comment`]) {
			await scan(path);
		}
	});

	it('holds a visitor’s comment, shows it once staff approve it, and shows the clinic’s reply', async () => {
		const { context, page } = await visitorWithoutJs();
		await page.goto(url(ARTICLE));
		await waitOnPage();
		const form = page.locator('form[action$="/comment"]');
		await form.getByLabel('Name').fill('Quinn 🌿');
		await form.getByLabel('Email (optional)').fill('not-an-email');
		await form.getByRole('textbox', { name: 'Comment' }).fill('Does it help with tension headaches? 👍');
		await form.getByRole('button', { name: 'Post comment' }).click();
		// The mistake is named at the field, and what was typed is still there.
		await page.waitForURL(url(`${ARTICLE}/comment`));
		expect(await page.locator('#field-email-error').textContent()).toBe('Enter a valid email address, like name@example.com.');
		expect(await page.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('Does it help with tension headaches? 👍');
		expect(await page.getByLabel('Name').inputValue()).toBe('Quinn 🌿');
		await context.close();
		await scan(`${ARTICLE}/comment`);

		const retry = await visitorWithoutJs();
		await retry.page.goto(url(`${ARTICLE}/comment`));
		await waitOnPage();
		await retry.page.getByLabel('Name').fill('Quinn 🌿');
		await retry.page.getByLabel('Email (optional)').fill('quinn@example.com');
		await retry.page.getByRole('textbox', { name: 'Comment' }).fill('Does it help with tension headaches? 👍');
		await retry.page.getByRole('button', { name: 'Post comment' }).click();
		await retry.page.waitForURL(url(`${ARTICLE}/comment?sent=held`));
		expect(await retry.page.getByRole('status').textContent()).toContain('once a member of our team has read it');
		await retry.page.goto(url(ARTICLE));
		expect(await retry.page.getByText('Does it help with tension headaches?').count()).toBe(0);

		const desk = await staffPage(FRONT_DESK);
		await desk.page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Comments' }).click();
		await desk.page.waitForURL(url('/staff/comments'));
		await expectAccessible(desk.page);
		const held = desk.page.getByRole('article', { name: 'Quinn 🌿' });
		expect(await held.getByText('quinn@example.com').count()).toBe(1);
		await held.getByRole('button', { name: 'Approve the comment by Quinn 🌿' }).click();
		await desk.page.waitForURL(/done=approve/);
		expect(await desk.page.getByRole('status').textContent()).toBe('Comment approved and published.');
		await desk.context.close();

		// Visible at once: the cached page's stamp changed with the approval.
		await retry.page.goto(url(ARTICLE));
		const comment = retry.page.getByRole('article', { name: 'Comment by Quinn 🌿' });
		expect(await comment.textContent()).toContain('Does it help with tension headaches? 👍');

		const clinician = await staffPage(CLINICIAN);
		await clinician.page.goto(url('/staff/comments?status=published'));
		const published = clinician.page.getByRole('article', { name: 'Quinn 🌿' });
		await published.getByLabel('Reply as the clinic').fill('It can: tension-type headache is one of the problems we assess for dry needling. Ask us at your visit.');
		await published.getByRole('button', { name: 'Publish reply' }).click();
		await clinician.page.waitForURL(/done=replied/);
		await expectAccessible(clinician.page);
		await clinician.context.close();

		await retry.page.goto(url(ARTICLE));
		const reply = retry.page.getByRole('article', { name: 'Comment by Quinn 🌿' }).getByRole('article', { name: 'Reply by Boston Spine' });
		expect(await reply.getByText('Clinic', { exact: true }).count()).toBe(1);
		expect(await reply.textContent()).toContain('Ask us at your visit.');
		await retry.context.close();
	});

	it('sends the contact form end to end: a mistake kept and explained, a confirmation, an email, the staff inbox', async () => {
		const { context, page } = await visitorWithoutJs();
		await page.goto(url('/contact'));
		await waitOnPage();
		await page.getByLabel('Name').fill('Sam Rivera');
		await page.getByRole('textbox', { name: 'Email', exact: true }).fill('sam@example.com');
		await page.getByLabel('Message').fill('Can I book a Saturday acupuncture appointment? مرحبا');
		await page.getByLabel('By phone').check();
		await page.getByRole('button', { name: 'Send message' }).click();
		expect(await page.locator('#field-phone-error').textContent()).toBe('Enter a phone number so we can call you back.');
		expect(await page.getByLabel('Message').inputValue()).toBe('Can I book a Saturday acupuncture appointment? مرحبا');
		expect(await page.getByLabel('By phone').isChecked()).toBe(true);
		await page.getByLabel('Phone (optional)').fill('(617) 555-0199');
		await page.getByRole('button', { name: 'Send message' }).click();
		await page.waitForURL(url('/contact/sent'));
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your message was sent');
		await context.close();

		const mails = outboxMessages(outbox);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('To: hello@boston-spine.example');
		expect(mails[0]).toContain('Reply-To: sam@example.com');
		expect(mails[0]).toMatch(/Subject: Website message from Sam Rivera/);

		const desk = await staffPage(FRONT_DESK);
		await desk.page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Inbox' }).click();
		await desk.page.waitForURL(url('/staff/inbox'));
		await expectAccessible(desk.page);
		await desk.page.getByRole('link', { name: 'Sam Rivera' }).click();
		expect(await desk.page.locator('.message').textContent()).toBe('Can I book a Saturday acupuncture appointment? مرحبا');
		await expectAccessible(desk.page);
		await desk.page.getByRole('button', { name: 'Mark as handled' }).click();
		await desk.page.waitForURL(url('/staff/inbox'));
		expect(await desk.page.getByRole('link', { name: 'Sam Rivera' }).count()).toBe(0);
		await desk.context.close();
	});

	it('writes, previews, publishes and renames an article; the old address answers 301', async () => {
		const { context, page } = await staffPage(CLINICIAN);
		await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Articles' }).click();
		await page.waitForURL(url('/staff/articles'));
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Write an article' }).click();
		await page.waitForURL(url('/staff/articles/new'));
		// The editor is interactive once its live preview has answered (typing earlier could be lost to hydration).
		const editorReady = () => expect.poll(() => page.locator('.preview .hint').first().textContent()).toMatch(/words/);
		await editorReady();
		await expectAccessible(page);
		await page.getByLabel('Title').fill('Desk stretches for neck pain');
		await page.getByLabel('Text (Markdown)').fill('## Why it helps\n\nMove **often**. <script>alert(1)</script>\n\n## Sources\n\n1. Our own advice.');
		// Live preview: rendered by the server with the public page's sanitiser.
		await expect.poll(() => page.locator('.preview .prose h2').first().textContent()).toBe('Why it helps');
		expect(await page.locator('.preview .prose').innerHTML()).toContain('&lt;script&gt;');
		await page.getByLabel('Tags').fill('neck pain, exercise');
		await page.getByRole('button', { name: 'Save article' }).click();
		await page.waitForURL(/\/staff\/articles\/[0-9a-f-]+\?saved=1$/);
		expect(await page.getByRole('status').textContent()).toBe('Article saved.');
		await editorReady();
		await expectAccessible(page);
		// A draft is not public.
		expect((await fetch(url('/articles/desk-stretches-for-neck-pain'))).status).toBe(404);

		await page.getByLabel('Published').check();
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.waitForURL(/saved=article/);
		expect((await fetch(url('/articles/desk-stretches-for-neck-pain'))).status).toBe(200);
		await editorReady();

		await page.getByLabel('Slug (web address)').fill('neck-stretches-at-the-desk');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.waitForURL(/saved=article/);
		await context.close();

		const old = await fetch(url('/articles/desk-stretches-for-neck-pain'), { redirect: 'manual' });
		expect(old.status).toBe(301);
		expect(old.headers.get('location')).toBe('/articles/neck-stretches-at-the-desk');
		const visitor = await visitorWithoutJs();
		await visitor.page.goto(url('/articles/desk-stretches-for-neck-pain'));
		expect(visitor.page.url()).toBe(url('/articles/neck-stretches-at-the-desk'));
		expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Desk stretches for neck pain');
		expect(await visitor.page.getByText('<script>alert(1)</script>').count()).toBe(1);
		await visitor.context.close();
	});

	it('previews without JavaScript through the Preview button, keeping what was typed', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(url('/staff/sign-in'));
		await page.getByLabel('Email').fill(ADMIN);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.goto(url('/staff/articles/new'));
		await page.getByLabel('Title').fill('Preview without script');
		await page.getByLabel('Text (Markdown)').fill('## Heading\n\n[bad](javascript:alert(1)) and [good](https://example.com)');
		await page.getByRole('button', { name: 'Preview' }).click();
		expect(await page.locator('.preview .prose h2').textContent()).toBe('Heading');
		expect(await page.locator('.preview .prose a[href^="javascript"]').count()).toBe(0);
		expect(await page.getByLabel('Title').inputValue()).toBe('Preview without script');
		await page.getByLabel('Title').fill('');
		await page.getByRole('button', { name: 'Save article' }).click();
		expect(await page.locator('#field-title-error').textContent()).toBe('Title is required.');
		expect(await page.getByLabel('Text (Markdown)').inputValue()).toBe('## Heading\n\n[bad](javascript:alert(1)) and [good](https://example.com)');
		await context.close();
	});

	it('lets an admin give a clinician a photo, shown with their articles; refuses files that are not images', async () => {
		const { context, page } = await staffPage(ADMIN);
		await page.goto(url('/staff/admin/staff'));
		await page.getByRole('link', { name: 'Dr. Alex Chen' }).click();
		await page.getByRole('link', { name: 'Photo for the public site' }).click();
		await page.waitForURL(/\/photo$/);
		await expectAccessible(page);
		await page.getByLabel('Photo').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"/>') });
		await page.getByRole('button', { name: 'Upload photo' }).click();
		expect(await page.locator('#field-photo-error').textContent()).toBe('Upload a PNG, JPEG or WebP image.');
		await expectAccessible(page);
		await page.getByLabel('Photo').setInputFiles({ name: 'alex.png', mimeType: 'image/png', buffer: pngBytes(128, 128) });
		await page.getByRole('button', { name: 'Upload photo' }).click();
		await page.waitForURL(/photo\?saved=1$/);
		await context.close();

		const visitor = await visitorWithoutJs();
		await visitor.page.goto(url(ARTICLE));
		const photo = visitor.page.getByRole('region', { name: 'About the author' }).locator('img');
		expect(await photo.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
		expect(await photo.getAttribute('width')).toBe('56');
		await visitor.context.close();
		await scan(ARTICLE);
	});
});
