/**
 * The full-size fuzz run: the same properties as tests/e2e/fuzz.e2e.ts (never a 5xx; API errors in
 * problem+json naming the failing fields; forms answer HTML or a redirect with nothing sent
 * rendered as markup), with thousands of bodies instead of a few hundred.
 *
 *   npx vite build && npx tsx bench/fuzz.bench.ts [formRunsPerAction] [apiRunsPerOperation] [seed]
 *
 * Defaults: 40 bodies per form action, 150 per API operation, seed 20261202. Exits 1 when any
 * property fails, after printing each failure with the seed and path that replay it.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { apiRequests, apiViolation, formFieldsOf, formRequests, formTargets, formViolation, fuzzProperty, newStats, type FuzzStats } from '../tests/e2e/support/fuzz';
import { formOrder, prepareFuzzWorld } from '../tests/e2e/support/fuzz-setup';
import { startServer, tempDatabaseFile } from '../tests/e2e/support/server';

const formRuns = Number(process.argv[2] ?? 40);
const apiRuns = Number(process.argv[3] ?? 150);
const seed = Number(process.argv[4] ?? 20261202);

const statusText = (stats: FuzzStats) =>
	[...stats.statuses.entries()]
		.sort(([a], [b]) => a - b)
		.map(([status, n]) => `${status}×${n}`)
		.join(' ');

const database = tempDatabaseFile();
const server = await startServer({ DATABASE_FILE: database.file, LOG_LEVEL: 'error' });
const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
process.stdout.write(`fuzz: seed ${seed}, ${formRuns} bodies per form action, ${apiRuns} per API operation; load average ${load}; ${os.cpus().length} CPUs, Node ${process.version}\n\n`);
const started = performance.now();
const failures: string[] = [];
const rows: string[] = [];
let total = 0;
try {
	const world = await prepareFuzzWorld(server.url, database.file);
	const { targets, unmapped } = formTargets(world.formPaths);
	if (unmapped.length || world.missingOperations.length) throw new Error(`no target for ${[...unmapped, ...world.missingOperations].join(', ')}`);

	for (const [i, target] of world.apiTargets.entries()) {
		const stats = newStats();
		const t0 = performance.now();
		await fuzzProperty(stats, `${target.method} ${target.path}`, apiRequests(target, server.url), apiViolation, { baseUrl: server.url, seed: seed + i, runs: apiRuns });
		rows.push(`| ${target.method} ${target.path.replace(/[0-9a-f-]{36}/, '{id}')} | ${stats.sent} | ${statusText(stats)} | ${stats.failures.length} | ${Math.round(performance.now() - t0)} |`);
		failures.push(...stats.failures);
		total += stats.sent;
	}
	const pages = new Map<string, Record<string, string>>();
	for (const [i, target] of [...targets].sort((a, b) => formOrder(a.route) - formOrder(b.route)).entries()) {
		const cookie = target.route.startsWith('/staff/(app)') ? world.cookie : undefined;
		if (!pages.has(target.path)) pages.set(target.path, formFieldsOf(await (await fetch(`${server.url}${target.path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' })).text()));
		const stats = newStats();
		const t0 = performance.now();
		await fuzzProperty(stats, `${target.route} ${target.action}`, formRequests(target, pages.get(target.path)!, server.url, cookie), formViolation, {
			baseUrl: server.url,
			seed: seed + i,
			runs: formRuns
		});
		rows.push(`| form ${target.route} ?/${target.action} | ${stats.sent} | ${statusText(stats)} | ${stats.failures.length} | ${Math.round(performance.now() - t0)} |`);
		failures.push(...stats.failures);
		total += stats.sent;
	}
} finally {
	await server.stop();
	database.cleanup();
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(['| target | bodies | statuses | failures | ms |', '|---|---|---|---|---|', ...rows].join('\n'));
process.stdout.write(`\n\n${total} bodies in ${seconds.toFixed(1)} s, ${failures.length} failing properties; load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
for (const failure of failures) process.stdout.write(`FAIL ${failure}\n`);
process.exit(failures.length ? 1 : 0);
