import { describe, expect, it } from 'vitest';
import { GET as getAcupoints } from '../../../../routes/api/v1/atlas/acupoints/+server';
import { GET as getMuscles } from '../../../../routes/api/v1/atlas/muscles/+server';

/** The two routes as SvelteKit calls them: query string in, JSON or problem+json out. */
type Handler = (event: { url: URL }) => Response;
const call = async (handler: Handler, query: string) => {
	const response = handler({ url: new URL(`https://clinic.example/api/v1/atlas/x${query}`) });
	return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
};
const muscles = (query = '') => call(getMuscles, query);
const acupoints = (query = '') => call(getAcupoints, query);

describe('GET /api/v1/atlas/acupoints', () => {
	it('lists all 361 points, each with its sources spelled out', async () => {
		const { status, body } = await acupoints();
		expect(status).toBe(200);
		expect(body).toHaveLength(361);
		const li4 = body.find((p: { code: string }) => p.code === 'LI4');
		expect(li4).toMatchObject({ code: 'LI4', pinyin: 'Hegu', meridian: 'LI', number: 4, region: 'hand' });
		expect(li4.pregnancy).toMatchObject({ level: 'avoid', source: { id: 'aacp-2012' } });
		for (const row of body) expect(row.source[0].title.length, row.code).toBeGreaterThan(5);
	});

	it('filters by meridian (any case), region and text together', async () => {
		expect((await acupoints('?meridian=pc')).body.map((p: { code: string }) => p.code)).toEqual(['PC1', 'PC2', 'PC3', 'PC4', 'PC5', 'PC6', 'PC7', 'PC8', 'PC9']);
		expect((await acupoints('?meridian=GB&region=head_back')).body.map((p: { code: string }) => p.code)).toEqual(['GB19', 'GB20']);
		expect((await acupoints('?q=li%204')).body.map((p: { code: string }) => p.code)).toEqual(['LI4']);
		expect((await acupoints('?region=foot_left&meridian=LR')).body.map((p: { code: string }) => p.code)).toEqual(['LR1', 'LR2', 'LR3', 'LR4']);
	});

	it('answers 422 problem+json naming each bad parameter', async () => {
		const bad = await acupoints('?meridian=XX&region=elbowz&colour=red');
		expect(bad.status).toBe(422);
		expect(bad.type).toBe('application/problem+json');
		const fields = Object.fromEntries(bad.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
		expect(fields.meridian).toMatch(/^meridian must be one of: LU, LI/);
		expect(fields.region).toMatch(/^region must be a body area/);
		expect(Object.values(fields).join(' ')).toMatch(/colour is not a known field/);
		expect((await acupoints('?q=')).body.errors).toEqual([{ field: 'q', message: 'q must not be empty: leave it out to list everything.' }]);
		expect((await acupoints('?q=a&q=b')).body.errors).toEqual([{ field: 'q', message: 'Give q only once.' }]);
		expect((await acupoints(`?q=${'x'.repeat(101)}`)).status).toBe(422);
	});
});

describe('GET /api/v1/atlas/muscles', () => {
	it('lists every muscle with its referral zones and sources', async () => {
		const { status, body } = await muscles();
		expect(status).toBe(200);
		expect(body.length).toBeGreaterThanOrEqual(60);
		const trap = body.find((m: { code: string }) => m.code === 'upper_trapezius');
		expect(trap.cautions[0].kind).toBe('pneumothorax');
		expect(trap.source.map((s: { id: string }) => s.id)).toContain('medlink-ts');
		expect(trap.score).toBeUndefined();
	});

	it('ranks muscles by where it hurts, with score and matched zones', async () => {
		const { status, body } = await muscles('?refers=head_temporal,%20jaw_angle');
		expect(status).toBe(200);
		expect(body[0]).toMatchObject({ code: 'upper_trapezius', score: 6, matchedZones: ['head_temporal', 'jaw_angle'] });
		expect(body.every((m: { score: number }) => m.score > 0)).toBe(true);
		// A body-map region works as its area, and combines with the other filters.
		const calf = await muscles('?refers=heel_left&region=calf');
		expect(calf.body.map((m: { code: string }) => m.code)).toContain('soleus');
		expect(calf.body.every((m: { region: string }) => m.region === 'calf')).toBe(true);
	});

	it('finds by text and region', async () => {
		expect((await muscles('?q=piriformis')).body.map((m: { code: string }) => m.code)).toEqual(['piriformis']);
		expect((await muscles('?region=buttock')).body.length).toBeGreaterThan(3);
	});

	it('answers 422 naming refers, region or an unknown parameter', async () => {
		const bad = await muscles('?refers=head_temporal,nowhere');
		expect(bad.status).toBe(422);
		expect(bad.type).toBe('application/problem+json');
		expect(bad.body.errors).toEqual([
			{ field: 'refers', message: 'refers must list referral zones or body areas separated by commas; not known: "nowhere".' }
		]);
		expect((await muscles('?meridian=LU')).body.errors[0].message).toMatch(/meridian is not a known field/);
		expect((await muscles(`?refers=${Array(21).fill('heel').join(',')}`)).body.errors[0].field).toBe('refers');
	});
});
