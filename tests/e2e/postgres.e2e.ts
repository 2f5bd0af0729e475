import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, PASSWORD, dryNeedlingForm } from './support/demo';
import { get, postForm, signIn } from './support/http';
import { startServer, type RunningServer } from './support/server';

const adminUrl = process.env.TEST_DATABASE_URL;
const required = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_POSTGRES === '1';
if (!adminUrl && !required) {
	process.stderr.write('\n*** PostgreSQL end-to-end tests are SKIPPED: TEST_DATABASE_URL is not set. ***\n\n');
}

async function admin(query: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

describe.skipIf(!adminUrl && !required)('two app instances on one PostgreSQL database', () => {
	const name = `np_e2e_${randomBytes(5).toString('hex')}`;
	let first: RunningServer;
	let second: RunningServer;

	beforeAll(async () => {
		if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: PostgreSQL is required here.');
		await admin(`create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		const env = { DATABASE_URL: url.toString() };
		// Started together: migrations take a lock and the demo seed is keyed, so both come up cleanly.
		[first, second] = await Promise.all([startServer(env), startServer(env)]);
	});
	afterAll(async () => {
		await Promise.all([first?.stop(), second?.stop()]);
		if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
	});

	it('migrates, seeds the demo clinic once and reports PostgreSQL as healthy', async () => {
		const health = await (await get(`${first.url}/healthz`)).json();
		expect(health).toEqual({ status: 'ok', database: 'postgres' });
		const home = await (await get(`${second.url}/`)).text();
		expect(home).toContain('Boston Spine');
		expect(first.output() + second.output()).not.toMatch(/could not start|error/i);
	});

	it('accepts a session made on one instance at the other, and ends it everywhere', async () => {
		const { cookie } = await signIn(first.url, ADMIN, PASSWORD);
		expect((await get(`${second.url}/staff/admin/services`, cookie)).status).toBe(200);

		// An edit through the second instance is seen by the first.
		const listing = await (await get(`${second.url}/staff/admin/services`, cookie)).text();
		const id = /href="\/staff\/admin\/services\/([^"]+)"[^>]*>Dry needling session/.exec(listing)?.[1];
		const saved = await postForm(`${second.url}/staff/admin/services/${id}`, dryNeedlingForm('123'), { origin: second.url, cookie });
		expect(saved.status).toBe(303);
		expect(await (await get(`${first.url}/staff/admin/services/${id}`, cookie)).text()).toContain('value="123"');

		const signOut = await postForm(`${second.url}/staff/sign-out`, {}, { origin: second.url, cookie });
		expect(signOut.status).toBe(303);
		expect((await get(`${first.url}/staff`, cookie)).status).toBe(303);
	});

	it('throttles sign-in failures counted across both instances', async () => {
		const email = 'priya.nair@boston-spine.example';
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) {
			const server = i % 2 === 0 ? first : second;
			const response = await postForm(`${server.url}/staff/sign-in`, { email, password: `wrong ${i}` }, { origin: server.url });
			statuses.push(response.status);
		}
		expect(statuses).toEqual([401, 401, 401, 401]);
		// The right password is refused on both instances while the account is locked.
		for (const server of [first, second]) {
			const locked = await postForm(`${server.url}/staff/sign-in`, { email, password: PASSWORD }, { origin: server.url });
			expect(locked.status).toBe(429);
			expect(await locked.text()).toContain('Too many attempts');
		}
	});
});
