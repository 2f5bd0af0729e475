import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export type RunningServer = {
	url: string;
	port: number;
	output: () => string;
	/** Graceful stop (SIGTERM) and wait for exit. */
	stop: () => Promise<number | null>;
	/** kill -9 and wait for exit. */
	kill: () => Promise<void>;
	process: ChildProcess;
};

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export function tempDatabaseFile(): { file: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'needlepoint-e2e-'));
	return { file: join(dir, 'needlepoint.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The production entry point, as `npm start` runs it: adapter-node's handler in server/index.js. */
export const SERVER_ENTRY = 'server/index.js';

/** Runs the production server and waits until /healthz answers. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	if (!existsSync(join(ROOT, 'build/handler.js'))) throw new Error('No build: run `npx vite build` (npm test does it).');
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, [SERVER_ENTRY], {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (chunk) => (output += String(chunk)));
	child.stderr.on('data', (chunk) => (output += String(chunk)));
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		port,
		output: () => output,
		process: child,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			return exited;
		},
		kill: async () => {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}

/** Runs the server expecting it to exit on its own (bad config); returns exit code and output. */
export async function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const port = await freePort();
	const child = spawn(process.execPath, [SERVER_ENTRY], {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += String(chunk)));
	child.stderr.on('data', (chunk) => (stderr += String(chunk)));
	const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
	clearTimeout(timer);
	return { code, stdout, stderr };
}
