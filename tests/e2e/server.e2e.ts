import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, PASSWORD, dryNeedlingForm } from './support/demo';
import { get, postForm, signIn } from './support/http';
import { freePort, runServerToExit, startServer, tempDatabaseFile, type RunningServer } from './support/server';

const PRODUCTION_SECRET = 'a-real-secret-for-this-test-only-0123456789';

describe('the production server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	it('answers /healthz after checking the database', async () => {
		const response = await get(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
	});

	it('sends a signed-out visitor on a staff page to sign-in, remembering the page', async () => {
		const expected = {
			'/staff': '/staff/sign-in',
			'/staff/admin/services': '/staff/sign-in?next=%2Fstaff%2Fadmin%2Fservices',
			'/staff/admin/staff/anything?tab=2': '/staff/sign-in?next=%2Fstaff%2Fadmin%2Fstaff%2Fanything%3Ftab%3D2'
		};
		for (const [path, location] of Object.entries(expected)) {
			const response = await get(`${server.url}${path}`);
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location')).toBe(location);
		}
		const page = await (await get(`${server.url}${expected['/staff/admin/services']}`)).text();
		expect(page).toContain('Sign in to continue to the page you asked for.');
		const signedIn = await postForm(`${server.url}${expected['/staff/admin/services']}`, { email: ADMIN, password: PASSWORD }, { origin: server.url });
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/staff/admin/services');
	});

	it('says a session ended (idle or past its 12 hours) and returns to the page after signing in again', async () => {
		const sessionAged = (column: 'last_seen_at' | 'expires_at', cookie: string) => {
			const token = cookie.split('=')[1]!;
			const file = new SqliteDatabase(database.file);
			file.prepare(`update session set ${column} = ? where token_hash = ?`).run('2020-01-01T00:00:00.000Z', createHash('sha256').update(token).digest('hex'));
			file.close();
		};
		for (const column of ['last_seen_at', 'expires_at'] as const) {
			const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
			expect((await get(`${server.url}/staff/admin/services?sort=name`, cookie)).status).toBe(200);
			sessionAged(column, cookie);
			const bounced = await get(`${server.url}/staff/admin/services?sort=name`, cookie);
			expect(bounced.status, column).toBe(303);
			const location = bounced.headers.get('location')!;
			expect(location).toBe('/staff/sign-in?ended=1&next=%2Fstaff%2Fadmin%2Fservices%3Fsort%3Dname');
			const page = await (await get(`${server.url}${location}`, cookie)).text();
			expect(page).toContain('Your session ended, so you were signed out. Sign in again to continue.');
			const again = await postForm(`${server.url}${location}`, { email: ADMIN, password: PASSWORD }, { origin: server.url, cookie });
			expect(again.status).toBe(303);
			expect(again.headers.get('location')).toBe('/staff/admin/services?sort=name');
		}
	});

	it('never returns to another site or a non-staff page after sign-in', async () => {
		for (const next of ['//evil.example/staff', 'https://evil.example/staff', '/\\evil.example', '/staff/../evil', 'javascript:alert(1)', '/about']) {
			const response = await postForm(`${server.url}/staff/sign-in?next=${encodeURIComponent(next)}`, { email: ADMIN, password: PASSWORD }, { origin: server.url });
			expect(response.status, next).toBe(303);
			expect(response.headers.get('location'), next).toBe('/staff');
		}
	});

	it('treats malformed, forged and oversized session cookies as signed out, never a 500', async () => {
		const cookies = [
			'np_session=',
			'np_session=garbage',
			`np_session=${'A'.repeat(43)}`,
			`np_session=${'A'.repeat(42)}`,
			`np_session=${encodeURIComponent("' or 1=1 --")}`,
			'np_session=%E0%A4%A',
			`np_session=${'B'.repeat(8000)}`
		];
		for (const cookie of cookies) {
			const response = await get(`${server.url}/staff`, cookie);
			expect(response.status, cookie.slice(0, 40)).toBe(303);
		}
		const huge = await get(`${server.url}/staff`, `np_session=${'C'.repeat(70_000)}`);
		expect(huge.status).toBeGreaterThanOrEqual(400);
		expect(huge.status).toBeLessThan(500);
	});

	it('sets security headers, a nonce-based CSP, and no-store on staff pages', async () => {
		const home = await get(`${server.url}/`);
		expect(home.status).toBe(200);
		const csp = home.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("'unsafe-inline'");
		expect(home.headers.get('x-content-type-options')).toBe('nosniff');
		expect(home.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(home.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const signInPage = await get(`${server.url}/staff/sign-in`);
		expect(signInPage.headers.get('cache-control')).toBe('no-store');
	});

	it('refuses cross-site form posts and 1 MB bodies with a 4xx', async () => {
		const crossSite = await postForm(`${server.url}/staff/sign-in`, { email: ADMIN, password: PASSWORD }, { origin: 'https://evil.example' });
		expect(crossSite.status).toBe(403);
		const big = await postForm(`${server.url}/staff/sign-in`, { email: ADMIN, password: 'x'.repeat(1024 * 1024) }, { origin: server.url });
		expect(big.status).toBe(413);
	});

	it('answers a wrong password with 401 and the same message as an unknown email', async () => {
		const wrong = await postForm(`${server.url}/staff/sign-in`, { email: ADMIN, password: 'wrong password' }, { origin: server.url });
		const unknown = await postForm(`${server.url}/staff/sign-in`, { email: 'who@example.com', password: 'wrong password' }, { origin: server.url });
		expect([wrong.status, unknown.status]).toEqual([401, 401]);
		const [a, b] = [await wrong.text(), await unknown.text()];
		expect(a).toContain('Email or password is incorrect.');
		expect(b).toContain('Email or password is incorrect.');
	});

	it('logs JSON lines without patient-identifying fields', async () => {
		await postForm(`${server.url}/staff/sign-in`, { email: 'leaky@example.com', password: 'wrong password' }, { origin: server.url });
		expect(server.output()).not.toContain('leaky@example.com');
	});
});

describe('configuration', () => {
	it.each([
		[{ DATABASE_URL: 'mysql://db/clinic' }, 'DATABASE_URL'],
		[{ SESSION_IDLE_MINUTES: 'soon' }, 'SESSION_IDLE_MINUTES'],
		[{ NODE_ENV: 'production', ORIGIN: 'https://clinic.example' }, 'APP_SECRET'],
		// Production is NODE_ENV=production whatever the ORIGIN: the default secret, a short one and
		// demo data are refused over plain http too.
		[{ NODE_ENV: 'production' }, 'APP_SECRET'],
		[{ NODE_ENV: 'production', ORIGIN: 'http://localhost:3000' }, 'APP_SECRET'],
		[{ NODE_ENV: 'production', ORIGIN: 'http://localhost:3000', APP_SECRET: 'only-thirty-one-characters-long' }, 'APP_SECRET'],
		[{ NODE_ENV: 'production', ORIGIN: 'http://localhost:3000', APP_SECRET: PRODUCTION_SECRET, DEMO_DATA: 'true' }, 'DEMO_DATA']
	])('exits 1 with one line naming the variable: %o', async (env, variable) => {
		const database = tempDatabaseFile();
		try {
			const result = await runServerToExit({ DATABASE_FILE: database.file, ...env });
			expect(result.code).toBe(1);
			const lines = result.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable} `));
		} finally {
			database.cleanup();
		}
	});
});

describe('production start-up', () => {
	it('refuses a database that holds the demo clinic, naming the variable in one line', async () => {
		const database = tempDatabaseFile();
		try {
			// A development start seeds the demo clinic into the file.
			const development = await startServer({ DATABASE_FILE: database.file });
			await development.stop();
			const result = await runServerToExit({ DATABASE_FILE: database.file, NODE_ENV: 'production', ORIGIN: 'https://clinic.example', APP_SECRET: PRODUCTION_SECRET });
			expect(result.code).toBe(1);
			const lines = result.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(/DATABASE_FILE .*demo clinic/);
		} finally {
			database.cleanup();
		}
	});

	it('serves production over plain http but says so in one warning line at start', async () => {
		const database = tempDatabaseFile();
		const server = await startServer({ DATABASE_FILE: database.file, NODE_ENV: 'production', APP_SECRET: PRODUCTION_SECRET });
		try {
			expect((await get(`${server.url}/healthz`)).status).toBe(200);
			const warnings = server.output().split('\n').filter((line) => line.includes('production over plain http'));
			expect(warnings).toHaveLength(1);
			expect(warnings[0]).toContain(`ORIGIN=${server.url}`);
			// No demo clinic, so no public logins printed.
			expect(server.output()).not.toContain(PASSWORD);
		} finally {
			await server.stop();
			database.cleanup();
		}
	});
});

describe('sign-in throttle across two processes on one SQLite file', () => {
	it('lets at most 4 of 20 parallel wrong passwords for one account be checked', async () => {
		const database = tempDatabaseFile();
		const first = await startServer({ DATABASE_FILE: database.file });
		const second = await startServer({ DATABASE_FILE: database.file });
		try {
			const statuses = await Promise.all(
				Array.from({ length: 20 }, (_, i) => {
					const server = i % 2 === 0 ? first : second;
					return postForm(`${server.url}/staff/sign-in`, { email: ADMIN, password: `wrong guess ${i}` }, { origin: server.url }).then(async (response) => {
						await response.body?.cancel();
						return response.status;
					});
				})
			);
			// 401: the password was checked and was wrong; 429: refused before any check.
			expect(statuses.filter((status) => status === 401)).toHaveLength(4);
			expect(statuses.filter((status) => status === 429)).toHaveLength(16);
		} finally {
			await Promise.all([first.stop(), second.stop()]);
			database.cleanup();
		}
	});
});

describe('durability', () => {
	it('keeps every acknowledged admin edit when the server is killed with SIGKILL mid-stream', async () => {
		const database = tempDatabaseFile();
		let server = await startServer({ DATABASE_FILE: database.file });
		try {
			const { cookie } = await signIn(server.url, ADMIN, PASSWORD);
			const editUrl = `${server.url}/staff/admin/services`;
			const listing = await (await get(editUrl, cookie)).text();
			const id = /href="\/staff\/admin\/services\/([^"]+)"[^>]*>Dry needling session/.exec(listing)?.[1];
			expect(id).toBeDefined();

			let acknowledged = 0;
			let running = true;
			const stream = (async () => {
				for (let price = 1; running; price++) {
					try {
						const response = await postForm(`${editUrl}/${id}`, dryNeedlingForm(String(price)), { origin: server.url, cookie });
						if (response.status === 303) acknowledged = price;
						else break;
					} catch {
						break; // the server died mid-request
					}
				}
			})();
			await new Promise((r) => setTimeout(r, 1500));
			await server.kill();
			running = false;
			await stream;
			expect(acknowledged).toBeGreaterThan(5);

			const file = new SqliteDatabase(database.file, { readonly: true });
			const stored = file.prepare("select price_cents as cents from service where slug = 'dry-needling'").get() as { cents: number };
			file.close();
			// The edit in flight at the kill may or may not have landed; every acknowledged one has.
			expect(stored.cents / 100).toBeGreaterThanOrEqual(acknowledged);
			expect(stored.cents / 100).toBeLessThanOrEqual(acknowledged + 1);

			server = await startServer({ DATABASE_FILE: database.file });
			const { cookie: again } = await signIn(server.url, ADMIN, PASSWORD);
			const page = await (await get(`${server.url}/staff/admin/services/${id}`, again)).text();
			expect(page).toContain(`value="${stored.cents / 100}"`);
		} finally {
			await server.stop();
			database.cleanup();
		}
	});
});

describe('graceful shutdown', () => {
	it('finishes a request in flight on SIGTERM, closes the database and exits 0', async () => {
		const database = tempDatabaseFile();
		const server = await startServer({ DATABASE_FILE: database.file, LOG_LEVEL: 'info' });
		try {
			const body = new URLSearchParams({ email: 'nobody@example.com', password: 'wrong password' }).toString();
			const half = Math.floor(body.length / 2);
			const status = new Promise<number>((resolveStatus, reject) => {
				const req = request(
					`${server.url}/staff/sign-in`,
					{
						method: 'POST',
						headers: {
							origin: server.url,
							accept: 'text/html',
							'content-type': 'application/x-www-form-urlencoded',
							'content-length': String(body.length)
						}
					},
					(res) => {
						res.resume();
						resolveStatus(res.statusCode ?? 0);
					}
				);
				req.on('error', reject);
				req.write(body.slice(0, half));
				// SIGTERM arrives while the request body is still coming in.
				setTimeout(() => {
					server.process.kill('SIGTERM');
					setTimeout(() => req.end(body.slice(half)), 300);
				}, 200);
			});
			expect(await status).toBe(401);
			expect(await server.stop()).toBe(0);
			expect(server.output()).toContain('"event":"shutdown"');
		} finally {
			await server.kill();
			database.cleanup();
		}
	});
});

describe('npm start', () => {
	it('serves the demo clinic and prints the URL and the demo logins', async () => {
		const database = tempDatabaseFile();
		const port = await freePort();
		const child = spawn(process.execPath, ['scripts/start.mjs'], {
			cwd: resolve(import.meta.dirname, '../..'),
			env: { ...process.env, PORT: String(port), DATABASE_FILE: database.file, LOG_LEVEL: 'warn', ORIGIN: '' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += String(chunk)));
		child.stderr.on('data', (chunk) => (output += String(chunk)));
		try {
			const deadline = Date.now() + 60_000;
			let healthy = false;
			while (!healthy && Date.now() < deadline) {
				healthy = await fetch(`http://localhost:${port}/healthz`).then((r) => r.ok, () => false);
				if (!healthy) await new Promise((r) => setTimeout(r, 200));
			}
			expect(healthy).toBe(true);
			expect(output).toContain(`http://localhost:${port}`);
			expect(output).toContain(ADMIN);
			expect(output).toContain(PASSWORD);
			// The default ORIGIN lets forms on http://localhost post without a CSRF refusal.
			const session = await signIn(`http://localhost:${port}`, ADMIN, PASSWORD);
			expect((await get(`http://localhost:${port}/staff`, session.cookie)).status).toBe(200);
		} finally {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			database.cleanup();
		}
	});
});
