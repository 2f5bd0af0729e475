import { randomBytes, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bostonDate, freeSlots, patient, postJson, providers, type Slot } from './support/booking';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/** The booking API against the built server: SQLite, then two processes on one PostgreSQL. */

async function slotForBoth(url: string, providerId: string): Promise<Slot> {
	// From day 3 on: after the returning patient's earlier visit (days 1–2).
	const consultation = new Set((await freeSlots(url, 'initial-consultation', providerId, 3)).map((s) => s.start));
	const slot = (await freeSlots(url, 'follow-up', providerId, 3)).find((s) => consultation.has(s.start));
	if (!slot) throw new Error('no common slot');
	return slot;
}

/** A patient seen before: a consultation booked through the API one or two days from now, so follow-ups are open to them. */
async function returningPatient(url: string, tag: string, headers: Record<string, string> = {}): Promise<ReturnType<typeof patient>> {
	const who = patient(tag);
	const [slot] = await freeSlots(url, 'initial-consultation', undefined, 1, 2);
	const response = await postJson(`${url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: who }, headers);
	if (response.status !== 201) throw new Error(`the earlier visit was answered ${response.status}`);
	return who;
}

/**
 * 50 bookings for one provider and time, half 45-minute consultations by new patients and half
 * 30-minute follow-ups by one patient seen before (a follow-up needs an earlier visit).
 */
async function race(urls: string[], providerId: string, start: string, tag: string, returning: ReturnType<typeof patient>): Promise<number[]> {
	return Promise.all(
		Array.from({ length: 50 }, (_, i) =>
			postJson(`${urls[i % urls.length]}/api/v1/appointments`, {
				service: i % 2 ? 'follow-up' : 'initial-consultation',
				providerId,
				start,
				patient: i % 2 ? returning : patient(`${tag}-${i}`)
			}).then(async (r) => {
				await r.body?.cancel();
				return r.status;
			})
		)
	);
}

/** Consultation slots of every provider at least two hours apart per provider, so none overlap. */
async function distinctSlots(url: string, count: number, fromDays: number, toDays: number): Promise<Slot[]> {
	const last = new Map<string, number>();
	const chosen: Slot[] = [];
	for (const slot of await freeSlots(url, 'initial-consultation', undefined, fromDays, toDays)) {
		const at = Date.parse(slot.start);
		if (at - (last.get(slot.providerId) ?? -Infinity) < 2 * 3_600_000) continue;
		last.set(slot.providerId, at);
		chosen.push(slot);
		if (chosen.length === count) break;
	}
	if (chosen.length < count) throw new Error(`only ${chosen.length} distinct slots`);
	return chosen;
}

/** A made-up client address per request (the servers read X-Forwarded-For), as distinct visitors. */
let visitor = 0;
const fromVisitor = () => ({ 'x-forwarded-for': `10.9.${(++visitor >> 8) & 255}.${visitor & 255}` });
const VIA_PROXY = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

describe('booking API on SQLite', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let alex = '';
	let lin = '';
	const count = (sql: string) => {
		const db = new SqliteDatabase(database.file, { readonly: true });
		try {
			return (db.prepare(sql).get() as { n: number }).n;
		} finally {
			db.close();
		}
	};

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file });
		const list = await providers(server.url);
		alex = list.find((p) => p.displayName === 'Dr. Alex Chen')!.id;
		lin = list.find((p) => p.displayName === 'Lin Zhao')!.id;
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
	});

	it('lists services with their qualified providers, and only those providers have slots', async () => {
		const services = (await (await fetch(`${server.url}/api/v1/services`)).json()) as { slug: string; providers: string[]; durationMinutes: number }[];
		expect(services.map((s) => s.slug)).toEqual(['initial-consultation', 'dry-needling', 'acupuncture', 'follow-up']);
		const dn = services.find((s) => s.slug === 'dry-needling')!;
		expect(dn.providers).toContain(alex);
		expect(dn.providers).not.toContain(lin);
		const slots = await freeSlots(server.url, 'dry-needling');
		expect(slots.length).toBeGreaterThan(50);
		expect(new Set(slots.map((s) => s.providerId))).not.toContain(lin);
		expect(slots.map((s) => s.start)).toEqual([...slots.map((s) => s.start)].sort((a, b) => Date.parse(a) - Date.parse(b)));
		expect(slots[0]!.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[45]:00$/);
		const response = await fetch(`${server.url}/api/v1/availability?service=acupuncture&from=${bostonDate()}&to=${bostonDate(3)}&provider=${alex}`);
		expect(response.status).toBe(422);
		expect(response.headers.get('content-type')).toContain('application/problem+json');
	});

	it('books with an Idempotency-Key once, however often the request is sent', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 2);
		const body = { service: 'initial-consultation', providerId: alex, start: slot!.start, patient: patient('idem'), note: 'Knee' };
		const key = randomUUID();
		const answers = await Promise.all([1, 2, 3].map(() => postJson(`${server.url}/api/v1/appointments`, body, { 'idempotency-key': key })));
		const bodies = await Promise.all(answers.map((r) => r.json()));
		expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
		expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
		expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
		expect(bodies[0]).toMatchObject({ service: 'initial-consultation', providerId: alex, start: slot!.start, end: slot!.end, status: 'booked' });
		expect(bodies[0].manageUrl).toMatch(new RegExp(`^${server.url}/appointments/manage/[A-Za-z0-9_-]{43}$`));
		const reused = await postJson(`${server.url}/api/v1/appointments`, { ...body, note: 'Other' }, { 'idempotency-key': key });
		expect(reused.status).toBe(422);
		const bad = await postJson(`${server.url}/api/v1/appointments`, body, { 'idempotency-key': 'x' });
		expect(bad.status).toBe(400);
		expect(count(`select count(*) as n from appointment where id = '${bodies[0].id}'`)).toBe(1);
	});

	it('gives one 201 and 49 409s to 50 simultaneous bookings of one time, 30- and 45-minute services mixed', async () => {
		const returning = await returningPatient(server.url, 'sqlite-returning');
		const slot = await slotForBoth(server.url, alex);
		const statuses = await race([server.url], alex, slot.start, 'sqlite', returning);
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(49);
		expect(count(`select count(*) as n from appointment where provider_id = '${alex}' and starts_at = '${new Date(slot.start).toISOString()}'`)).toBe(1);
		// The 409 says why and offers the nearest free times.
		const again = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slot.start, patient: patient('late') });
		const problem = await again.json();
		expect(again.status).toBe(409);
		expect(problem.alternatives.length).toBeGreaterThan(0);
		expect(problem.errors).toEqual([{ field: 'start', message: expect.any(String) }]);
	});

	it('refuses a follow-up to a brand-new patient with the consultation-first answer, and books it after an earlier visit', async () => {
		const [slot] = await freeSlots(server.url, 'follow-up', alex, 12, 14);
		const newcomer = patient('first-follow-up');
		const followUp = { service: 'follow-up', providerId: alex, start: slot!.start, patient: newcomer };
		const patients = count('select count(*) as n from patient');
		const refused = await postJson(`${server.url}/api/v1/appointments`, followUp);
		expect(refused.status).toBe(422);
		expect(refused.headers.get('content-type')).toContain('application/problem+json');
		const problem = await refused.json();
		expect(problem.consultation).toBe('initial-consultation');
		expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['service']);
		expect(count('select count(*) as n from patient')).toBe(patients);

		const [earlier] = await freeSlots(server.url, 'initial-consultation', alex, 10, 11);
		expect((await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: earlier!.start, patient: newcomer })).status).toBe(201);
		const booked = await postJson(`${server.url}/api/v1/appointments`, followUp);
		expect(booked.status).toBe(201);
		expect(await booked.json()).toMatchObject({ service: 'follow-up', providerId: alex, start: slot!.start, status: 'booked' });
	});

	it('refuses bad input with a clear 4xx, never a 500, and writes nothing', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 3);
		const good = { service: 'initial-consultation', providerId: alex, start: slot!.start, patient: patient('bad') };
		const before = [count('select count(*) as n from appointment'), count('select count(*) as n from patient')];
		const off = new Date(Date.parse(slot!.start) + 7 * 60_000).toISOString();
		const cases: Array<[string, unknown, number, string?]> = [
			['past', { ...good, start: '2020-01-06T09:00:00-05:00' }, 422, 'start'],
			['off the grid', { ...good, start: off }, 422, 'start'],
			['unknown provider', { ...good, providerId: 'nobody' }, 422, 'providerId'],
			['unqualified provider', { ...good, service: 'acupuncture', providerId: alex }, 422, 'providerId'],
			['malformed date', { ...good, start: '2026-13-45T09:00:00-05:00' }, 422, 'start'],
			['malformed email', { ...good, patient: { ...good.patient, email: 'nope' } }, 422, 'patient.email'],
			['malformed birth date', { ...good, patient: { ...good.patient, dateOfBirth: '14/03/1985' } }, 422, 'patient.dateOfBirth'],
			['wrong types', { ...good, start: 12, patient: 'x' }, 422],
			['array body', [good], 422],
			['huge note', { ...good, note: 'x'.repeat(15_000) }, 422, 'note']
		];
		for (const [what, body, status, field] of cases) {
			const response = await postJson(`${server.url}/api/v1/appointments`, body);
			const problem = await response.json();
			expect(response.status, what).toBe(status);
			expect(response.headers.get('content-type'), what).toContain('application/problem+json');
			if (field) expect(problem.errors.map((e: { field: string }) => e.field), what).toContain(field);
		}
		const huge = await postJson(`${server.url}/api/v1/appointments`, { ...good, note: 'x'.repeat(100_000) });
		expect(huge.status).toBe(413);
		const notJson = await fetch(`${server.url}/api/v1/appointments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"service":' });
		expect(notJson.status).toBe(400);
		const form = await fetch(`${server.url}/api/v1/appointments`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
		expect(form.status).toBe(415);
		for (const query of [
			`service=follow-up&from=${bostonDate()}&to=${bostonDate(70)}`,
			'service=follow-up&from=2026-02-30&to=2026-03-01',
			'service=follow-up&from=tomorrow&to=later',
			`service=Nope!&from=${bostonDate()}&to=${bostonDate(1)}`,
			`service=massage&from=${bostonDate()}&to=${bostonDate(1)}`,
			`service=follow-up&from=${bostonDate(5)}&to=${bostonDate(1)}`,
			'service=follow-up'
		]) {
			const response = await fetch(`${server.url}/api/v1/availability?${query}`);
			expect(response.status, query).toBe(422);
		}
		expect([count('select count(*) as n from appointment'), count('select count(*) as n from patient')]).toEqual(before);
	});

	it('answers 429 problem+json with Retry-After once one email has booked too often, and books nothing', async () => {
		const slots = await distinctSlots(server.url, 6, 8, 14);
		const statuses: number[] = [];
		let last: Response | undefined;
		for (const slot of slots) {
			last = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: patient('often') });
			statuses.push(last.status);
		}
		expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
		expect(last!.headers.get('content-type')).toContain('application/problem+json');
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(((await last!.json()) as { status: number }).status).toBe(429);
		expect(count(`select count(*) as n from patient p join appointment a on a.patient_id = p.id where p.email = 'patient.often@example.com'`)).toBe(5);
	});

	it('cancels and reschedules through the manage token, and only with it', async () => {
		const slots = await freeSlots(server.url, 'initial-consultation', alex, 4, 6);
		// A time two hours on, so the old and the new hour do not overlap.
		const target = slots.find((s) => Date.parse(s.start) >= Date.parse(slots[0]!.start) + 2 * 3_600_000)!;
		const booked = await (await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slots[0]!.start, patient: patient('manage') })).json();
		const token = booked.manageUrl.split('/').at(-1);
		const url = `${server.url}/api/v1/appointments/${booked.id}`;

		expect((await postJson(`${url}/reschedule`, { start: target.start, providerId: alex })).status).toBe(404);
		expect((await postJson(`${url}/reschedule`, { start: target.start, providerId: alex, token: 'A'.repeat(43) })).status).toBe(404);
		const offGrid = await postJson(`${url}/reschedule`, { start: '2020-01-06T09:00:00-05:00', providerId: alex }, { authorization: `Bearer ${token}` });
		expect(offGrid.status).toBe(422);
		const moved = await postJson(`${url}/reschedule`, { start: target.start, providerId: alex }, { authorization: `Bearer ${token}` });
		expect(moved.status).toBe(200);
		expect(await moved.json()).toMatchObject({ id: booked.id, start: target.start, status: 'booked' });
		// The old time is free again.
		expect((await freeSlots(server.url, 'initial-consultation', alex, 4, 6)).map((s) => s.start)).toContain(slots[0]!.start);

		const cancelled = await fetch(`${url}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
		expect(cancelled.status).toBe(200);
		expect((await cancelled.json()).status).toBe('cancelled');
		expect((await postJson(`${url}/cancel`, { token })).status).toBe(200);
		expect((await freeSlots(server.url, 'initial-consultation', alex, 4, 6)).map((s) => s.start)).toContain(target.start);
		expect(count(`select count(*) as n from appointment where manage_token_hash = '${token}'`)).toBe(0);
	});

	it('refuses online changes inside the cancellation window and says to call', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 6, 9);
		const booked = await (await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slot!.start, patient: patient('soon') })).json();
		const token = booked.manageUrl.split('/').at(-1);
		const db = new SqliteDatabase(database.file);
		db.prepare('update clinic set cancellation_notice_hours = 720').run();
		try {
			const response = await postJson(`${server.url}/api/v1/appointments/${booked.id}/cancel`, { token });
			expect(response.status).toBe(409);
			expect((await response.json()).title).toContain('(617) 555-0142');
			const move = await postJson(`${server.url}/api/v1/appointments/${booked.id}/reschedule`, { token, start: slot!.start, providerId: alex });
			expect(move.status).toBe(409);
		} finally {
			db.prepare('update clinic set cancellation_notice_hours = 24').run();
			db.close();
		}
		expect((await postJson(`${server.url}/api/v1/appointments/${booked.id}/cancel`, { token })).status).toBe(200);
	});
});

describe('durability of bookings', () => {
	it('keeps every booking that got a 201 when the server is killed with SIGKILL mid-stream', async () => {
		const database = tempDatabaseFile();
		let server = await startServer({ DATABASE_FILE: database.file });
		try {
			const list = await providers(server.url);
			const slots = (await Promise.all(list.map((p) => freeSlots(server.url, 'initial-consultation', p.id, 1, 40)))).flat();
			const acknowledged: string[] = [];
			let running = true;
			const stream = (async () => {
				for (let i = 0; running && i < slots.length; i++) {
					try {
						const response = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slots[i]!.providerId, start: slots[i]!.start, patient: patient(`kill-${i % 7}`) });
						if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
						else await response.body?.cancel();
					} catch {
						break; // the server died mid-request
					}
				}
			})();
			// Kill once a few bookings are acknowledged (a loaded machine may need more than a second).
			const deadline = Date.now() + 60_000;
			while (acknowledged.length <= 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			await new Promise((r) => setTimeout(r, 300));
			await server.kill();
			running = false;
			await stream;
			expect(acknowledged.length).toBeGreaterThan(5);

			server = await startServer({ DATABASE_FILE: database.file });
			const file = new SqliteDatabase(database.file, { readonly: true });
			const stored = new Set((file.prepare('select id from appointment').all() as { id: string }[]).map((r) => r.id));
			expect((file.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
			file.close();
			expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
			expect(stored.size - acknowledged.length).toBeLessThanOrEqual(1);
		} finally {
			await server.stop();
			database.cleanup();
		}
	});
});

const adminUrl = process.env.TEST_DATABASE_URL;
const required = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_POSTGRES === '1';

describe.skipIf(!adminUrl && !required)('booking on two app instances sharing PostgreSQL', () => {
	const name = `np_e2e_${randomBytes(5).toString('hex')}`;
	let first: RunningServer;
	let second: RunningServer;
	const admin = async (query: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		try {
			return await client.query(query);
		} finally {
			await client.end();
		}
	};

	beforeAll(async () => {
		if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: PostgreSQL is required here.');
		await admin(`create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		first = await startServer({ DATABASE_URL: url.toString(), ...VIA_PROXY });
		second = await startServer({ DATABASE_URL: url.toString(), ...VIA_PROXY });
	});
	afterAll(async () => {
		await Promise.all([first?.stop(), second?.stop()]);
		if (adminUrl) await admin(`drop database if exists ${name} with (force)`);
	});

	it('gives one 201 and 49 409s to 50 simultaneous bookings split across both instances', async () => {
		const alex = (await providers(first.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
		const returning = await returningPatient(first.url, 'pg-returning', fromVisitor());
		const slot = await slotForBoth(first.url, alex);
		const statuses = await race([first.url, second.url], alex, slot.start, 'pg', returning);
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(49);
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		const client = new pg.Client({ connectionString: url.toString() });
		await client.connect();
		try {
			const rows = await client.query('select count(*)::int as n from appointment where provider_id = $1 and starts_at = $2', [alex, new Date(slot.start)]);
			expect(rows.rows[0].n).toBe(1);
		} finally {
			await client.end();
		}
	});

	const query = async (text: string, values: unknown[] = []) => {
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		const client = new pg.Client({ connectionString: url.toString() });
		await client.connect();
		try {
			return (await client.query(text, values)).rows;
		} finally {
			await client.end();
		}
	};

	it('books 40 distinct slots at once across both instances: every one 201, no 5xx', async () => {
		const slots = await distinctSlots(first.url, 40, 3, 9);
		const statuses = await Promise.all(
			slots.map((slot, i) =>
				postJson(`${[first, second][i % 2]!.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: patient(`distinct-${i}`) }, fromVisitor()).then(
					async (r) => {
						await r.body?.cancel();
						return r.status;
					}
				)
			)
		);
		expect(statuses.filter((s) => s !== 201)).toEqual([]);
		expect(first.output() + second.output()).not.toContain('deadlock');
	});

	it('settles 10 cancel-versus-reschedule pairs across both instances one way each, with only the winner’s email', async () => {
		const slots = await distinctSlots(first.url, 20, 10, 16);
		const pairs = [];
		for (let i = 0; i < 10; i++) {
			const [from, to] = [slots[2 * i]!, slots[2 * i + 1]!];
			const response = await postJson(`${first.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: from.providerId, start: from.start, patient: patient(`pair-${i}`) }, fromVisitor());
			expect(response.status).toBe(201);
			const booked = (await response.json()) as { id: string; manageUrl: string };
			pairs.push({ id: booked.id, token: booked.manageUrl.split('/').at(-1)!, from, to });
		}
		const results = await Promise.all(
			pairs.map(async (p) => {
				const [cancel, move] = await Promise.all([
					postJson(`${first.url}/api/v1/appointments/${p.id}/cancel`, { token: p.token }, fromVisitor()),
					postJson(`${second.url}/api/v1/appointments/${p.id}/reschedule`, { token: p.token, start: p.to.start, providerId: p.to.providerId }, fromVisitor())
				]);
				await Promise.all([cancel.body?.cancel(), move.body?.cancel()]);
				return { ...p, cancel: cancel.status, move: move.status };
			})
		);
		for (const r of results) {
			expect([r.cancel, r.move].sort()).toEqual([200, 409]);
			const [row] = await query('select status, starts_at from appointment where id = $1', [r.id]);
			const emails = (await query(`select key from job where kind = 'appointment.email' and key like $1`, [`%${r.id}%`])).map((j: { key: string }) => j.key.split(':').at(-1)).sort();
			if (r.cancel === 200) {
				expect([row.status, new Date(row.starts_at).getTime()]).toEqual(['cancelled', Date.parse(r.from.start)]);
				expect(emails).toEqual(['booked', 'cancelled']);
			} else {
				expect([row.status, new Date(row.starts_at).getTime()]).toEqual(['booked', Date.parse(r.to.start)]);
				expect(emails).toEqual(['booked', 'rescheduled']);
			}
		}
	});
});
