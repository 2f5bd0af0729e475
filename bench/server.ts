/** Starts the production server (server/index.js, as `npm start` runs it) on a free loopback port for a benchmark and waits for /healthz. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
	return new Promise((done, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export async function startBuiltServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
	if (!existsSync(join(ROOT, 'build/handler.js'))) throw new Error('No build: run `npx vite build` first.');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['server/index.js'], {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) throw new Error('server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		child,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}
