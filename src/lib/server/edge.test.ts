import { describe, expect, it } from 'vitest';
import { asApiProblem, checkFormPost, isCrossSiteFormPost, plainErrorPage, refuseAtEdge } from './edge';

const ORIGIN = 'http://clinic.test';

function post(path: string, body: BodyInit | null, headers: Record<string, string>): { request: Request; url: URL } {
	const url = new URL(path, ORIGIN);
	return { request: new Request(url, { method: 'POST', body, headers }), url };
}

describe('the origin check for form posts', () => {
	it('refuses form types from another or no origin, as SvelteKit does', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8', 'TEXT/PLAIN']) {
			const { request, url } = post('/contact', 'a=1', { 'content-type': type, origin: 'https://evil.example' });
			expect(isCrossSiteFormPost(request, url), type).toBe(true);
			expect(isCrossSiteFormPost(post('/contact', 'a=1', { 'content-type': type }).request, url), type).toBe(true);
			expect(isCrossSiteFormPost(post('/contact', 'a=1', { 'content-type': type, origin: ORIGIN }).request, url), type).toBe(false);
		}
		const json = post('/api/v1/screening', '{}', { 'content-type': 'application/json', origin: 'https://evil.example' });
		expect(isCrossSiteFormPost(json.request, json.url)).toBe(false);
	});

	it('answers the API in problem+json and pages with an HTML page', async () => {
		const api = post('/api/v1/screening', 'a=1', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
		const apiAnswer = (await refuseAtEdge(api.request, api.url, 'req-1'))!;
		expect(apiAnswer.status).toBe(403);
		expect(apiAnswer.headers.get('content-type')).toBe('application/problem+json');
		const page = post('/contact', 'a=1', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
		const pageAnswer = (await refuseAtEdge(page.request, page.url, 'req-1'))!;
		expect(pageAnswer.status).toBe(403);
		expect(pageAnswer.headers.get('content-type')).toContain('text/html');
	});
});

describe('checkFormPost', () => {
	it.each([
		['text/plain', 'a=1', 415],
		['multipart/form-data; boundary=x', '--x\r\nbroken', 400],
		['multipart/form-data', 'a=1', 400],
		['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--', 400]
	])('refuses %s %j with %i', async (type, body, status) => {
		const { request, url } = post('/contact', body, { 'content-type': type, origin: ORIGIN });
		expect((await checkFormPost(request, url))?.status).toBe(status);
	});

	it('lets readable forms through, and the action can still read the body', async () => {
		const form = new FormData();
		form.append('name', 'Ana');
		form.append('name', 'Bo');
		const multipart = new Request(`${ORIGIN}/contact`, { method: 'POST', body: form, headers: { origin: ORIGIN } });
		expect(await checkFormPost(multipart, new URL(multipart.url))).toBeNull();
		expect((await multipart.formData()).getAll('name')).toEqual(['Ana', 'Bo']);
		const encoded = post('/contact', 'message=%FF%FE&x', { 'content-type': 'application/x-www-form-urlencoded' });
		expect(await checkFormPost(encoded.request, encoded.url)).toBeNull();
		expect((await encoded.request.formData()).has('message')).toBe(true);
	});

	it('leaves other content types and methods to SvelteKit and the endpoints', async () => {
		const json = post('/staff/articles/preview', '{"markdown":"x"}', { 'content-type': 'application/json' });
		expect(await checkFormPost(json.request, json.url)).toBeNull();
		expect(await checkFormPost(new Request(`${ORIGIN}/contact`), new URL(`${ORIGIN}/contact`))).toBeNull();
	});

	it('refuses the reserved action name that SvelteKit would answer with a 500', async () => {
		const { request, url } = post('/contact?/default', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
		expect((await checkFormPost(request, url))?.status).toBe(404);
		const named = post('/staff/comments?/approve', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
		expect(await checkFormPost(named.request, named.url)).toBeNull();
	});
});

describe('plainErrorPage', () => {
	it('escapes what it shows', async () => {
		const page = plainErrorPage({ status: 400, title: 'Bad <Request>', detail: '"x" & y' }, '<id>');
		const html = await page.text();
		expect(html).toContain('Bad &lt;Request&gt;');
		expect(html).toContain('&quot;x&quot; &amp; y');
		expect(html).not.toContain('<id>');
	});
});

describe('asApiProblem', () => {
	it('rewrites SvelteKit’s own error answers as problem details, keeping other headers', async () => {
		const page = new Response('<!doctype html><h1>Bad</h1>', { status: 400, headers: { 'content-type': 'text/html', allow: 'GET' } });
		const rewritten = await asApiProblem(page, 'req-2');
		expect(rewritten.status).toBe(400);
		expect(rewritten.headers.get('content-type')).toBe('application/problem+json');
		expect(rewritten.headers.get('allow')).toBe('GET');
		expect(await rewritten.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
		const crash = await asApiProblem(new Response('oops', { status: 500 }), 'req-3');
		expect(await crash.json()).toMatchObject({ status: 500, requestId: 'req-3' });
	});

	it('passes successes and problems the API wrote itself through untouched', async () => {
		const ok = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
		expect(await asApiProblem(ok, 'r')).toBe(ok);
		const own = new Response('{"title":"x"}', { status: 422, headers: { 'content-type': 'application/problem+json' } });
		expect(await asApiProblem(own, 'r')).toBe(own);
	});
});
