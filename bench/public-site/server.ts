/**
 * Starts the built app (`node build`, as in production) on a fresh SQLite database with the demo
 * clinic, for the public-site benchmarks. Logs go to /dev/null at the default level (info), so the
 * per-request JSON log line is part of what is measured, but nothing reads it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export type BenchServer = { url: string; stop: () => Promise<void> };

export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
	if (!existsSync(join(ROOT, 'build/handler.js'))) throw new Error('No build: run `npx vite build` first.');
	const dir = mkdtempSync(join(tmpdir(), 'needlepoint-bench-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const devNull = openSync('/dev/null', 'w');
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: ROOT,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			DATABASE_FILE: join(dir, 'needlepoint.db'),
			OUTBOX_DIR: join(dir, 'outbox'),
			LOG_LEVEL: 'info',
			...env
		},
		stdio: ['ignore', devNull, 'inherit']
	});
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
		if (Date.now() > deadline) throw new Error('server did not become healthy');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The public pages every budget is checked on. */
export const PUBLIC_PAGES = [
	'/',
	'/services',
	'/services/dry-needling',
	'/articles',
	'/articles?tag=safety',
	'/articles/first-dry-needling-session',
	'/articles/first-dry-needling-session/comment',
	'/contact',
	'/contact/sent'
];
