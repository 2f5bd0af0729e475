import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_FIELDS } from '../../src/lib/shared/screening/input.schema';
import { REGIONS } from '../../src/lib/shared/screening/regions';
import { screeningResultSchema } from '../../src/lib/shared/screening/result.schema';
import { get, postForm } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const MB = 1024 * 1024;

describe('the screening API (and the assessment form posts) of the built server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let api: string;
	beforeAll(async () => {
		// Request logging on, to check that answers never reach the log.
		server = await startServer({ DATABASE_FILE: database.file, LOG_LEVEL: 'info' });
		api = `${server.url}/api/v1`;
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	function post(body: BodyInit | null, contentType: string | null = 'application/json', init: RequestInit = {}): Promise<Response> {
		return fetch(`${api}/screening`, {
			method: 'POST',
			body,
			headers: contentType ? { 'content-type': contentType } : {},
			...init
		});
	}

	/** A problem+json response with the status, naming the fields given (for 422). */
	async function expectProblem(response: Response, status: number, fields?: string[]): Promise<Record<string, unknown>> {
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
		if (fields) {
			const errors = body.errors as { field: string; message: string }[];
			expect(errors.map((e) => e.field).sort()).toEqual([...fields].sort());
			for (const error of errors) expect(error.message.length).toBeGreaterThan(10);
		} else {
			expect(body.detail).toEqual(expect.any(String));
		}
		return body;
	}

	it('serves the questionnaire as a FHIR R4 Questionnaire with the body-map codes', async () => {
		const response = await fetch(`${api}/screening/questionnaire`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		const questionnaire = (await response.json()) as {
			resourceType: string;
			url: string;
			item: { linkId: string; answerOption: { valueCoding: { code: string; display: string } }[] }[];
		};
		expect(questionnaire.resourceType).toBe('Questionnaire');
		expect(questionnaire.url).toBe(`${api}/screening/questionnaire`);
		expect(questionnaire.item.map((i) => i.linkId)).toEqual(SCREENING_FIELDS);
		const regions = questionnaire.item.find((i) => i.linkId === 'regions')!;
		expect(regions.answerOption.map((o) => o.valueCoding.code)).toEqual([...REGIONS]);
		expect(regions.answerOption.find((o) => o.valueCoding.code === 'low_back')?.valueCoding.display).toBe('Lower back');

		const fhir = await fetch(`${api}/screening/questionnaire`, { headers: { accept: 'application/fhir+json' } });
		expect(fhir.headers.get('content-type')).toBe('application/fhir+json');
	});

	it('serves an OpenAPI 3.1 document naming this server', async () => {
		const response = await fetch(`${api}/openapi.json`);
		expect(response.status).toBe(200);
		const document = (await response.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, object> };
		expect(document.openapi).toBe('3.1.0');
		expect(document.servers[0]?.url).toBe(api);
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/screening', '/screening/questionnaire']));
	});

	it('answers valid answers with the documented result, uncached', async () => {
		const response = await post(
			JSON.stringify({
				regions: ['low_back'],
				concerns: ['sciatica'],
				duration: 'chronic',
				redFlags: [],
				precautions: ['anticoagulants'],
				preference: ''
			})
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const result = screeningResultSchema.parse(await response.json());
		expect(result).toMatchObject({
			recommendation: 'dry_needling',
			clinicianReview: true,
			suggestedServices: ['initial-consultation', 'dry-needling'],
			rulesetVersion: '1.0.0'
		});
		expect(result.reasons.map((r) => ({ code: r.code, text: expect.any(String) }))).toEqual([
			{ code: 'musculoskeletal_concerns', text: expect.any(String) }
		]);
		expect(result.precautions.map((p) => p.code)).toEqual(['anticoagulants']);
	});

	it('sends a red flag to a physician first, with no services', async () => {
		const response = await post(JSON.stringify({ redFlags: ['saddle_numbness'], concerns: ['sciatica'] }), 'application/json; charset=utf-8');
		const result = screeningResultSchema.parse(await response.json());
		expect(result).toMatchObject({ recommendation: 'physician_first', urgent: true, suggestedServices: [] });
	});

	it.each([
		['an unknown code', { concerns: ['hiccups'] }, ['concerns']],
		['strings where lists belong', { regions: 'low_back', redFlags: 'none' }, ['regions', 'redFlags']],
		['duplicate codes', { redFlags: ['major_trauma', 'major_trauma'] }, ['redFlags']],
		['a misspelt field', { redflags: ['fever_or_unwell'] }, ['redflags']],
		['null', { concerns: null, preference: null }, ['concerns', 'preference']],
		['numbers', { duration: 12, precautions: [1] }, ['duration', 'precautions']],
		['a list instead of an object', [], ['form']],
		['a number instead of an object', 42, ['form']]
	])('refuses %s with 422 naming each bad field', async (_name, body, fields) => {
		await expectProblem(await post(JSON.stringify(body)), 422, fields);
	});

	it('refuses deeply nested lists with 422, not a crash', async () => {
		const depth = 7_000;
		const body = `{"regions":${'['.repeat(depth)}${']'.repeat(depth)}}`;
		expect(body.length).toBeLessThan(16 * 1024);
		await expectProblem(await post(body), 422, ['regions']);
	});

	it.each([
		['invalid JSON', '{"concerns": ["sleep"'],
		['single quotes', "{'concerns': []}"],
		['an empty body', ''],
		['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])]
	])('refuses %s with 400', async (_name, body) => {
		await expectProblem(await post(body), 400);
	});

	it.each([
		['XML', 'application/xml'],
		['CSV', 'text/csv'],
		['JSON in Latin-1', 'application/json; charset=iso-8859-1']
	])('refuses %s with 415', async (_name, type) => {
		await expectProblem(await post('{}', type), 415);
	});

	it('refuses a body sent with no content type with 415', async () => {
		await expectProblem(await post(new Blob(['{"concerns":[]}']), null), 415);
	});

	it('refuses form and plain-text posts from other software with a 4xx, never a 500', async () => {
		// The origin check (SvelteKit's rule, applied in the handle hook) refuses these with 403 in
		// problem+json when no matching Origin is sent; with one, they reach the API and get a 415.
		for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
			await expectProblem(await post('{}', type), 403);
			await expectProblem(await post('{}', type, { headers: { 'content-type': type, origin: server.url } }), 415);
		}
	});

	it('refuses a 1 MB body with 413, whether its length is declared or streamed', async () => {
		const big = JSON.stringify({ concerns: ['x'.repeat(MB)] });
		const declared = await expectProblem(await post(big), 413);
		expect(declared.detail).toBe('The request body is larger than 16 KB. Send only the answers.');

		const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= MB) controller.close();
				else {
					controller.enqueue(chunk);
					sent += chunk.byteLength;
				}
			}
		});
		await expectProblem(await post(stream, 'application/json', { duplex: 'half' } as RequestInit), 413);

		// Between the API's limit and the server's own (512 KB): still the API's clear answer.
		await expectProblem(await post(JSON.stringify({ concerns: ['y'.repeat(100 * 1024)] })), 413);
		// And the server is still fine afterwards.
		expect((await post('{}')).status).toBe(200);
	});

	it('answers wrong methods and unknown endpoints in problem+json', async () => {
		const get = await fetch(`${api}/screening`);
		await expectProblem(get, 405);
		expect(get.headers.get('allow')).toBe('POST');
		await expectProblem(await fetch(`${api}/screening/questionnaire`, { method: 'DELETE' }), 405);
		await expectProblem(await fetch(`${api}/no-such-thing`), 404);
		await expectProblem(await fetch(`${api}/screening/questionnaire/extra`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }), 404);
	});

	it('answers junk posted to the self-assessment pages with the question and an error, never a 500', async () => {
		const origin = { origin: server.url };
		const tooMany = await postForm(`${server.url}/assessment/questions`, { regions: Array(3000).fill('head'), at: 'regions' }, origin);
		expect(tooMany.status).toBe(400);
		expect(await tooMany.text()).toContain('Regions has too many answers.');
		const unknown = await postForm(
			`${server.url}/assessment/result`,
			{ at: 'preference', redFlagsNone: 'yes', precautionsNone: 'yes', preference: 'ayurveda' },
			origin
		);
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('<title>Error: Question 6 of 6');
		// Straight to the result without the safety questions: sent back to them.
		const skipped = await postForm(`${server.url}/assessment/result`, { at: 'preference', concerns: 'sleep' }, origin);
		expect(skipped.status).toBe(400);
		expect(await skipped.text()).toContain('<title>Error: Question 4 of 6');
		const huge = await postForm(`${server.url}/assessment/result`, { regions: 'a'.repeat(MB) }, origin);
		expect(huge.status).toBe(413);
		const direct = await get(`${server.url}/assessment/result`);
		expect([direct.status, direct.headers.get('location')]).toEqual([303, '/assessment']);
	});

	it('stores and counts nothing, and keeps answers out of the log', async () => {
		await post(JSON.stringify({ concerns: ['digestive'], redFlags: ['unexplained_weight_loss'] }));
		const file = new SqliteDatabase(database.file, { readonly: true });
		const { n } = file.prepare('select count(*) as n from screening_tally').get() as { n: number };
		file.close();
		expect(n).toBe(0);
		expect(server.output()).toContain('"route":"/api/v1/screening"');
		for (const code of ['digestive', 'unexplained_weight_loss', 'saddle_numbness', 'anticoagulants']) {
			expect(server.output()).not.toContain(code);
		}
	});
});
