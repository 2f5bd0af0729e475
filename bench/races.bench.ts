/**
 * Booking races at full size against the production build (`node build`):
 *
 *   1. one slot, 1,000 simultaneous POST /api/v1/appointments: on SQLite (one instance) and on two
 *      instances sharing one PostgreSQL database (500 each) — exactly one 201 expected;
 *   2. 300 distinct, non-overlapping slots booked at once over the two PostgreSQL instances —
 *      every one 201, zero 5xx expected;
 *   3. 100 cancel + reschedule pairs through the manage token, each pair sent at the same moment
 *      (cancel to one instance, reschedule to the other) — on PostgreSQL and on SQLite; each
 *      appointment must end cancelled at its original time or moved and live, never both, with
 *      exactly the winner's email queued.
 *
 * Each request comes from its own made-up client address (X-Forwarded-For, read by the servers),
 * as distinct visitors would, so the per-address booking limit is not what is measured.
 *
 *   npx vite build && TEST_DATABASE_URL=postgres://… npx tsx bench/races.bench.ts [sameSlot] [distinct] [pairs]
 *
 * (defaults 1000 300 100; 0 skips that part).
 *
 * TEST_DATABASE_URL is an admin URL (scripts/test-postgres.sh prints one); a database is created
 * for the run and dropped after. Without it, only the SQLite parts run.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { freeSlots, patient, postJson, providers, type Slot } from '../tests/e2e/support/booking';
import { startServer, tempDatabaseFile, type RunningServer } from '../tests/e2e/support/server';

const SAME_SLOT = Number(process.argv[2] ?? 1000);
const DISTINCT = Number(process.argv[3] ?? 300);
const PAIRS = Number(process.argv[4] ?? 100);
const adminUrl = process.env.TEST_DATABASE_URL;
const VIA_PROXY = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

let visitor = 0;
const fromVisitor = () => ({ 'x-forwarded-for': `10.${(++visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` });
/** A label as it can appear in an email address. */
const tag = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

type Tally = Record<string, number>;
function tally(statuses: number[]): Tally {
	const out: Tally = {};
	for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
	return out;
}
const fiveXX = (t: Tally) => Object.entries(t).reduce((n, [s, c]) => n + (Number(s) >= 500 ? c : 0), 0);

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
	try {
		const response = await postJson(url, body, fromVisitor());
		const text = await response.text();
		return { status: response.status, json: text ? JSON.parse(text) : null };
	} catch {
		return { status: 0, json: null }; // connection refused or reset: counted apart
	}
}

/** Slots for 'follow-up' (30 min, 10 min buffer) at least an hour apart per provider: none overlap. */
async function distinctSlots(url: string, count: number): Promise<Slot[]> {
	const last = new Map<string, number>();
	const chosen: Slot[] = [];
	// From the day after tomorrow: every slot is outside the 24-hour notice, so online changes are open.
	for (const slot of await freeSlots(url, 'follow-up', undefined, 2, 58)) {
		const at = Date.parse(slot.start);
		if (at - (last.get(slot.providerId) ?? -Infinity) < 3_600_000) continue;
		last.set(slot.providerId, at);
		chosen.push(slot);
	}
	if (chosen.length < count) throw new Error(`only ${chosen.length} non-overlapping slots available, ${count} asked`);
	// Spread over the whole range rather than the first days only.
	const step = chosen.length / count;
	return Array.from({ length: count }, (_, i) => chosen[Math.floor(i * step)]!);
}

async function sameSlot(label: string, servers: RunningServer[]): Promise<void> {
	const alex = (await providers(servers[0]!.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
	const [slot] = await freeSlots(servers[0]!.url, 'follow-up', alex, 5, 6);
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: SAME_SLOT }, (_, i) =>
			post(`${servers[i % servers.length]!.url}/api/v1/appointments`, { service: 'follow-up', providerId: alex, start: slot!.start, patient: patient(`same-${tag(label)}-${i}`) })
		)
	);
	const t = tally(results.map((r) => r.status));
	console.log(`same slot, ${SAME_SLOT} at once, ${label}: ${JSON.stringify(t)} in ${((performance.now() - started) / 1000).toFixed(1)} s; 5xx: ${fiveXX(t)}; winners: ${t[201] ?? 0}`);
}

async function distinct(label: string, servers: RunningServer[]): Promise<void> {
	const slots = await distinctSlots(servers[0]!.url, DISTINCT);
	const started = performance.now();
	const results = await Promise.all(
		slots.map((slot, i) =>
			post(`${servers[i % servers.length]!.url}/api/v1/appointments`, { service: 'follow-up', providerId: slot.providerId, start: slot.start, patient: patient(`distinct-${tag(label)}-${i}`) })
		)
	);
	const t = tally(results.map((r) => r.status));
	console.log(`distinct slots, ${DISTINCT} at once, ${label}: ${JSON.stringify(t)} in ${((performance.now() - started) / 1000).toFixed(1)} s; 5xx: ${fiveXX(t)}`);
}

type Row = { status: string; startsAt: number; emails: string[] };

async function pairs(label: string, servers: RunningServer[], read: (id: string) => Promise<Row>): Promise<void> {
	const slots = await distinctSlots(servers[0]!.url, 2 * PAIRS);
	const booked: { id: string; token: string; from: Slot; to: Slot }[] = [];
	for (let i = 0; i < PAIRS; i++) {
		const [from, to] = [slots[2 * i]!, slots[2 * i + 1]!];
		const r = await post(`${servers[0]!.url}/api/v1/appointments`, { service: 'follow-up', providerId: from.providerId, start: from.start, patient: patient(`pair-${tag(label)}-${i}`) });
		if (r.status !== 201) throw new Error(`setup booking answered ${r.status}`);
		const json = r.json as { id: string; manageUrl: string };
		booked.push({ id: json.id, token: json.manageUrl.split('/').at(-1)!, from, to });
	}
	const started = performance.now();
	const outcomes = await Promise.all(
		booked.map(async (b) => {
			const [cancel, move] = await Promise.all([
				post(`${servers[0]!.url}/api/v1/appointments/${b.id}/cancel`, { token: b.token }),
				post(`${servers[servers.length - 1]!.url}/api/v1/appointments/${b.id}/reschedule`, { token: b.token, start: b.to.start, providerId: b.to.providerId })
			]);
			return { ...b, cancel: cancel.status, move: move.status };
		})
	);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	let cancelWon = 0;
	let moveWon = 0;
	let bothOk = 0;
	let cancelledAndMoved = 0;
	let wrongEmails = 0;
	for (const o of outcomes) {
		if (o.cancel === 200 && o.move === 200) bothOk++;
		const row = await read(o.id);
		const moved = row.startsAt !== Date.parse(o.from.start);
		if (row.status === 'cancelled' && moved) cancelledAndMoved++;
		const expected = row.status === 'cancelled' ? ['booked', 'cancelled'] : ['booked', 'rescheduled'];
		if (JSON.stringify(row.emails) !== JSON.stringify(expected)) wrongEmails++;
		if (row.status === 'cancelled' && !moved) cancelWon++;
		if (row.status === 'booked' && moved) moveWon++;
	}
	const statuses = tally(outcomes.flatMap((o) => [o.cancel, o.move]));
	console.log(
		`cancel vs reschedule, ${PAIRS} pairs, ${label}: answers ${JSON.stringify(statuses)} in ${seconds} s; cancel won ${cancelWon}, move won ${moveWon}; ` +
			`both answered 200: ${bothOk}; cancelled AND moved: ${cancelledAndMoved}; appointments with other than the winner's email: ${wrongEmails}`
	);
}

const emailsOf = (keys: string[]) => keys.map((k) => k.split(':').at(-1)!).sort();

console.log(`node ${process.version}, ${os.cpus().length} CPUs; load average before: ${load()}`);

// SQLite, one instance.
{
	const database = tempDatabaseFile();
	const server = await startServer({ DATABASE_FILE: database.file, ...VIA_PROXY });
	try {
		if (SAME_SLOT > 0) await sameSlot('SQLite, one instance', [server]);
		if (PAIRS > 0) await pairs('SQLite, one instance', [server], async (id) => {
			const db = new SqliteDatabase(database.file, { readonly: true });
			try {
				const row = db.prepare('select status, starts_at as startsAt from appointment where id = ?').get(id) as { status: string; startsAt: string };
				const keys = (db.prepare(`select key from job where kind = 'appointment.email' and key like ?`).all(`%${id}%`) as { key: string }[]).map((r) => r.key);
				return { status: row.status, startsAt: Date.parse(row.startsAt), emails: emailsOf(keys) };
			} finally {
				db.close();
			}
		});
	} finally {
		await server.stop();
		database.cleanup();
	}
	console.log(`load average: ${load()}`);
}

if (adminUrl) {
	const name = `np_races_${randomBytes(5).toString('hex')}`;
	const admin = async (text: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	};
	await admin(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const client = new pg.Client({ connectionString: url.toString() });
	const servers: RunningServer[] = [];
	try {
		servers.push(await startServer({ DATABASE_URL: url.toString(), ...VIA_PROXY }));
		servers.push(await startServer({ DATABASE_URL: url.toString(), ...VIA_PROXY }));
		await client.connect();
		if (SAME_SLOT > 0) await sameSlot('PostgreSQL, two instances', servers);
		if (DISTINCT > 0) await distinct('PostgreSQL, two instances', servers);
		if (PAIRS > 0) await pairs('PostgreSQL, two instances', servers, async (id) => {
			const row = (await client.query('select status, starts_at from appointment where id = $1', [id])).rows[0] as { status: string; starts_at: Date };
			const keys = (await client.query(`select key from job where kind = 'appointment.email' and key like $1`, [`%${id}%`])).rows.map((r: { key: string }) => r.key);
			return { status: row.status, startsAt: row.starts_at.getTime(), emails: emailsOf(keys) };
		});
		const logs = servers.map((s) => s.output()).join('\n');
		console.log(`server log lines mentioning a deadlock: ${logs.split('\n').filter((l) => /deadlock/i.test(l)).length}; 'unavailable' answers logged: ${logs.split('\n').filter((l) => /unavailable/i.test(l)).length}`);
	} finally {
		await client.end().catch(() => undefined);
		await Promise.all(servers.map((s) => s.stop()));
		await admin(`drop database if exists ${name} with (force)`);
	}
} else {
	console.log('TEST_DATABASE_URL not set: PostgreSQL parts skipped.');
}
console.log(`load average after: ${load()}`);
