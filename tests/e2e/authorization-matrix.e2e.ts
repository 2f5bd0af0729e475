import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import matrix from '../../docs/authorization-matrix.json';
import { openDatabase } from '../../src/lib/server/db/database';
import { addSecondClinic, type SecondClinic } from '../../src/lib/server/testing/second-clinic';
import { hashPassword } from '../../src/lib/server/auth/password';
import { freeSlots, patient, postJson, type Slot } from './support/booking';
import { ADMIN, CLINICIAN, FRONT_DESK, PASSWORD } from './support/demo';
import { postForm, signIn } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

type Expectations = Record<string, string>;
type Entry = { route: string; path: string; actions?: Record<string, Expectations> } & Record<string, unknown>;
type Role = 'anonymous' | 'front_desk' | 'clinician' | 'admin';

const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = { front_desk: FRONT_DESK, clinician: CLINICIAN, admin: ADMIN };

/**
 * Walks docs/authorization-matrix.json against the running app as every role, with real records:
 * the walk books an appointment (and so a patient) in the demo clinic over HTTP, sends the allowed
 * requests too (each state change on an appointment gets a freshly booked one), and asks for the
 * records of a second clinic in the same database, which every role must find missing.
 */
describe('the authorization matrix, walked against the built server', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	const cookies: Record<Role, string | undefined> = { anonymous: undefined, front_desk: undefined, clinician: undefined, admin: undefined };
	const placeholders: Record<string, string> = {};
	let other: SecondClinic;
	let slots: Slot[] = [];
	/** The appointment the API requests manage, with its token (the token is what authorises them). */
	const managed = { id: '', token: '' };
	let booked = 0;

	/** A booked appointment of the demo clinic, through the staff booking form. */
	async function staffBooking(): Promise<string> {
		const slot = slots.shift();
		if (!slot) throw new Error('ran out of free slots');
		const n = `walk-${booked++}`;
		const response = await postForm(
			`${server.url}/staff/appointments/new`,
			{ service: 'initial-consultation', providerId: slot.providerId, start: slot.start, ...patient(n), submission: crypto.randomUUID() },
			{ origin: server.url, cookie: cookies.front_desk }
		);
		await response.body?.cancel();
		const id = /^\/staff\/appointments\/([\w-]+)\?booked=1$/.exec(response.headers.get('location') ?? '')?.[1];
		if (response.status !== 303 || !id) throw new Error(`staff booking answered ${response.status} ${response.headers.get('location')}`);
		return id;
	}

	/** Through the public API, as a patient would: returns the appointment id and its manage token. */
	async function apiBooking(n: string): Promise<{ id: string; manageToken: string }> {
		const slot = slots.shift()!;
		const response = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: patient(n) });
		if (response.status !== 201) throw new Error(`booking answered ${response.status}: ${await response.text()}`);
		const body = (await response.json()) as { id: string; manageUrl: string };
		return { id: body.id, manageToken: new URL(body.manageUrl).pathname.split('/').at(-1)! };
	}

	/** Free slots an hour apart for the same provider (buffers included), so each can be booked. */
	function apart(free: Slot[]): Slot[] {
		const lastEnd = new Map<string, number>();
		return free.filter((slot) => {
			if (Date.parse(slot.start) < (lastEnd.get(slot.providerId) ?? 0)) return false;
			lastEnd.set(slot.providerId, Date.parse(slot.end) + 3_600_000);
			return true;
		});
	}

	async function signInAll(): Promise<void> {
		for (const [role, email] of Object.entries(EMAILS) as Array<[Exclude<Role, 'anonymous'>, string]>) {
			cookies[role] = (await signIn(server.url, email, PASSWORD)).cookie;
		}
	}

	/** Signing out and ending sessions are among the allowed requests: sign in again where they did. */
	async function keepSignedIn(request: Request): Promise<void> {
		if (request.post && endsSessions(request)) await refreshSessions();
	}

	/** Requests that may end a session: signing out, changing one's password, an admin ending them. */
	function endsSessions(request: Request): boolean {
		return /^\/staff\/(sign-out|account|admin\/staff\/)/.test(request.path);
	}

	async function refreshSessions(): Promise<void> {
		for (const [role, email] of Object.entries(EMAILS) as Array<[Exclude<Role, 'anonymous'>, string]>) {
			const response = await fetch(`${server.url}/staff`, { redirect: 'manual', headers: { cookie: cookies[role]! } });
			await response.body?.cancel();
			if (response.status !== 200) cookies[role] = (await signIn(server.url, email, PASSWORD)).cookie;
		}
	}

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
		await signInAll();
		slots = apart(await freeSlots(server.url, 'initial-consultation', undefined, 1, 20));
		const db = new SqliteDatabase(database.file, { readonly: true });
		const one = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { id: string }).id;
		placeholders['{service}'] = one("select id from service where slug = 'dry-needling'");
		placeholders['{location}'] = one('select id from location limit 1');
		// The signed-in clinician: their own schedule is theirs to change.
		placeholders['{staff}'] = one('select id from staff where email = ?', CLINICIAN);
		placeholders['{token}'] = 'A'.repeat(43);
		placeholders['{article}'] = one('select id from article limit 1');
		placeholders['{missing}'] = '00000000-0000-4000-8000-000000000000';
		db.close();
		const viewed = await apiBooking('walk-read');
		placeholders['{appointment}'] = viewed.id;
		const read = new SqliteDatabase(database.file, { readonly: true });
		placeholders['{patient}'] = (read.prepare('select patient_id as id from appointment where id = ?').get(viewed.id) as { id: string }).id;
		read.close();
		const forApi = await apiBooking('walk-manage');
		Object.assign(managed, { id: forApi.id, token: forApi.manageToken });
		const writer = openDatabase({ engine: 'sqlite', file: database.file });
		try {
			other = await addSecondClinic(writer.db, { now: new Date(), appointmentStart: new Date(Date.now() + 3 * 86_400_000), passwordHash: await hashPassword(PASSWORD) });
		} finally {
			await writer.close();
		}
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	function fill(path: string, values: Record<string, string>): string {
		return path.replace(/\{\w+\}/g, (p) => values[p] ?? placeholders[p] ?? p);
	}

	function outcomeOf(response: Response): string {
		const location = response.headers.get('location');
		if (response.status === 200) return 'ok';
		if (response.status === 303 && location?.split('?')[0] === '/staff/sign-in') return 'sign-in';
		if (response.status === 303) return `redirect:${location}`;
		if (response.status === 403) return 'forbidden';
		if (response.status === 404) return 'not-found';
		if (response.status === 405) return 'method-not-allowed';
		return `status ${response.status}`;
	}

	/** "allowed": processed, possibly refusing the (empty) input, never refused for who asked. */
	function isAllowed(response: Response): boolean {
		const s = response.status;
		const location = response.headers.get('location');
		if (s >= 200 && s < 300) return true;
		if (s >= 300 && s < 400) return location?.split('?')[0] !== '/staff/sign-in';
		return [400, 409, 415, 422].includes(s);
	}

	type Request = { what: string; path: string; expectations: Expectations; post: boolean; action?: string };

	function requestsOf(entry: Entry): Request[] {
		const list: Request[] = [];
		if (entry.GET) list.push({ what: 'GET', path: entry.path, expectations: entry.GET as Expectations, post: false });
		if (entry.POST) list.push({ what: 'POST', path: entry.path, expectations: entry.POST as Expectations, post: true });
		for (const [action, expectations] of Object.entries(entry.actions ?? {})) list.push({ what: `action ${action}`, path: entry.path, expectations, post: true, action });
		return list;
	}

	async function send(request: Request, role: Role, values: Record<string, string> = {}, cookie = cookies[role]): Promise<Response> {
		const path = fill(request.path, values);
		if (!request.post) return fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
		if (path.startsWith('/api/v1/appointments/')) {
			return fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { authorization: `Bearer ${managed.token}`, ...(cookie ? { cookie } : {}) } });
		}
		const url = request.action && request.action !== 'default' ? `${server.url}${path}?/${request.action}` : `${server.url}${path}`;
		return postForm(url, {}, { origin: server.url, cookie });
	}

	it('answers every page, action and endpoint as listed, for every role, allowed requests included', async () => {
		const mismatches: string[] = [];
		let checked = 0;
		let allowed = 0;
		for (const entry of matrix.routes as Entry[]) {
			for (const request of requestsOf(entry)) {
				for (const role of matrix.roles as Role[]) {
					const expected = request.expectations[role]!;
					if (expected === 'allowed') {
						const own: Record<string, string> = !request.path.includes('{appointment}')
							? {}
							: request.path.startsWith('/api/')
								? { '{appointment}': managed.id }
								: request.post
									? { '{appointment}': await staffBooking() }
									: {};
						const response = await send(request, role, own);
						await response.body?.cancel();
						allowed++;
						if (!isAllowed(response)) mismatches.push(`${request.what} ${entry.route} as ${role}: expected allowed, got ${outcomeOf(response)}`);
						await keepSignedIn(request);
					} else {
						const response = await send(request, role);
						await response.body?.cancel();
						const actual = outcomeOf(response);
						if (actual !== expected) mismatches.push(`${request.what} ${entry.route} as ${role}: expected ${expected}, got ${actual}`);
						if (role !== 'anonymous') await keepSignedIn(request);
					}
					checked++;
				}
			}
		}
		expect(mismatches).toEqual([]);
		expect(checked).toBeGreaterThan(250);
		expect(allowed).toBeGreaterThan(100);
	}, 300_000);

	/**
	 * Every page and action that takes a record id, asked with the records of the clinic the staff
	 * member does not work in. Signed-out visitors go to sign-in and roles without the capability
	 * are refused before any lookup; everyone else must not learn that the record exists.
	 */
	async function walkForeign(ids: Record<string, string>, as: Record<Role, string | undefined>, onRelogin: () => Promise<void>): Promise<{ mismatches: string[]; checked: number }> {
		const mismatches: string[] = [];
		let checked = 0;
		for (const entry of matrix.routes as Entry[]) {
			if (!entry.path.startsWith('/staff/') || !Object.keys(ids).some((p) => entry.path.includes(p))) continue;
			for (const request of requestsOf(entry)) {
				for (const role of matrix.roles as Role[]) {
					const listed = request.expectations[role]!;
					const expected = listed === 'sign-in' || listed === 'forbidden' ? listed : 'not-found';
					const response = await send(request, role, ids, as[role]);
					await response.body?.cancel();
					checked++;
					const actual = outcomeOf(response);
					if (actual !== expected) mismatches.push(`${request.what} ${entry.route} as ${role}: expected ${expected}, got ${actual}`);
					if (role !== 'anonymous' && request.post && endsSessions(request)) await onRelogin();
				}
			}
		}
		return { mismatches, checked };
	}

	it('finds the records of a second clinic missing, for every role of the demo clinic', async () => {
		const foreign = { '{appointment}': other.appointmentId, '{patient}': other.patientId, '{article}': other.articleId, '{location}': other.locationId, '{service}': other.serviceId };
		const { mismatches, checked } = await walkForeign(foreign, cookies, refreshSessions);
		expect(mismatches).toEqual([]);
		expect(checked).toBeGreaterThan(60);
		const db = new SqliteDatabase(database.file, { readonly: true });
		const row = db.prepare('select status, updated_at as updatedAt, created_at as createdAt from appointment where id = ?').get(other.appointmentId) as { status: string; updatedAt: string; createdAt: string };
		db.close();
		expect(row).toMatchObject({ status: 'booked', updatedAt: row.createdAt });
	}, 300_000);

	it('finds the demo clinic’s records missing for the staff of the second clinic', async () => {
		const theirs: Record<Role, string | undefined> = { anonymous: undefined, front_desk: undefined, clinician: undefined, admin: undefined };
		const signInTheirs = async () => {
			for (const role of ['front_desk', 'clinician', 'admin'] as const) theirs[role] = (await signIn(server.url, other.staff[role].email, PASSWORD)).cookie;
		};
		await signInTheirs();
		const demo = { '{appointment}': placeholders['{appointment}']!, '{patient}': placeholders['{patient}']!, '{article}': placeholders['{article}']!, '{location}': placeholders['{location}']!, '{service}': placeholders['{service}']! };
		const { mismatches, checked } = await walkForeign(demo, theirs, signInTheirs);
		expect(mismatches).toEqual([]);
		expect(checked).toBeGreaterThan(60);
	}, 300_000);

	it('recorded each refusal in the audit trail', async () => {
		const db = new SqliteDatabase(database.file, { readonly: true });
		const denied = db.prepare("select count(*) as n from audit_event where action = 'access.denied' and outcome = 'denied'").get() as { n: number };
		db.close();
		expect(denied.n).toBeGreaterThan(20);
	});
});
