import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, PASSWORD, dryNeedlingForm } from './support/demo';
import { get, postForm, signIn } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const PAYLOADS = [
	"'; drop table staff; --",
	'" or 1=1 --',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'مرحبا بالعالم 👋🏽 \u202Eevil',
	'x'.repeat(5000)
];

describe('hostile input in every sign-in and settings field', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let cookie = '';
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
		cookie = (await signIn(server.url, ADMIN, PASSWORD)).cookie;
		const db = new SqliteDatabase(database.file, { readonly: true });
		ids.service = (db.prepare("select id from service where slug = 'dry-needling'").get() as { id: string }).id;
		ids.location = (db.prepare('select id from location limit 1').get() as { id: string }).id;
		ids.staff = (db.prepare("select id from staff where role = 'front_desk'").get() as { id: string }).id;
		db.close();
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	const forms = () => [
		{ path: '/staff/admin/services/new', base: { ...dryNeedlingForm('95'), slug: '' } },
		{ path: `/staff/admin/services/${ids.service}`, base: dryNeedlingForm('95') },
		{
			path: '/staff/admin/locations/new',
			base: { name: 'Cambridge', street: '1 Main St', city: 'Cambridge', region: 'MA', postalCode: '02139', country: 'US', phone: '(617) 555-0199', active: 'on' }
		},
		{
			path: `/staff/admin/staff/${ids.staff}?/save`,
			base: { name: 'Jordan Lee', email: 'frontdesk@boston-spine.example', role: 'front_desk', bio: '', active: 'on', credentials: [], dnCertifiedOn: '', dnHours: '', dnCourse: '', password: '' }
		},
		{
			path: '/staff/admin/clinic',
			base: { name: 'Boston Spine', timeZone: 'America/New_York', street: '1 St', city: 'Boston', region: 'MA', postalCode: '02116', country: 'US', phone: '(617) 555-0142', email: 'hello@boston-spine.example', 'hours.0.opens': '08:00', 'hours.0.closes': '17:00' }
		}
	];

	it('answers every payload in every field with a 303 or a 4xx, never a 500', async () => {
		const failures: string[] = [];
		let sent = 0;
		for (const form of forms()) {
			for (const field of Object.keys(form.base)) {
				for (const payload of PAYLOADS) {
					const body = { ...form.base, [field]: Array.isArray(form.base[field as keyof typeof form.base]) ? [payload] : payload };
					const response = await postForm(`${server.url}${form.path}`, body, { origin: server.url, cookie });
					await response.body?.cancel();
					sent++;
					if (response.status >= 500 || response.status < 300) failures.push(`${form.path} ${field}=${payload.slice(0, 20)} → ${response.status}`);
				}
			}
		}
		for (const payload of PAYLOADS) {
			for (const fields of [{ email: payload, password: 'whatever it is' }, { email: ADMIN, password: payload }]) {
				const response = await postForm(`${server.url}/staff/sign-in`, fields, { origin: server.url });
				sent++;
				if (![400, 401, 429].includes(response.status)) failures.push(`sign-in ${JSON.stringify(fields).slice(0, 40)} → ${response.status}`);
			}
		}
		expect(failures).toEqual([]);
		expect(sent).toBeGreaterThan(300);
	});

	it('stores what was accepted as text and renders it escaped', async () => {
		const pages = ['/staff/admin/services', '/staff/admin/locations', '/staff/admin/staff', '/staff/admin/clinic', `/staff/admin/services/${ids.service}`, '/'];
		for (const path of pages) {
			const html = await (await get(`${server.url}${path}`, cookie)).text();
			expect(html, path).not.toContain('<script>alert(1)</script>');
			expect(html, path).not.toContain('<img src=x onerror');
		}
		const db = new SqliteDatabase(database.file, { readonly: true });
		const tables = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'staff'").get() as { n: number };
		db.close();
		expect(tables.n).toBe(1);
	});

	it('audits failed sign-ins made with hostile input', async () => {
		const db = new SqliteDatabase(database.file, { readonly: true });
		const failed = db.prepare("select count(*) as n from audit_event where action in ('auth.sign_in_failed', 'auth.sign_in_locked')").get() as { n: number };
		db.close();
		expect(failed.n).toBeGreaterThanOrEqual(PAYLOADS.length);
	});
});

describe('served over https (ORIGIN https://…)', () => {
	it('sets a __Host- Secure session cookie and HSTS', async () => {
		const database = tempDatabaseFile();
		const probe = await startServer({ DATABASE_FILE: database.file });
		const port = probe.port;
		await probe.stop();
		// Behind a TLS proxy: the app itself listens on plain HTTP but knows its public https origin.
		const server = await startServer({ DATABASE_FILE: database.file, ORIGIN: `https://127.0.0.1:${port}`, PORT: String(port) });
		try {
			const response = await postForm(
				`${server.url}/staff/sign-in`,
				{ email: ADMIN, password: PASSWORD },
				{ origin: `https://127.0.0.1:${port}` }
			);
			expect(response.status).toBe(303);
			const setCookie = response.headers.get('set-cookie') ?? '';
			expect(setCookie).toMatch(/^__Host-np_session=[A-Za-z0-9_-]{43}; /);
			expect(setCookie).toMatch(/; Secure/i);
			expect(setCookie).toMatch(/; HttpOnly/i);
			expect(setCookie).toMatch(/; SameSite=Lax/i);
			expect(setCookie).toMatch(/; Path=\//i);
			expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		} finally {
			await server.stop();
			database.cleanup();
		}
	});
});
