#!/usr/bin/env node
// The production server: adapter-node's request handler (build/handler.js) in our own Node HTTP
// server, so that requests Node refuses before the app (oversized headers, malformed requests)
// get the same problem+json answer on /api as every other API error.
//
// It keeps what adapter-node's build/index.js does: PORT, HOST or SOCKET_PATH, systemd socket
// activation (LISTEN_PID/LISTEN_FDS) with IDLE_TIMEOUT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, and a
// graceful stop on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT seconds that then emits
// 'sveltekit:shutdown' (src/hooks.server.ts stops the job worker and closes the database on it).
// ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH, PROTOCOL_HEADER, HOST_HEADER and PORT_HEADER
// are read by the handler itself; importing it runs the app's init hook (config, migrations, seed).
import http from 'node:http';
import { rmSync, statSync } from 'node:fs';
import process from 'node:process';
import { clientErrorListener } from './client-error.js';

const { handler } = await import('../build/handler.js');

const SD_LISTEN_FDS_START = 3;

/** @param {string} name @param {number} fallback */
function seconds(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw new Error(`Invalid value for environment variable ${name}: ${JSON.stringify(raw)} (should be a non-negative integer)`);
	return Number(raw);
}

const socketPath = process.env.SOCKET_PATH || undefined;
const host = process.env.HOST || '0.0.0.0';
const port = socketPath ? undefined : Number(process.env.PORT || 3000);
const shutdownTimeout = seconds('SHUTDOWN_TIMEOUT', 30);
const idleTimeout = seconds('IDLE_TIMEOUT', 0);
const listenPid = seconds('LISTEN_PID', 0);
const listenFds = seconds('LISTEN_FDS', 0);
if (listenPid !== 0 && listenPid !== process.pid) throw new Error(`received LISTEN_PID ${listenPid} but current process id is ${process.pid}`);
if (listenFds > 1) throw new Error(`only one socket is allowed for socket activation, but LISTEN_FDS was set to ${listenFds}`);
const socketActivation = listenPid === process.pid && listenFds === 1;

const server = http.createServer((req, res) => {
	void handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
if (process.env.KEEP_ALIVE_TIMEOUT) server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT', 5) * 1000;
if (process.env.HEADERS_TIMEOUT) server.headersTimeout = seconds('HEADERS_TIMEOUT', 60) * 1000;
server.on('clientError', clientErrorListener(server.maxHeaderSize ?? http.maxHeaderSize));

let inFlight = 0;
/** @type {NodeJS.Timeout | undefined} */
let shutdownTimer;
/** @type {NodeJS.Timeout | undefined} */
let idleTimer;

server.on('request', (req) => {
	inFlight++;
	if (idleTimer) idleTimer = void clearTimeout(idleTimer);
	req.on('close', () => {
		inFlight--;
		// While stopping, close each connection as soon as its last request is done.
		if (shutdownTimer) server.closeIdleConnections();
		if (inFlight === 0 && socketActivation && idleTimeout) idleTimer = setTimeout(() => stop('IDLE'), idleTimeout * 1000);
	});
});

/** @param {'SIGINT' | 'SIGTERM' | 'IDLE'} reason */
function stop(reason) {
	if (shutdownTimer) return;
	// Keep-alive connections would hold close() open until they time out.
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(shutdownTimer);
		clearTimeout(idleTimer);
		// A custom event (adapter-node emits the same one): hooks.server.ts stops the worker and closes the database on it.
		process.emit('sveltekit:shutdown', reason);
	});
	shutdownTimer = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

if (socketActivation) {
	server.listen({ fd: SD_LISTEN_FDS_START }, () => console.log(`Listening on file descriptor ${SD_LISTEN_FDS_START}`));
} else {
	if (socketPath) {
		try {
			if (statSync(socketPath).size === 0) rmSync(socketPath);
		} catch {
			// no stale socket file
		}
	}
	server.listen(socketPath ? { path: socketPath } : { host, port }, () => {
		const address = server.address();
		console.log(`Listening on ${typeof address === 'string' ? address : `http://${host}:${address?.port ?? port}`}`);
	});
}
