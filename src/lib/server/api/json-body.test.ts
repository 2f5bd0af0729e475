import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT, readJsonBody } from './json-body';

function request(body: BodyInit | null, contentType: string | null = 'application/json', extra: Record<string, string> = {}): Request {
	const headers = new Headers(extra);
	if (contentType !== null) headers.set('content-type', contentType);
	return new Request('http://clinic.test/api/v1/screening', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

function streamOf(chunks: Uint8Array[], error?: unknown): ReadableStream<Uint8Array> {
	return new ReadableStream({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			if (error) controller.error(error);
			else controller.close();
		}
	});
}

describe('readJsonBody', () => {
	it('parses a JSON object, with or without charset and BOM', async () => {
		expect(await readJsonBody(request('{"concerns":["sleep"]}'))).toEqual({ ok: true, value: { concerns: ['sleep'] } });
		expect(await readJsonBody(request('\uFEFF{"a":1}', 'application/json; charset=UTF-8'))).toEqual({ ok: true, value: { a: 1 } });
		expect(await readJsonBody(request('[1]', 'application/fhir+json'))).toEqual({ ok: true, value: [1] });
	});

	it.each([
		[null, 'missing'],
		['text/plain', 'plain text'],
		['application/x-www-form-urlencoded', 'a form'],
		['application/jsonp', 'a look-alike'],
		['nonsense', 'garbage']
	])('answers 415 for content type %s (%s)', async (type, _what) => {
		const result = await readJsonBody(request('{}', type));
		expect(result).toEqual({ ok: false, problem: expect.objectContaining({ status: 415 }) });
	});

	it('answers 415 for a charset other than UTF-8', async () => {
		const result = await readJsonBody(request('{}', 'application/json; charset=latin1'));
		expect(result).toMatchObject({ ok: false, problem: { status: 415, detail: expect.stringContaining('UTF-8') } });
	});

	it('answers 413 from the declared length without reading the body', async () => {
		const big = request(streamOf([new Uint8Array(8)]), 'application/json', { 'content-length': String(JSON_BODY_LIMIT + 1) });
		const result = await readJsonBody(big);
		expect(result).toEqual({
			ok: false,
			problem: { status: 413, title: 'Content Too Large', detail: 'The request body is larger than 16 KB. Send only the answers.' }
		});
		expect(big.bodyUsed).toBe(false);
	});

	it('answers 413 for a streamed body that grows past the limit', async () => {
		const chunk = new Uint8Array(10 * 1024).fill(0x20);
		const result = await readJsonBody(request(streamOf([chunk, chunk])));
		expect(result).toMatchObject({ ok: false, problem: { status: 413 } });
	});

	it('answers 413 when the server’s own body limit stops the stream', async () => {
		const result = await readJsonBody(request(streamOf([new Uint8Array([0x7b])], Object.assign(new Error('too big'), { status: 413 }))));
		expect(result).toMatchObject({ ok: false, problem: { status: 413 } });
	});

	it('answers 400 for a body that breaks off', async () => {
		const result = await readJsonBody(request(streamOf([new Uint8Array([0x7b])], new Error('socket hang up'))));
		expect(result).toMatchObject({ ok: false, problem: { status: 400, detail: 'The request body could not be read. Please send it again.' } });
	});

	it.each([
		['', 'empty'],
		['   \n', 'blank'],
		['{"concerns": [sleep]}', 'unquoted code'],
		["{'concerns': []}", 'single quotes'],
		['{"a":1}{"b":2}', 'two objects']
	])('answers 400 for %j (%s) without quoting it back', async (body) => {
		const result = await readJsonBody(request(body));
		expect(result).toMatchObject({ ok: false, problem: { status: 400, title: 'Bad Request' } });
		if (!result.ok && body.trim()) expect(result.problem.detail).not.toContain('sleep');
	});

	it('answers 400 for bytes that are not UTF-8', async () => {
		const result = await readJsonBody(request(new Uint8Array([0x7b, 0xff, 0x7d])));
		expect(result).toMatchObject({ ok: false, problem: { status: 400, detail: 'The request body is not valid UTF-8 text.' } });
	});

	it('reads a body exactly at the limit', async () => {
		const body = `{"a":"${'x'.repeat(JSON_BODY_LIMIT - 8)}"}`;
		expect(body.length).toBe(JSON_BODY_LIMIT);
		expect((await readJsonBody(request(body))).ok).toBe(true);
	});
});
