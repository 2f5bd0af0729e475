import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import matrix from '../../docs/authorization-matrix.json';
import { ADMIN, CLINICIAN, FRONT_DESK, PASSWORD } from './support/demo';
import { postForm, signIn } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

type Expectations = Record<string, string>;
type Entry = { route: string; path: string; actions?: Record<string, Expectations> } & Record<string, unknown>;

/** Walks docs/authorization-matrix.json against the running app as every role. */
describe('the authorization matrix, walked against the built server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	const cookies: Record<string, string | undefined> = { anonymous: undefined };
	const placeholders: Record<string, string> = {};

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
		for (const [role, email] of [['front_desk', FRONT_DESK], ['clinician', CLINICIAN], ['admin', ADMIN]] as const) {
			cookies[role] = (await signIn(server.url, email, PASSWORD)).cookie;
		}
		const db = new SqliteDatabase(database.file, { readonly: true });
		const one = (sql: string) => (db.prepare(sql).get() as { id: string }).id;
		placeholders['{service}'] = one("select id from service where slug = 'dry-needling'");
		placeholders['{location}'] = one('select id from location limit 1');
		placeholders['{staff}'] = one("select id from staff where role = 'clinician' limit 1");
		placeholders['{token}'] = 'A'.repeat(43);
		placeholders['{article}'] = one('select id from article limit 1');
		placeholders['{missing}'] = '00000000-0000-4000-8000-000000000000';
		db.close();
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	function pathOf(entry: Entry): string {
		return entry.path.replace(/\{\w+\}/g, (p) => placeholders[p] ?? p);
	}

	function check(response: Response, expected: string): string | undefined {
		const location = response.headers.get('location');
		const actual =
			response.status === 200
				? 'ok'
				: response.status === 303 && location?.split('?')[0] === '/staff/sign-in'
					? 'sign-in'
					: response.status === 303
						? `redirect:${location}`
						: response.status === 403
							? 'forbidden'
							: response.status === 404
								? 'not-found'
								: response.status === 405
									? 'method-not-allowed'
									: `status ${response.status}`;
		return actual === expected ? undefined : actual;
	}

	it('answers every page, action and endpoint as listed, for every role', async () => {
		const mismatches: string[] = [];
		let checked = 0;
		for (const entry of matrix.routes as Entry[]) {
			const path = pathOf(entry);
			const requests: Array<{ what: string; expectations: Expectations; send: (cookie?: string) => Promise<Response> }> = [];
			if (entry.GET) {
				requests.push({
					what: 'GET',
					expectations: entry.GET as Expectations,
					send: (cookie) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} })
				});
			}
			if (entry.POST) {
				requests.push({ what: 'POST', expectations: entry.POST as Expectations, send: (cookie) => postForm(`${server.url}${path}`, {}, { origin: server.url, cookie }) });
			}
			for (const [action, expectations] of Object.entries(entry.actions ?? {})) {
				const url = action === 'default' ? `${server.url}${path}` : `${server.url}${path}?/${action}`;
				requests.push({ what: `action ${action}`, expectations, send: (cookie) => postForm(url, {}, { origin: server.url, cookie }) });
			}
			for (const request of requests) {
				for (const role of matrix.roles) {
					const expected = request.expectations[role]!;
					// Allowed state changes are exercised by the feature tests, not by an empty post here.
					if (expected === 'allowed') continue;
					const response = await request.send(cookies[role]);
					await response.body?.cancel();
					checked++;
					const wrong = check(response, expected);
					if (wrong) mismatches.push(`${request.what} ${entry.route} as ${role}: expected ${expected}, got ${wrong}`);
				}
			}
		}
		expect(mismatches).toEqual([]);
		expect(checked).toBeGreaterThan(80);
	});

	it('recorded each refusal in the audit trail', async () => {
		const db = new SqliteDatabase(database.file, { readonly: true });
		const denied = db.prepare("select count(*) as n from audit_event where action = 'access.denied' and outcome = 'denied'").get() as { n: number };
		db.close();
		expect(denied.n).toBeGreaterThan(20);
	});
});
