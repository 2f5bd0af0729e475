/**
 * Lighthouse 12 (mobile emulation, its default) on the home, article, services and contact pages.
 * Budget: 95+ in performance, accessibility, best practices and SEO.
 *
 *   npx vite build && npx tsx bench/public-site/lighthouse.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './server';

const PAGES = ['/', '/articles/first-dry-needling-session', '/services', '/services/dry-needling', '/contact'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = await startBenchServer({ LOG_LEVEL: 'warn' });
const rows: string[] = [];
let worst = 100;
try {
	for (const path of PAGES) {
		const profile = mkdtempSync(join(tmpdir(), 'lh-profile-'));
		const out = join(profile, 'report.json');
		const result = spawnSync(
			'npx',
			[
				'lighthouse',
				`${server.url}${path}`,
				`--chrome-path=${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
				`--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${profile}/chrome`,
				'--output=json',
				'--quiet',
				`--output-path=${out}`
			],
			{ stdio: ['ignore', 'ignore', 'inherit'] }
		);
		if (result.status !== 0) throw new Error(`lighthouse failed on ${path}`);
		const report = JSON.parse(readFileSync(out, 'utf8')) as {
			lighthouseVersion: string;
			categories: Record<string, { score: number }>;
			audits: Record<string, { displayValue?: string }>;
		};
		const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
		worst = Math.min(worst, ...scores);
		const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
			.map((id) => report.audits[id]?.displayValue ?? '?')
			.join(' / ');
		rows.push(`| ${path} | ${scores.join(' | ')} | ${metrics} |`);
		if (rows.length === 1) process.stdout.write(`Lighthouse ${report.lighthouseVersion}\n\n`);
		rmSync(profile, { recursive: true, force: true });
	}
} finally {
	await server.stop();
}
process.stdout.write(`| page | performance | accessibility | best practices | SEO | FCP / LCP / TBT / CLS |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n\nLowest score: ${worst} (budget 95).\n`);
if (worst < 95) process.exitCode = 1;
