/**
 * JavaScript shipped on public pages (budget: at most 15 KB compressed in total; csr = false should
 * make it zero). Loads every public page in Chromium with JavaScript on, records every script the
 * browser requests, and adds their gzip sizes; also checks the HTML for inline executable scripts.
 *
 *   npx vite build && npx tsx bench/public-site/js-weight.bench.ts
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { PUBLIC_PAGES, startBenchServer } from './server';

const server = await startBenchServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
let totalGzip = 0;
const rows: string[] = [];
try {
	for (const path of PUBLIC_PAGES) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const scripts: Array<{ url: string; gzip: number }> = [];
		page.on('response', async (response) => {
			if (response.request().resourceType() !== 'script') return;
			const body = await response.body().catch(() => Buffer.alloc(0));
			scripts.push({ url: response.url(), gzip: gzipSync(body).length });
		});
		await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
		const html = await page.content();
		const inline = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/application\/ld\+json/.test(m[1] ?? '')).length;
		const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
		totalGzip += gzip;
		rows.push(`| ${path} | ${scripts.length} | ${inline} | ${gzip} |`);
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
process.stdout.write(`| page | script requests | inline executable scripts | JS bytes (gzip) |\n|---|---|---|---|\n${rows.join('\n')}\n\nTotal JavaScript on public pages: ${totalGzip} bytes gzip (budget 15,360).\n`);
if (totalGzip > 15 * 1024) process.exitCode = 1;
