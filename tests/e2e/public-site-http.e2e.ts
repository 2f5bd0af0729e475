import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../src/lib/server/testing/images';
import { ADMIN, PASSWORD } from './support/demo';
import { get, postForm, signIn } from './support/http';
import { executableScripts, formTokenIn, waitOnPage } from './support/public-site';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const ARTICLE = '/articles/is-dry-needling-safe';
const PUBLIC_PAGES = ['/', '/services', '/services/dry-needling', '/articles', '/articles?tag=safety', ARTICLE, '/contact', '/contact/sent', `${ARTICLE}/comment`];

describe('the public site over HTTP', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: `${database.file}-outbox` });
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});
	const url = (path: string) => `${server.url}${path}`;

	it('serves every public page without client JavaScript', async () => {
		for (const path of PUBLIC_PAGES) {
			const response = await get(url(path));
			expect(response.status, path).toBe(200);
			const html = await response.text();
			expect(executableScripts(html), path).toEqual([]);
			expect(html, path).not.toContain('modulepreload');
		}
	});

	it('gives each page a title, description, canonical URL and Open Graph tags, and structured data', async () => {
		const home = await (await get(url('/'))).text();
		expect(home).toContain(`<link rel="canonical" href="${server.url}/"`);
		expect(home).toMatch(/<meta name="description" content="[^"]{50,}"/);
		expect(home).toContain('"@type":"MedicalClinic"');
		expect(home).toContain('"openingHoursSpecification"');
		expect(home).toContain('<link rel="alternate" type="application/atom+xml"');
		const article = await (await get(url(ARTICLE))).text();
		expect(article).toContain(`<link rel="canonical" href="${server.url}${ARTICLE}"`);
		expect(article).toContain('<meta property="og:type" content="article"');
		expect(article).toContain('"@type":"Article"');
		expect(article).toContain('"@type":"MedicalWebPage"');
		expect(article).toContain('"datePublished"');
		const service = await (await get(url('/services/acupuncture'))).text();
		expect(service).toContain('"@type":"FAQPage"');
		expect(service).toContain('<title>Acupuncture session — Boston Spine</title>');
	});

	it('lists every public page and article in the sitemap, and keeps crawlers out of the staff area', async () => {
		const sitemap = await (await get(url('/sitemap.xml'))).text();
		for (const path of ['/', '/services', '/articles', '/contact', '/services/dry-needling', ARTICLE, '/articles/first-dry-needling-session', '/articles/dry-needling-vs-acupuncture']) {
			expect(sitemap).toContain(`<loc>${server.url}${path}</loc>`);
		}
		const robots = await (await get(url('/robots.txt'))).text();
		expect(robots).toContain('Disallow: /staff/');
		expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`);
		const feed = await get(url('/articles/feed.xml'));
		expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect((await feed.text()).match(/<entry>/g)).toHaveLength(3);
	});

	it('answers unknown articles with 404, and the internal render address too', async () => {
		expect((await get(url('/articles/no-such-article'))).status).toBe(404);
		expect((await get(url(`${ARTICLE}/view`))).status).toBe(404);
		expect((await get(url('/articles?page=99'))).status).toBe(404);
		expect((await get(url('/articles?tag=%3Cscript%3E'))).status).toBe(404);
	});

	it('caches the article page by version: ETag and 304 for anonymous visitors, a new ETag once a comment is approved', async () => {
		const first = await get(url(ARTICLE));
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
		expect(first.headers.get('cache-control')).toBe('public, no-cache');
		const again = await fetch(url(ARTICLE), { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		// Each response carries a fresh form token, even from the cache.
		const html = await first.text();
		expect(formTokenIn(html)).not.toContain('NEEDLEPOINT');

		await waitOnPage();
		const posted = await postForm(url(`${ARTICLE}/comment`), { name: 'Morgan', email: '', body: 'A cache test comment', parentId: '', leave_empty: '', formToken: formTokenIn(html) }, { origin: server.url });
		expect(posted.status).toBe(303);
		// Held: nothing public changed, so the ETag still matches.
		expect((await fetch(url(ARTICLE), { headers: { 'if-none-match': etag! } })).status).toBe(304);

		const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
		const queue = await (await get(url('/staff/comments'), cookie)).text();
		const id = /name="id" value="([0-9a-f-]{36})"/.exec(queue)?.[1];
		expect(id).toBeDefined();
		expect((await postForm(url('/staff/comments?/moderate'), { id: id!, action: 'approve' }, { origin: server.url, cookie })).status).toBe(303);
		const after = await fetch(url(ARTICLE), { headers: { 'if-none-match': etag! } });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
		expect(await after.text()).toContain('A cache test comment');
		// Signed-in staff get the same page, privately cached.
		expect((await get(url(ARTICLE), cookie)).headers.get('cache-control')).toBe('private, no-cache');
	});

	it('stores hostile comment input as text and renders it escaped; keeps what was typed; never a 500', async () => {
		const page = await (await get(url(`${ARTICLE}/comment`))).text();
		const formToken = formTokenIn(page);
		await waitOnPage();
		const post = (fields: Record<string, string>) =>
			postForm(url(`${ARTICLE}/comment`), { name: 'x', email: '', body: 'x', parentId: '', leave_empty: '', formToken, ...fields }, { origin: server.url });

		const bad = await post({ name: '<script>alert("n")</script>', email: 'not an email', body: 'y'.repeat(100 * 1024) });
		expect(bad.status).toBe(400);
		const badHtml = await bad.text();
		expect(badHtml).toContain('Enter a valid email address, like name@example.com.');
		expect(badHtml).toContain('Comments must be at most 5,000 characters.');
		// Svelte escapes "<" (and quotes in attributes), so the markup comes back as inert text.
		expect(badHtml).toContain('value="&lt;script>alert(&quot;n&quot;)&lt;/script>"');
		expect(badHtml).not.toContain('<script>alert');
		expect(badHtml).toContain('y'.repeat(1000));

		const links = await post({ body: 'https://a.example https://b.example https://c.example' });
		expect(links.status).toBe(400);
		expect(await links.text()).toContain('Comments may contain at most 2 links.');

		const forged = await post({ formToken: '1.abc' });
		expect(forged.status).toBe(400);
		expect(await forged.text()).toContain('This form has expired. Please send it again.');

		const health = await post({ body: 'I was diagnosed with sciatica last year, should I try this?' });
		expect(health.status).toBe(400);
		expect(await health.text()).toContain('Comments are public and can be found by search engines.');

		const hostile = '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a> javascript:alert(3) שלום עולם 👋 مرحبا https://example.com/ok';
		const accepted = await post({ name: 'שלום 👋', body: hostile });
		expect(accepted.status).toBe(303);
		const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
		const queue = await (await get(url('/staff/comments'), cookie)).text();
		expect(queue).toContain('&lt;img src=x onerror=alert(1)>');
		expect(queue).not.toContain('<img src=x');
		expect(queue).not.toMatch(/<a [^>]*href="javascript:/);
		expect(queue).toContain('href="https://example.com/ok"');
		expect(queue).toContain('שלום עולם 👋 مرحبا');
	});

	it('drops honeypot posts without telling the bot', async () => {
		const page = await (await get(url('/contact'))).text();
		await waitOnPage();
		const response = await postForm(url('/contact'), { name: 'Bot', email: 'bot@example.com', phone: '', message: 'Buy now', preferredContact: 'email', leave_empty: 'http://spam.example', formToken: formTokenIn(page) }, { origin: server.url });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/contact/sent');
		const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
		expect(await (await get(url('/staff/inbox'), cookie)).text()).not.toContain('Buy now');
	});

	it('says what is wrong with contact input and keeps it, including 100 KB messages and markup', async () => {
		const page = await (await get(url('/contact'))).text();
		await waitOnPage();
		const response = await postForm(url('/contact'), {
			name: '<b>Name</b>', email: 'nope@', phone: 'javascript:alert(1)', message: 'm'.repeat(100 * 1024), preferredContact: 'carrier-pigeon', leave_empty: '', formToken: formTokenIn(page)
		}, { origin: server.url });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Enter a valid email address, like name@example.com.');
		expect(html).toContain('Enter a phone number, like (617) 555-0100.');
		expect(html).toContain('Messages must be at most 5,000 characters.');
		expect(html).toContain('Choose how we should contact you.');
		expect(html).toContain('value="&lt;b>Name&lt;/b>"');
		expect(html).toContain('value="javascript:alert(1)"');
	});

	it('keeps hostile editor input, refuses a 100 KB article with a message, and serves uploaded covers immutably', async () => {
		const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
		const editor = await (await get(url('/staff/articles/new'), cookie)).text();
		const authorId = /name="authorId" value="([0-9a-f-]{36})"/.exec(editor)![1]!;
		const fields = { title: '<script>alert(1)</script> عنوان 👋', slug: '', summary: '"quoted" <i>summary</i>', body: 'b'.repeat(100_001), tags: '<b>tag</b>', authorId, serviceId: '', status: 'published', publishAt: '' };
		const tooLong = await postForm(url('/staff/articles/new?/save'), fields, { origin: server.url, cookie });
		expect(tooLong.status).toBe(400);
		const html = await tooLong.text();
		expect(html).toContain('The article must be at most 100,000 characters.');
		expect(html).toContain('value="&lt;script>alert(1)&lt;/script> عنوان 👋"');
		expect(html).not.toContain('<script>alert');

		const saved = await postForm(url('/staff/articles/new?/save'), { ...fields, body: '[x](javascript:alert(1)) <iframe src="https://evil.example"></iframe>' }, { origin: server.url, cookie });
		expect(saved.status).toBe(303);
		const editUrl = saved.headers.get('location')!.replace(/\?.*$/, '');
		const article = await (await get(url('/articles/script-alert-1-script'))).text();
		expect(article).toMatch(/<h1 id="article-title"[^>]*>&lt;script>alert\(1\)&lt;\/script> عنوان 👋<\/h1>/);
		expect(article).not.toContain('<script>alert');
		expect(article).toContain('&lt;iframe');
		expect(article).not.toMatch(/<a [^>]*href="javascript:/);
		expect(article).not.toContain('<iframe');

		const upload = (file: Blob, alt: string) => {
			const form = new FormData();
			form.set('cover', file, 'cover.png');
			form.set('coverAlt', alt);
			return fetch(url(`${editUrl}?/cover`), { method: 'POST', body: form, redirect: 'manual', headers: { origin: server.url, cookie, accept: 'text/html' } });
		};
		const notImage = await upload(new Blob(['<svg onload="alert(1)"/>'], { type: 'image/png' }), 'An image');
		expect(notImage.status).toBe(400);
		expect(await notImage.text()).toContain('Upload a PNG, JPEG or WebP image.');
		const noAlt = await upload(new Blob([new Uint8Array(pngBytes(120, 80))], { type: 'image/png' }), '');
		expect(noAlt.status).toBe(400);
		expect(await noAlt.text()).toContain('Image description is required.');
		expect((await upload(new Blob([new Uint8Array(pngBytes(120, 80))], { type: 'image/png' }), 'A quiet treatment room')).status).toBe(303);

		const withCover = await (await get(url('/articles/script-alert-1-script'))).text();
		const src = /<img class="cover[^"]*" src="(\/media\/[0-9a-f]{64}\.png)" alt="A quiet treatment room" width="120" height="80"/.exec(withCover)?.[1];
		expect(src).toBeDefined();
		const image = await get(url(src!));
		expect(image.status).toBe(200);
		expect(image.headers.get('content-type')).toBe('image/png');
		expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(Buffer.from(await image.arrayBuffer()).equals(pngBytes(120, 80))).toBe(true);
		expect((await get(url(src!.replace('.png', '.jpg')))).status).toBe(404);
		expect((await get(url('/media/../../etc/passwd'))).status).toBe(404);
	});
});

const adminUrl = process.env.TEST_DATABASE_URL;
const postgresRequired = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_POSTGRES === '1';

describe.skipIf(!adminUrl && !postgresRequired)('the article cache with two app instances on PostgreSQL', () => {
	const name = `np_e2e_site_${randomBytes(5).toString('hex')}`;
	let first: RunningServer;
	let second: RunningServer;
	const admin = async (query: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	};
	beforeAll(async () => {
		if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: PostgreSQL is required here.');
		await admin(`create database ${name}`);
		const dbUrl = new URL(adminUrl);
		dbUrl.pathname = `/${name}`;
		[first, second] = await Promise.all([startServer({ DATABASE_URL: dbUrl.toString() }), startServer({ DATABASE_URL: dbUrl.toString() })]);
	});
	afterAll(async () => {
		await Promise.all([first?.stop(), second?.stop()]);
		if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
	});

	it('shows a comment approved on one instance on the other at once', async () => {
		const page = await (await get(`${second.url}${ARTICLE}`)).text();
		expect(page).not.toContain('Seen on both instances');
		await waitOnPage();
		await postForm(`${first.url}${ARTICLE}/comment`, { name: 'Pat', email: '', body: 'Seen on both instances', parentId: '', leave_empty: '', formToken: formTokenIn(page) }, { origin: first.url });
		const { cookie } = await signIn(first.url, ADMIN, PASSWORD);
		const queue = await (await get(`${first.url}/staff/comments`, cookie)).text();
		const id = /name="id" value="([0-9a-f-]{36})"/.exec(queue)![1]!;
		await postForm(`${first.url}/staff/comments?/moderate`, { id, action: 'approve' }, { origin: first.url, cookie });
		expect(await (await get(`${second.url}${ARTICLE}`)).text()).toContain('Seen on both instances');
	});
});
