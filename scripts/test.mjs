#!/usr/bin/env node
// `npm test`: the whole suite.
//   1. unit and database tests (vitest), once under each of TZ=UTC, America/New_York and
//      Asia/Kolkata, against SQLite and PostgreSQL (a throwaway server from
//      scripts/test-postgres.sh when TEST_DATABASE_URL is not set);
//   2. a production build, then end-to-end tests of it over HTTP and in Chromium.
// Without PostgreSQL or Chromium that part is skipped and announced; with NEEDLEPOINT_REQUIRE_ALL=1
// (as .ci/run sets) or CI=true, a missing part fails and any skipped test fails the run.
// Ends with the number of distinct tests and of runs, then the line "N passed, N failed" (runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { summarize } from './lib/test-summary.mjs';

const requireAll = process.env.NEEDLEPOINT_REQUIRE_ALL === '1' || process.env.CI === 'true';
const env = { ...process.env };
if (requireAll) {
	env.NEEDLEPOINT_REQUIRE_POSTGRES = '1';
	env.NEEDLEPOINT_REQUIRE_BROWSER = '1';
}
const warnings = [];

function run(command, args, extraEnv = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
	return result.status ?? 1;
}

function startPostgres() {
	if (env.TEST_DATABASE_URL) return;
	const result = spawnSync('bash', ['scripts/test-postgres.sh'], { encoding: 'utf8', env });
	const url = result.stdout.trim().split('\n').at(-1);
	if (result.status === 0 && url?.startsWith('postgres://')) {
		env.TEST_DATABASE_URL = url;
		return;
	}
	warnings.push(`PostgreSQL could not be started (${result.stderr.trim() || `exit ${result.status}`}): PostgreSQL tests skipped.`);
}

const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) warnings.push(`No Chromium at ${chromium}: browser tests skipped.`);
startPostgres();

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const runs = [];

function vitest(label, suite, file, args, extraEnv) {
	const code = run(
		process.execPath,
		['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
		extraEnv
	);
	runs.push({ label, suite, file, code });
}

for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
	process.stdout.write(`\n=== Unit and database tests, TZ=${tz} ===\n`);
	vitest(`unit+db TZ=${tz}`, 'unit+DB', `test-results/unit-${tz.replace('/', '-')}.json`, [], { TZ: tz });
}

process.stdout.write('\n=== Production build ===\n');
const buildCode = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
if (buildCode === 0) {
	process.stdout.write('\n=== End-to-end tests (built app, HTTP and Chromium) ===\n');
	vitest('e2e', 'e2e', 'test-results/e2e.json', ['--config', 'vitest.e2e.config.ts'], { TZ: 'UTC' });
} else {
	runs.push({ label: 'build', suite: 'build', file: undefined, code: buildCode });
}

process.stdout.write('\n=== Summary ===\n');
const summary = summarize(
	runs.map(({ label, suite, file, code }) => {
		let report;
		try {
			report = file ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
		} catch {
			report = undefined;
		}
		return { label, suite, code, report };
	}),
	{ requireAll, root: process.cwd() }
);
for (const warning of warnings) process.stdout.write(`\n*** WARNING: ${warning} ***\n`);
process.stdout.write(`${summary.lines.join('\n')}\n`);
process.exit(summary.failed > 0 || summary.broken ? 1 : 0);
