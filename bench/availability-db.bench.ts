/**
 * The availability service in-process, as GET /api/v1/availability runs it minus HTTP: five
 * indexed queries on a SQLite database with 2,000 appointments, the engine, and RFC 3339
 * formatting. 4 weeks × 4 providers (the follow-up visit, which all four clinicians deliver).
 *
 *   npx tsx bench/availability-db.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { anonymous } from '../src/lib/server/auth/actor';
import { systemClock } from '../src/lib/server/clock';
import { loadConfig } from '../src/lib/server/config';
import type { Ctx } from '../src/lib/server/context';
import { openDatabase } from '../src/lib/server/db/database';
import { memoryMailer } from '../src/lib/server/mail/mail';
import { getAvailability } from '../src/lib/server/scheduling/availability.service';
import { benchRange, seedBookingBench } from './booking-fixture';

const WARMUP = 50;
const RUNS = 300;
const dir = mkdtempSync(join(os.tmpdir(), 'np-bench-'));
const file = join(dir, 'bench.db');
await seedBookingBench(file, 2000);
const database = openDatabase({ engine: 'sqlite', file });
const ctx: Ctx = {
	actor: anonymous,
	db: database.db,
	clock: systemClock,
	log: pino({ level: 'silent' }),
	config: loadConfig({ NODE_ENV: 'test' }),
	mail: memoryMailer(),
	requestId: 'bench',
	client: { ip: null, userAgent: null }
};
const { from, to } = benchRange();
const query = { service: 'follow-up', from, to };
const first = await getAvailability(ctx, query);
for (let i = 0; i < WARMUP; i++) await getAvailability(ctx, query);
const samples: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const start = performance.now();
	await getAvailability(ctx, query);
	samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
console.log('availability service (database + engine + formatting), in-process');
console.log(`node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`range ${from}..${to}, 4 providers, 2000 appointments, ${first.slots.length} free slots returned`);
console.log(`median ${at(50).toFixed(2)} ms  p95 ${at(95).toFixed(2)} ms  p99 ${at(99).toFixed(2)} ms  (${RUNS} runs after ${WARMUP} warm-up)`);
await database.close();
rmSync(dir, { recursive: true, force: true });
