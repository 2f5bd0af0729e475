import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/server/clock';
import { openDatabase, type Database } from '../../src/lib/server/db/database';
import { bookFirstFree, frontDeskCtx } from '../../src/lib/server/testing/bookings';
import { bostonDate } from './support/booking';
import { countEml, expectedMessageIds, jobCounts, readOutbox, waitFor, type Booked } from './support/notices';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The bookings fall on the next four clinic days (a weekend leaves some empty), so a reminder this
 * many hours ahead is due for every one of them: with the bookings made "six days ago", each
 * confirmation and reminder is due at once.
 */
const REMINDER_HOURS = 5 * 24;

/**
 * Books `count` appointments through the real staff booking service (the slot check, the guard,
 * the audit row, the notices: one transaction), each at the first free time of any clinician,
 * a few milliseconds apart, with the service's clock six days back.
 */
async function streamBookings(database: Database, count: number, gapMs: number, booked: Booked[]): Promise<void> {
	await database.db.updateTable('clinic').set({ firstReminderHours: REMINDER_HOURS, secondReminderHours: null }).execute();
	const desk = await frontDeskCtx(database.db, fixedClock(new Date(Date.now() - 6 * DAY)));
	for (let i = 0; i < count; i++) {
		const patient = { firstName: 'Kim', lastName: `Patient ${i}`, email: `stream.${i}@example.com`, phone: '617-555-0100', dateOfBirth: '1980-02-02' };
		const { id, startsAt } = await bookFirstFree(desk, { from: bostonDate(1), to: bostonDate(4), patient });
		booked.push({ id, startsAt });
		await sleep(gapMs);
	}
}

/** Every expected message is in the outbox exactly once, and nothing else is. */
function expectExactlyOnce(outbox: string, booked: Booked[], host: string): void {
	const expected = expectedMessageIds(booked, host, REMINDER_HOURS);
	const seen = new Map<string, number>();
	for (const message of readOutbox(outbox)) {
		const id = message.headers['message-id'] ?? '';
		seen.set(id, (seen.get(id) ?? 0) + 1);
	}
	const problems: string[] = [];
	for (const [id, what] of expected) if (seen.get(id) !== 1) problems.push(`${what}: ${seen.get(id) ?? 0} times`);
	for (const id of seen.keys()) if (!expected.has(id)) problems.push(`unexpected message ${id}`);
	expect(problems).toEqual([]);
}

describe('reminders and confirmations across kill -9 (SQLite)', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer | undefined;
	let db: Database | undefined;
	afterAll(async () => {
		await server?.stop();
		await db?.close();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	it('sends each confirmation and reminder exactly once when the server is killed mid-stream', async () => {
		const env = { DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '0.2', JOB_LEASE_SECONDS: '5' };
		server = await startServer(env);
		db = openDatabase({ engine: 'sqlite', file: database.file });
		const booked: Booked[] = [];
		const total = 60;
		const stream = streamBookings(db, total, 15, booked);

		await waitFor('the first emails', () => countEml(outbox) >= 12, 30_000);
		await server.kill();
		const atKill = countEml(outbox);
		const inFlight = await db.db.selectFrom('job').select('id').where('status', '=', 'running').execute();
		const midSend = await db.db.selectFrom('notificationDelivery').select('key').where('state', '=', 'sending').execute();
		server = await startServer(env);
		await stream;
		await waitFor('every job to finish', async () => (await jobCounts(db!.db)).open === 0);

		expect(atKill).toBeLessThan(2 * total);
		expect(booked).toHaveLength(total);
		expect(await jobCounts(db.db)).toEqual({ open: 0, failed: 0 });
		expectExactlyOnce(outbox, booked, '127.0.0.1');
		const unknown = await db.db.selectFrom('notificationDelivery').select('key').where('state', '<>', 'sent').execute();
		expect(unknown).toEqual([]);
		process.stdout.write(
			`  kill -9 after ${atKill} of ${2 * total} emails; the killed process held ${inFlight.length} jobs, ${midSend.length} of them between "sending" and "sent"\n`
		);

		// The invite in a confirmation carries the booked instant.
		const first = booked[0]!;
		const confirmation = readOutbox(outbox).find((m) => m.headers.subject?.startsWith('Appointment confirmed') && m.parts.some((p) => p.text.includes(first.id)));
		const ics = confirmation?.parts.find((p) => p.contentType === 'text/calendar');
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.text)).getFirstSubcomponent('vevent')!);
		expect(event.startDate.toJSDate().getTime()).toBe(first.startsAt.getTime());
	});
});

const adminUrl = process.env.TEST_DATABASE_URL;
const postgresRequired = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_POSTGRES === '1';
if (!adminUrl && !postgresRequired) {
	process.stderr.write('\n*** PostgreSQL notification tests are SKIPPED: TEST_DATABASE_URL is not set. ***\n\n');
}

describe.skipIf(!adminUrl && !postgresRequired)('two app instances sending from one PostgreSQL database', () => {
	const name = `np_e2e_${randomBytes(5).toString('hex')}`;
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	const servers: RunningServer[] = [];
	let db: Database | undefined;
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await db?.close();
		if (adminUrl) await adminQuery(`drop database if exists ${name} with (force)`);
		rmSync(outbox, { recursive: true, force: true });
	});

	async function adminQuery(query: string): Promise<void> {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	}

	it('never sends a notice twice, even when one instance is killed mid-stream', async () => {
		if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: PostgreSQL is required here.');
		await adminQuery(`create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		// One shared outbox, as one shared mail server would be.
		const env = { DATABASE_URL: url.toString(), OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '0.2', JOB_LEASE_SECONDS: '5' };
		servers.push(...(await Promise.all([startServer(env), startServer(env)])));
		db = openDatabase({ engine: 'postgres', url: url.toString() });
		const booked: Booked[] = [];
		const total = 60;
		const stream = streamBookings(db, total, 10, booked);
		await waitFor('the first emails', () => countEml(outbox) >= 20, 30_000);
		await servers[0]!.kill();
		const atKill = countEml(outbox);
		await stream;
		await waitFor('every job to finish', async () => (await jobCounts(db!.db)).open === 0);

		expect(await jobCounts(db.db)).toEqual({ open: 0, failed: 0 });
		expectExactlyOnce(outbox, booked, '127.0.0.1');
		process.stdout.write(`  PostgreSQL: instance 1 killed after ${atKill} of ${2 * total} emails; instance 2 sent the rest\n`);
	});
});
