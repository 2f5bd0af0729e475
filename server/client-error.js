// Answers for requests Node's HTTP parser refuses before any app code runs (the 'clientError'
// event): headers over the size limit (431), malformed requests (400), requests too slow to
// arrive (408). Node would send a bare status line; on /api (and when the path is lost) we send
// problem details like every other API error, for pages a one-line text. The statuses are Node's.

const STATUS_FOR_CODE = {
	HPE_HEADER_OVERFLOW: 431,
	HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
	ERR_HTTP_REQUEST_TIMEOUT: 408
};

const TITLES = {
	400: 'Bad Request',
	408: 'Request Timeout',
	413: 'Content Too Large',
	431: 'Request Header Fields Too Large'
};

/** @param {number} status @param {number} maxHeaderSize */
function detailFor(status, maxHeaderSize) {
	switch (status) {
		case 431:
			return `The request headers are larger than ${Math.round(maxHeaderSize / 1024)} KB. Send fewer or shorter headers (and cookies).`;
		case 413:
			return 'The chunk extensions of the request body are too large.';
		case 408:
			return 'The request took too long to arrive. Please send it again.';
		default:
			return 'The request is not valid HTTP/1.1 and could not be read.';
	}
}

/**
 * The path the refused request was for, when the bytes Node kept show its request line. When the
 * headers arrived in several reads, Node keeps only the last one and the path is unknown (null).
 * @param {Buffer | undefined} rawPacket
 * @returns {string | null}
 */
export function requestPathOf(rawPacket) {
	if (!rawPacket) return null;
	const line = rawPacket.subarray(0, 2048).toString('latin1').split('\r\n', 1)[0] ?? '';
	const target = /^[A-Z]+ (\S+) HTTP\/\d/.exec(line)?.[1];
	if (!target) return null;
	if (target.startsWith('/')) return target.split('?', 1)[0] ?? null;
	try {
		return new URL(target).pathname;
	} catch {
		return null;
	}
}

/**
 * Problem details unless the request is known to be for a page: an API client must be able to
 * parse every answer, and a person whose browser sent 16 KB of headers can read a short JSON text.
 * @param {string | null} path
 */
export const wantsProblem = (path) => path === null || path === '/api' || path.startsWith('/api/');

/**
 * The raw HTTP response for a refused request. The connection is closed after it, as Node does.
 * @param {number} status
 * @param {string | null} path
 * @param {number} maxHeaderSize
 */
export function refusalFor(status, path, maxHeaderSize) {
	const title = TITLES[/** @type {keyof typeof TITLES} */ (status)] ?? 'Bad Request';
	const detail = detailFor(status, maxHeaderSize);
	const [type, body] = wantsProblem(path)
		? ['application/problem+json', JSON.stringify({ type: 'about:blank', title, status, detail })]
		: ['text/plain; charset=utf-8', `${title}: ${detail}\n`];
	return (
		`HTTP/1.1 ${status} ${title}\r\n` +
		`Content-Type: ${type}\r\n` +
		`Content-Length: ${Buffer.byteLength(body)}\r\n` +
		'Cache-Control: no-store\r\n' +
		'X-Content-Type-Options: nosniff\r\n' +
		'Connection: close\r\n\r\n' +
		body
	);
}

/**
 * The 'clientError' listener. Like Node's default, it replies only when nothing of a response has
 * been written on this connection yet, and then closes the connection.
 * @param {number} maxHeaderSize
 * @returns {(error: Error & { code?: string; rawPacket?: Buffer }, socket: import('node:stream').Duplex) => void}
 */
export function clientErrorListener(maxHeaderSize) {
	return (error, socket) => {
		const inFlight = /** @type {{ _httpMessage?: { headersSent?: boolean } }} */ (/** @type {unknown} */ (socket))._httpMessage;
		if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
			socket.destroy();
			return;
		}
		const status = STATUS_FOR_CODE[/** @type {keyof typeof STATUS_FOR_CODE} */ (error.code)] ?? 400;
		socket.end(refusalFor(status, requestPathOf(error.rawPacket), maxHeaderSize));
	};
}
