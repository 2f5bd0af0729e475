import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, PASSWORD } from './support/demo';
import { freeSlots, patient, postJson } from './support/booking';
import { signIn } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/**
 * What the server answers at its edges: the appointment behind a 201's Location, API errors that
 * SvelteKit or Node would answer themselves, and form posts with a body that cannot be read.
 */

async function expectProblem(response: Response, status: number): Promise<{ title: string; detail?: string; errors?: { field: string; message: string }[] }> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toContain('application/problem+json');
	const body = await response.json();
	expect(body).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
	return body;
}

/**
 * Writes one raw HTTP/1.1 request and returns the raw answer (for what fetch would refuse to send).
 * Several parts are written 100 ms apart, so the server reads them separately.
 */
function rawRequest(port: number, ...parts: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
		socket.on('end', () => resolve(answer));
		socket.on('close', () => resolve(answer));
		socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
		parts.forEach((part, i) => setTimeout(() => socket.writable && socket.write(part), i * 100));
		setTimeout(() => socket.end(), 3000).unref();
	});
}

function parseRaw(answer: string): { status: number; headers: Record<string, string>; body: string } {
	const [head = '', body = ''] = answer.split('\r\n\r\n', 2);
	const [statusLine = '', ...lines] = head.split('\r\n');
	const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
	return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('the HTTP edge', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	it('serves the appointment behind the 201 Location header to the holder of its manage token, 404 to anyone else', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 3, 9);
		const created = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: patient('location') });
		expect(created.status).toBe(201);
		const booked = await created.json();
		const location = created.headers.get('location')!;
		const token = booked.manageUrl.split('/').at(-1);

		const read = await fetch(new URL(location, server.url), { headers: { authorization: `Bearer ${token}` } });
		expect(read.status).toBe(200);
		expect(read.headers.get('cache-control')).toBe('no-store');
		const body = await read.json();
		expect(body).toEqual({ id: booked.id, service: 'initial-consultation', providerId: booked.providerId, locationId: booked.locationId, start: booked.start, end: booked.end, status: 'booked' });

		const other = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: (await freeSlots(server.url, 'initial-consultation', slot!.providerId, 3, 9))[0]!.start, patient: patient('other') });
		const otherId = (await other.json()).id;
		const wrongToken = await expectProblem(await fetch(new URL(location, server.url), { headers: { authorization: `Bearer ${'A'.repeat(43)}` } }), 404);
		const wrongId = await expectProblem(await fetch(`${server.url}/api/v1/appointments/${otherId}`, { headers: { authorization: `Bearer ${token}` } }), 404);
		const none = await expectProblem(await fetch(new URL(location, server.url)), 404);
		expect(wrongId).toEqual(wrongToken);
		expect(none).toEqual(wrongToken);
		await expectProblem(await fetch(new URL(location, server.url), { method: 'DELETE' }), 405);
	});

	it('names missing query parameters in plain words', async () => {
		const body = await expectProblem(await fetch(`${server.url}/api/v1/availability?service=follow-up`), 422);
		expect(body.errors).toEqual([
			{ field: 'from', message: 'from is required (YYYY-MM-DD).' },
			{ field: 'to', message: 'to is required (YYYY-MM-DD).' }
		]);
	});

	it('answers API errors that SvelteKit would answer itself in problem+json', async () => {
		await expectProblem(await fetch(`${server.url}/api/v1/appointments/%E0%A4%A/cancel`, { method: 'POST' }), 400);
		await expectProblem(await fetch(`${server.url}/api/v2/anything`), 404);
		// A cross-site form post is still refused (403), in the API's format.
		const crossSite = await fetch(`${server.url}/api/v1/screening`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
		await expectProblem(crossSite, 403);
		// Pages keep refusing cross-site form posts too.
		const page = await fetch(`${server.url}/contact`, { method: 'POST', body: 'a=1', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
		expect(page.status).toBe(403);
		// Over the server's body limit (BODY_SIZE_LIMIT, 512 KB) by the declared length.
		const big = await rawRequest(server.port, `POST /api/v1/screening HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${2 * 1024 * 1024}\r\nConnection: close\r\n\r\n{}`);
		expect(parseRaw(big).status).toBe(413);
		expect(parseRaw(big).headers['content-type']).toContain('application/problem+json');
	});

	it('answers what Node refuses before the app (headers too large, unparseable requests) in problem+json on /api', async () => {
		const huge = await fetch(`${server.url}/api/v1/services`, { headers: { 'x-filler': 'x'.repeat(40 * 1024) } });
		const body = await expectProblem(huge, 431);
		expect(body.detail).toContain('16 KB');
		const raw = parseRaw(await rawRequest(server.port, `GET /api/v1/services HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'y'.repeat(20 * 1024)}\r\n\r\n`));
		expect(raw.status).toBe(431);
		expect(raw.headers['content-type']).toBe('application/problem+json');
		expect(JSON.parse(raw.body)).toMatchObject({ status: 431 });
		const broken = parseRaw(await rawRequest(server.port, 'GET /api/v1/services HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n'));
		expect(broken.status).toBe(400);
		expect(JSON.parse(broken.body)).toMatchObject({ status: 400 });
		// Headers that arrive in several reads: Node no longer has the request line, so the answer
		// is problem details (an API client can always parse it).
		const split = parseRaw(await rawRequest(server.port, `GET /api/v1/services HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ${'a'.repeat(8 * 1024)}`, `\r\nX-B: ${'b'.repeat(12 * 1024)}\r\n\r\n`));
		expect(split.status).toBe(431);
		expect(split.headers['content-type']).toBe('application/problem+json');
		// Pages get a one-line text answer, and the server carries on.
		const page = parseRaw(await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'z'.repeat(20 * 1024)}\r\n\r\n`));
		expect(page.status).toBe(431);
		expect(page.headers['content-type']).not.toContain('json');
		expect((await fetch(`${server.url}/api/v1/services`)).status).toBe(200);
	});

	it('answers form posts with a body that cannot be read with 400 or 415 and an HTML page, never a 500', async () => {
		const origin = server.url;
		const cases: { path: string; init: RequestInit; status: number }[] = [
			{ path: '/contact', init: { body: 'name=A&message=hello', headers: { 'content-type': 'text/plain', origin } }, status: 415 },
			{ path: '/contact', init: { body: '--x\r\nbroken', headers: { 'content-type': 'multipart/form-data; boundary=x', origin } }, status: 400 },
			{ path: '/contact', init: { body: 'a=1', headers: { 'content-type': 'multipart/form-data', origin } }, status: 400 },
			{ path: '/book', init: { body: '--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x', origin } }, status: 400 },
			{ path: '/assessment/questions', init: { body: 'at=regions', headers: { 'content-type': 'text/plain;charset=UTF-8', origin } }, status: 415 },
			{ path: '/contact?/default', init: { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin } }, status: 404 }
		];
		for (const c of cases) {
			const response = await fetch(`${server.url}${c.path}`, { method: 'POST', redirect: 'manual', ...c.init });
			expect(response.status, `${c.path} ${JSON.stringify(c.init.headers)}`).toBe(c.status);
			expect(response.headers.get('content-type')).toContain('text/html');
			expect(response.headers.get('content-security-policy') ?? response.headers.get('x-content-type-options')).toBeTruthy();
			expect(await response.text()).toContain('<html');
		}
		const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
		const staff = await fetch(`${server.url}/staff/patients`, {
			method: 'POST',
			redirect: 'manual',
			body: '--b\r\nbroken',
			headers: { 'content-type': 'multipart/form-data; boundary=b', origin, cookie }
		});
		expect(staff.status).toBe(400);
		expect(staff.headers.get('content-type')).toContain('text/html');
	});
});
