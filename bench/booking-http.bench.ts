/**
 * POST /api/v1/appointments against the production build on SQLite (WAL, synchronous=FULL,
 * checked by the server at start): every request books a different free slot for a new patient,
 * so each is a full booking (slot re-check, patient insert, appointment, audit row, fsync).
 * Target: 200+ bookings/s sustained.
 *
 *   npx vite build && npx tsx bench/booking-http.bench.ts [seconds] [connections]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { formatInstant } from '../src/lib/server/scheduling/rfc3339';
import { addDays, localDateOf, localDays } from '../src/lib/server/scheduling/zoned-time';
import { ZONE, seedBookingBench } from './booking-fixture';
import { startBuiltServer } from './server';

const seconds = Number(process.argv[2] ?? 15);
const connections = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(os.tmpdir(), 'np-bench-'));
const file = join(dir, 'bench.db');
const { providers } = await seedBookingBench(file, 0, { horizonDays: 365 });

// Free slots that cannot clash with each other: a 30-minute visit plus 10 minutes of buffer every
// 45 minutes, per provider, from tomorrow on (the grid is every 15 minutes from 07:00).
const slots: { providerId: string; start: string }[] = [];
const from = addDays(localDateOf(Date.now(), ZONE), 1);
for (const day of localDays(ZONE, from, addDays(from, 360))) {
	for (let minute = 7 * 60; minute + 40 <= 21 * 60; minute += 45) {
		for (const providerId of providers) slots.push({ providerId, start: formatInstant(day.startMs + minute * 60_000, ZONE) });
	}
}
/** What one durable commit costs on this disk right now (WAL + synchronous=FULL, one row each). */
function commitProbe(): number {
	const probe = new SqliteDatabase(join(dir, 'probe.db'));
	probe.pragma('journal_mode = WAL');
	probe.pragma('synchronous = FULL');
	probe.exec('create table t (x integer)');
	const insert = probe.prepare('insert into t values (?)');
	const started = performance.now();
	for (let i = 0; i < 200; i++) insert.run(i);
	const perCommit = (performance.now() - started) / 200;
	probe.close();
	return perCommit;
}

let next = 0;
// Every request comes from its own (made-up) client address, as real visitors would: one address is
// limited to a few bookings an hour (booking-limits.ts), which is not what this measures.
const server = await startBuiltServer({ DATABASE_FILE: file, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
try {
	console.log(`${slots.length} distinct slots prepared; ${connections} connections for ${seconds} s`);
	console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	console.log(`one durable commit on this disk now: ${commitProbe().toFixed(2)} ms (WAL, synchronous=FULL)`);
	const result = await autocannon({
		url: `${server.url}/api/v1/appointments`,
		connections,
		duration: seconds,
		requests: [
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				setupRequest: (request) => {
					const i = next++;
					const slot = slots[i % slots.length]!;
					return {
						...request,
						headers: { ...request.headers, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
						body: JSON.stringify({
							service: 'follow-up',
							providerId: slot.providerId,
							start: slot.start,
							patient: { firstName: 'Bench', lastName: `Booker ${i}`, email: `booker.${i}@example.com`, phone: '(617) 555-0100', dateOfBirth: '1980-01-01' }
						})
					};
				}
			}
		]
	});
	const created = result['2xx'];
	console.log(`requests: ${result.requests.total} (${created} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`);
	console.log(`bookings/s: ${(created / seconds).toFixed(1)} (req/s average ${result.requests.average}, min ${result.requests.min})`);
	console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
	console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const db = new SqliteDatabase(file, { readonly: true });
	const rows = (db.prepare('select count(*) as n from appointment').get() as { n: number }).n;
	const sync = db.pragma('synchronous', { simple: true });
	db.close();
	console.log(`appointments stored: ${rows}; journal WAL, server checked synchronous=FULL at start (this read-only handle reports ${String(sync)})`);
	console.log(created / seconds >= 200 ? 'OK: 200+ bookings/s' : 'BELOW TARGET (200 bookings/s)');
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
