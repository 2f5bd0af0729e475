#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// Serving goes through server/index.js (adapter-node's handler in our own HTTP server), which
// honours PORT, HOST and ORIGIN like adapter-node and shuts down gracefully on SIGTERM/SIGINT.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
const BUILD_MARKER = 'build/handler.js';

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

const builtAt = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
	process.stdout.write('Building Needlepoint (first start or changed sources)…\n');
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

// adapter-node assumes https when ORIGIN is unset, which breaks form posts on a plain local
// install; default to the URL the banner prints. Production is keyed on NODE_ENV alone, so this
// http default does not relax it: the server warns at start that it is serving over plain http.
const env = { ...process.env };
env.ORIGIN ||= `http://localhost:${env.PORT || 3000}`;
const server = spawn(process.execPath, ['server/index.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
