import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

describe('the atlas API of the built server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let api: string;
	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
		api = `${server.url}/api/v1/atlas`;
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	it('serves the 361 acupoints and filters them, each row with its sources', async () => {
		const all = await fetch(`${api}/acupoints`);
		expect(all.status).toBe(200);
		expect(all.headers.get('cache-control')).toBe('public, max-age=3600');
		const points = (await all.json()) as { code: string; source: { id: string }[] }[];
		expect(points).toHaveLength(361);
		expect(points.every((p) => p.source.length > 0)).toBe(true);
		const li = (await (await fetch(`${api}/acupoints?meridian=li&q=hegu`)).json()) as { code: string; pregnancy?: { source: { id: string } } }[];
		expect(li.map((p) => p.code)).toEqual(['LI4']);
		expect(li[0]!.pregnancy?.source.id).toBe('aacp-2012');
	});

	it('ranks muscles for a place of pain', async () => {
		const response = await fetch(`${api}/muscles?refers=head_temporal,jaw_angle`);
		expect(response.status).toBe(200);
		const muscles = (await response.json()) as { code: string; score: number }[];
		expect(muscles[0]).toMatchObject({ code: 'upper_trapezius', score: 6 });
	});

	it('answers 422 problem+json naming the bad parameter, and 405 for other methods', async () => {
		for (const [path, field] of [
			['acupoints?meridian=XX', 'meridian'],
			['acupoints?region=moon', 'region'],
			['muscles?refers=nowhere', 'refers'],
			['muscles?q=', 'q']
		] as const) {
			const response = await fetch(`${api}/${path}`);
			expect(response.status, path).toBe(422);
			expect(response.headers.get('content-type'), path).toBe('application/problem+json');
			const body = (await response.json()) as { errors: { field: string; message: string }[] };
			expect(body.errors.map((e) => e.field), path).toEqual([field]);
			expect(body.errors[0]!.message, path).toContain(field);
		}
		expect((await fetch(`${api}/muscles`, { method: 'DELETE' })).status).toBe(405);
	});

	it('lists both paths in the OpenAPI document', async () => {
		const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/atlas/muscles', '/atlas/acupoints']));
	});
});
