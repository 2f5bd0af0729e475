/**
 * Throughput of the public article page: autocannon, 20 connections, against the built server
 * (`node build`) on SQLite with the demo data. Budget: 1,500+ requests/s with p99 at most 50 ms.
 * Also measured: conditional requests answered 304 (ETag), and the home page (not cached) for
 * comparison. Autocannon runs in this process, on the same machine, so it competes for the cores.
 *
 *   npx vite build && npx tsx bench/public-site/article-load.bench.ts [seconds]
 */
import os from 'node:os';
import autocannon from 'autocannon';
import { startBenchServer } from './server';

const SECONDS = Number(process.argv[2] ?? 30);
const ARTICLE = '/articles/first-dry-needling-session';

type Run = { label: string; path: string; headers?: Record<string, string> };

async function run(url: string, spec: Run) {
	const result = await autocannon({ url: `${url}${spec.path}`, connections: 20, duration: SECONDS, headers: spec.headers });
	return {
		label: spec.label,
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
		non2xx: result.non2xx,
		errors: result.errors,
		total: result.requests.total
	};
}

const server = await startBenchServer();
try {
	const first = await fetch(`${server.url}${ARTICLE}`);
	const etag = first.headers.get('etag') ?? '';
	const bytes = (await first.arrayBuffer()).byteLength;
	// Warm-up: fills the render cache and lets V8 optimise the hot path.
	await autocannon({ url: `${server.url}${ARTICLE}`, connections: 20, duration: 3 });
	const runs: Run[] = [
		{ label: 'article page (200, full HTML)', path: ARTICLE },
		{ label: 'article page, If-None-Match (304)', path: ARTICLE, headers: { 'if-none-match': etag } },
		{ label: 'home page (not cached)', path: '/' }
	];
	const results = [];
	for (const spec of runs) results.push(await run(server.url, spec));
	const load = os.loadavg().map((n) => n.toFixed(2)).join(', ');
	process.stdout.write(
		`Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}, load average after the runs ${load}\n` +
			`Article HTML: ${bytes} bytes; ${SECONDS} s per run, 20 connections, LOG_LEVEL=info (to /dev/null)\n\n` +
			'| run | requests/s | p50 ms | p99 ms | max ms | non-2xx | errors |\n|---|---|---|---|---|---|---|\n' +
			results.map((r) => `| ${r.label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} |`).join('\n') +
			'\n'
	);
	const article = results[0]!;
	if (article.rps < 1500 || article.p99 > 50 || article.non2xx > 0 || article.errors > 0) process.exitCode = 1;
} finally {
	await server.stop();
}
