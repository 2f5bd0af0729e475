import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../src/lib/shared/page-title';
import { get } from './support/http';
import { typographySlips, visibleText } from './support/page-text';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/**
 * html-validate's recommended rules, less those about how the markup is spelled rather than what
 * it means. Each switched-off rule flags valid HTML5 that Svelte and SvelteKit write this way:
 */
const RULES: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// SvelteKit's app.html starts "<!doctype html>"; the doctype is case-insensitive.
		'doctype-style': 'off',
		// Svelte writes void elements self-closed (<meta />, <br />); both forms are valid HTML5.
		'void-style': 'off',
		// Svelte writes boolean attributes with an empty value (novalidate=""), which is valid.
		'attribute-boolean-style': 'off',
		// Wants &nbsp; inside phone numbers so they never wrap: typography, not validity. Our numbers
		// are short, and they stay exactly as the clinic typed them for copying and screen readers.
		'tel-non-breaking': 'off'
	}
};

describe('the public pages are valid HTML with short titles and clean typography', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let pages: string[];
	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: `${database.file}-outbox` });
		// Every page in the sitemap (home, services, each service, articles, each article, contact),
		// plus an address that does not exist.
		const sitemap = await (await get(`${server.url}/sitemap.xml`)).text();
		const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
		// /book and /assessment are left to their own tests (their markup is being reworked apart).
		pages = [...new Set([...listed, '/contact'])].filter((p) => !/^\/(book|assessment)(\/|$)/.test(p));
		expect(pages).toEqual(expect.arrayContaining(['/', '/services', '/services/dry-needling', '/articles', '/articles/is-dry-needling-safe', '/contact']));
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	async function fetchPage(path: string, status = 200): Promise<string> {
		const response = await get(`${server.url}${path}`);
		expect(response.status, path).toBe(status);
		return response.text();
	}

	it('passes the validator with zero errors and warnings', async () => {
		// Fetch everything first: validating takes seconds, longer than the server keeps an idle
		// connection open, and a reused connection it has just closed fails the next fetch.
		const fetched: Array<[string, string]> = [];
		for (const [path, status] of [...pages.map((p) => [p, 200] as const), ['/no-such-page', 404] as const]) fetched.push([path, await fetchPage(path, status)]);
		const validator = new HtmlValidate(RULES);
		const problems: string[] = [];
		for (const [path, html] of fetched) {
			const report = await validator.validateString(html);
			for (const result of report.results) {
				for (const m of result.messages) problems.push(`${path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it(`keeps every title within ${MAX_TITLE_LENGTH} characters`, async () => {
		const titles: Array<[string, string]> = [];
		for (const path of pages) {
			const title = /<title>([^<]*)<\/title>/.exec(await fetchPage(path))?.[1] ?? '';
			expect(title, path).not.toBe('');
			titles.push([path, title]);
		}
		expect(titles.filter(([, title]) => title.length > MAX_TITLE_LENGTH)).toEqual([]);
	});

	it('spaces its middle dots and brackets', async () => {
		const slips: string[] = [];
		for (const path of pages) slips.push(...typographySlips(visibleText(await fetchPage(path))).map((s) => `${path}: ${s}`));
		expect(slips).toEqual([]);
	});

	it('gives the 404 page the site header, footer and phone number', async () => {
		const html = await fetchPage('/no-such-page', 404);
		expect(html).toContain('<nav aria-label="Main"');
		expect(html).toContain('<footer class="site-footer');
		expect(html).toMatch(/<title>Page not found — Boston Spine<\/title>/);
		const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
		expect(main).toMatch(/<a href="tel:[0-9+]+">\(617\) 555-0142<\/a>/);
		expect(main).toContain('href="/book"');
		// Unknown addresses answer 404 whatever the method, and the API keeps its own format.
		expect((await fetch(`${server.url}/no-such-page`, { method: 'POST', body: new URLSearchParams({ a: 'b' }), headers: { origin: server.url } })).status).toBe(404);
		expect((await get(`${server.url}/api/v1/no-such-thing`)).headers.get('content-type')).toContain('application/problem+json');
	});
});
