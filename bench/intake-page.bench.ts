/**
 * Intake page render against the production build on SQLite: GET /forms/<token>/intake/<page>
 * for a real first-visit link (booked through the API, link read from the outbox email). Every
 * request resolves the hashed token, loads the visit's answers and form version, writes its audit
 * row (fsync) and renders the page server-side. Reports p50/p95/p99 per page over `requests`
 * requests from `concurrency` parallel clients. Target: p95 under 100 ms on the hub and pages.
 *
 *   npx vite build && npx tsx bench/intake-page.bench.ts [requests] [concurrency]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBuiltServer } from './server';

const requests = Number(process.argv[2] ?? 400);
const concurrency = Number(process.argv[3] ?? 4);
const dir = mkdtempSync(join(os.tmpdir(), 'np-bench-intake-'));
const outbox = join(dir, 'outbox');
const server = await startBuiltServer({ DATABASE_FILE: join(dir, 'bench.db'), OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '1' });

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function formsLink(): Promise<string> {
	const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
	const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
	const slots = (await (await fetch(`${server.url}/api/v1/availability?service=initial-consultation&from=${from}&to=${to}`)).json()) as { slots: { start: string; providerId: string }[] };
	const slot = slots.slots[0]!;
	const booked = await fetch(`${server.url}/api/v1/appointments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: { firstName: 'Bench', lastName: 'Intake', email: 'bench.intake@example.com', phone: '(617) 555-0100', dateOfBirth: '1980-01-01' }, note: '' })
	});
	if (booked.status !== 201) throw new Error(`booking answered ${booked.status}`);
	for (let i = 0; i < 300; i++) {
		for (const file of (() => { try { return readdirSync(outbox); } catch { return []; } })().filter((f) => f.endsWith('.eml'))) {
			const match = /\/forms\/[A-Za-z0-9_-]{43}/.exec(readFileSync(join(outbox, file), 'utf8').replace(/=\r?\n/g, ''));
			if (match) return `${server.url}${match[0]}`;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('no forms link in the outbox');
}

async function measure(url: string): Promise<number[]> {
	const times: number[] = [];
	let left = requests;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (left-- > 0) {
				const started = performance.now();
				const response = await fetch(url);
				await response.text();
				if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
				times.push(performance.now() - started);
			}
		})
	);
	return times.sort((a, b) => a - b);
}

try {
	const link = await formsLink();
	// Some answers, so pages render saved values.
	await fetch(`${link}/intake/visit`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=Neck+pain&pain-areas=neck_back&pain-now=4&nav=next', redirect: 'manual' });
	console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${os.cpus().length} CPUs`);
	console.log(`${requests} requests per page, ${concurrency} concurrent clients`);
	for (const [name, path] of [['hub', ''], ['page 1 (body map)', '/intake/visit'], ['page 3 (health)', '/intake/health'], ['review', '/intake/review']] as const) {
		await measure(`${link}${path}`); // warm-up pass, not counted
		const times = await measure(`${link}${path}`);
		console.log(`${name.padEnd(18)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms`);
	}
	console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
