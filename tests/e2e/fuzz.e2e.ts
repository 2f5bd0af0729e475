import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequests, apiViolation, formFieldsOf, formRequests, formTargets, formViolation, fuzzProperty, newStats, type FormTarget } from './support/fuzz';
import { formOrder, prepareFuzzWorld, type FuzzWorld } from './support/fuzz-setup';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/**
 * Property-based fuzzing of every JSON endpoint (from the OpenAPI document) and every HTML form
 * action (from src/routes), at a size CI can afford. The full run is bench/fuzz.bench.ts.
 * FUZZ_SEED replays a run; the seed is printed either way.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const FORM_RUNS = 4;
const API_RUNS = 16;

describe('fuzzed bodies against one built server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let world: FuzzWorld;

	beforeAll(async () => {
		process.stdout.write(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})\n`);
		server = await startServer({ DATABASE_FILE: database.file });
		world = await prepareFuzzWorld(server.url, database.file);
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	it('covers every form action in src/routes and every operation in the OpenAPI document', () => {
		const { targets, unmapped } = formTargets(world.formPaths);
		expect(unmapped).toEqual([]);
		expect(world.missingOperations).toEqual([]);
		expect(targets.length).toBeGreaterThan(50);
		expect(world.apiTargets.length).toBeGreaterThanOrEqual(10);
	});

	it('answers every JSON endpoint with JSON or problem+json naming the failing fields, never a 5xx', async () => {
		const stats = newStats();
		for (const [i, target] of world.apiTargets.entries()) {
			await fuzzProperty(stats, `${target.method} ${target.path}`, apiRequests(target, server.url), apiViolation, { baseUrl: server.url, seed: SEED + i, runs: API_RUNS });
		}
		process.stdout.write(`API fuzz: ${stats.sent} requests, statuses ${JSON.stringify(Object.fromEntries(stats.statuses))}\n`);
		expect(stats.failures).toEqual([]);
		expect(stats.sent).toBe(world.apiTargets.length * API_RUNS);
	}, 300_000);

	it('answers every HTML form with HTML or a redirect, nothing sent rendered as markup, never a 5xx', async () => {
		const stats = newStats();
		const { targets } = formTargets(world.formPaths);
		const ordered = [...targets].sort((a, b) => formOrder(a.route) - formOrder(b.route));
		const pages = new Map<string, Record<string, string>>();
		const fieldsOf = async (target: FormTarget, cookie: string | undefined) => {
			if (!pages.has(target.path)) {
				const page = await fetch(`${server.url}${target.path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
				pages.set(target.path, formFieldsOf(await page.text()));
			}
			return pages.get(target.path)!;
		};
		for (const [i, target] of ordered.entries()) {
			const cookie = target.route.startsWith('/staff/(app)') ? world.cookie : undefined;
			const base = await fieldsOf(target, cookie);
			await fuzzProperty(stats, `${target.route} ${target.action}`, formRequests(target, base, server.url, cookie), formViolation, {
				baseUrl: server.url,
				seed: SEED + i,
				runs: FORM_RUNS
			});
		}
		process.stdout.write(`form fuzz: ${stats.sent} posts to ${ordered.length} actions, statuses ${JSON.stringify(Object.fromEntries(stats.statuses))}\n`);
		expect(stats.failures).toEqual([]);
		expect(stats.sent).toBe(ordered.length * FORM_RUNS);
	}, 300_000);
});
