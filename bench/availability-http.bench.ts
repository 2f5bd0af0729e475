/**
 * GET /api/v1/availability against the production build (`node build`) on SQLite with 2,000
 * appointments: 4 weeks × 4 providers, 20 connections. Target: 500+ req/s, p99 ≤ 50 ms.
 *
 *   npx vite build && npx tsx bench/availability-http.bench.ts [seconds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchRange, seedBookingBench } from './booking-fixture';
import { startBuiltServer } from './server';

const seconds = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(os.tmpdir(), 'np-bench-'));
const file = join(dir, 'bench.db');
await seedBookingBench(file, 2000);
const server = await startBuiltServer({ DATABASE_FILE: file });
try {
	const { from, to } = benchRange();
	const url = `${server.url}/api/v1/availability?service=follow-up&from=${from}&to=${to}`;
	const sample = (await (await fetch(url)).json()) as { slots: unknown[] };
	console.log(`GET ${url.replace(server.url, '')}: ${sample.slots.length} slots per answer`);
	console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const result = await autocannon({ url, connections: 20, duration: seconds });
	const ok = result['2xx'];
	console.log(`requests: ${result.requests.total} (${ok} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`);
	console.log(`req/s: average ${result.requests.average}, min ${result.requests.min}`);
	console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
	console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	console.log(result.requests.average >= 500 && result.latency.p99 <= 50 ? 'OK: 500+ req/s with p99 ≤ 50 ms' : 'BELOW TARGET (500 req/s, p99 50 ms)');
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
