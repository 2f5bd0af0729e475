/**
 * In-process benchmark of the availability engine: 4 weeks × 4 providers against 2,000 existing
 * appointments, America/New_York. Target: median ≤ 5 ms on a 2-core machine.
 *
 *   npx tsx bench/availability.bench.ts
 *
 * The fixture is deterministic (seeded PRNG, fixed `now`), so runs differ only by the machine.
 * 2,000 appointments are more than four calendars of ~44 h a week can hold, so they overlap
 * (like a messy import would) and leave few free slots: a stress case for the busy-time sweep.
 * Response formatting (RFC 3339 strings) is timed separately: it is the route's cost, not the
 * engine's.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type AvailabilityInput, computeAvailability } from '../src/lib/server/scheduling/availability';
import { toAvailabilityResponse } from '../src/lib/server/scheduling/availability-api';
import type { BusyAppointment, Schedule, WeeklyHours } from '../src/lib/server/scheduling/schedule';
import { localDays } from '../src/lib/server/scheduling/zoned-time';

const ZONE = 'America/New_York';
const FROM = '2026-06-08'; // a Monday
const TO = '2026-07-05'; // four full weeks later, a Sunday
const NOW_MS = Date.parse('2026-06-05T12:00:00-04:00'); // fixed: the Friday before
const APPOINTMENTS = 2_000;
const WARMUP_RUNS = 50;
const TIMED_RUNS = 200;

/** mulberry32: small, fast, and the same sequence everywhere for a given seed. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick from an empty list');
	return item;
}

const providers = ['prov-amara', 'prov-ben', 'prov-chen', 'prov-dana'];

/** Mon–Fri days with a lunch gap (as two ranges or as a break) and a Saturday morning. */
function weeklyHours(): WeeklyHours[] {
	const rows: WeeklyHours[] = [];
	const shapes: [string, string, string, string][] = [
		['08:00', '12:00', '13:00', '17:00'],
		['09:00', '13:00', '14:00', '18:00'],
		['07:30', '11:30', '12:30', '16:30'],
		['10:00', '14:00', '14:30', '19:00']
	];
	providers.forEach((providerId, index) => {
		const [a, b, c, d] = shapes[index]!;
		const locationId = index % 2 === 0 ? 'back-bay' : 'cambridge';
		for (let weekday = 1; weekday <= 5; weekday++) {
			if (index === 3) {
				// One provider keeps a single long range and a recurring break instead of two ranges.
				rows.push({ providerId, locationId, weekday, start: a, end: d });
			} else {
				rows.push({ providerId, locationId, weekday, start: a, end: b });
				rows.push({ providerId, locationId, weekday, start: c, end: d });
			}
		}
		rows.push({ providerId, locationId, weekday: 6, start: '09:00', end: '13:00' });
	});
	return rows;
}

function buildSchedule(): Schedule {
	const weekly = weeklyHours();
	return {
		weeklyHours: weekly,
		breaks: [1, 2, 3, 4, 5].map((weekday) => ({ providerId: 'prov-dana', weekday, start: '14:00', end: '14:30' })),
		overrides: [
			{ kind: 'time_off', providerId: 'prov-ben', date: '2026-06-17' },
			{ kind: 'time_off', providerId: 'prov-chen', date: '2026-06-24', start: '07:30', end: '10:00' },
			{ kind: 'extra_hours', providerId: 'prov-amara', locationId: 'back-bay', date: '2026-06-14', start: '10:00', end: '14:00' }
		],
		// Independence Day falls on a Saturday in 2026; the clinic closes on the Friday instead.
		closures: [{ date: '2026-07-03' }, { date: '2026-07-04' }]
	};
}

/** Appointments placed at random inside each provider's working ranges, on a 5-minute grid. */
function buildAppointments(schedule: Schedule): BusyAppointment[] {
	const random = prng(0x5eed_2026);
	const days = localDays(ZONE, FROM, TO);
	const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	const appointments: BusyAppointment[] = [];
	while (appointments.length < APPOINTMENTS) {
		const providerId = pick(random, providers);
		const day = pick(random, days);
		const ranges = schedule.weeklyHours.filter((r) => r.providerId === providerId && r.weekday === day.weekday);
		if (ranges.length === 0) continue;
		const range = pick(random, ranges);
		const duration = pick(random, [30, 30, 45, 45, 60]);
		const latest = toMinutes(range.end) - duration;
		const first = toMinutes(range.start);
		if (latest < first) continue;
		const startMinute = first + Math.floor(random() * ((latest - first) / 5 + 1)) * 5;
		const startMs = day.startMs + startMinute * 60_000; // no DST change in this window
		appointments.push({
			providerId,
			startMs,
			endMs: startMs + duration * 60_000,
			bufferBeforeMinutes: pick(random, [0, 5]),
			bufferAfterMinutes: pick(random, [0, 5, 10])
		});
	}
	return appointments;
}

function percentile(sorted: readonly number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

function time(label: string, fn: () => unknown): { median: number; p95: number; min: number; max: number } {
	for (let i = 0; i < WARMUP_RUNS; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < TIMED_RUNS; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	const stats = { median: percentile(samples, 50), p95: percentile(samples, 95), min: samples[0]!, max: samples.at(-1)! };
	const ms = (n: number) => `${n.toFixed(3)} ms`;
	console.log(`${label.padEnd(40)} median ${ms(stats.median)}  p95 ${ms(stats.p95)}  min ${ms(stats.min)}  max ${ms(stats.max)}`);
	return stats;
}

const schedule = buildSchedule();
const appointments = buildAppointments(schedule);
const input: AvailabilityInput = {
	schedule,
	service: { durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, slotIntervalMinutes: 15 },
	appointments,
	query: { zone: ZONE, fromDate: FROM, toDate: TO, nowMs: NOW_MS, providers }
};

const reference = computeAvailability(input);
const empty = computeAvailability({ ...input, appointments: [] });
const cpus = os.cpus();

console.log('availability engine benchmark');
console.log(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU(s): ${cpus[0]?.model ?? 'unknown'}`);
console.log(
	`fixture: ${providers.length} providers, ${FROM}..${TO} (${localDays(ZONE, FROM, TO).length} days, ${ZONE}), ` +
		`${appointments.length} appointments, 30-min service, 15-min grid, buffers 5/10`
);
console.log(`slots: ${reference.length} (${empty.length} with no appointments)`);
console.log(`runs: ${WARMUP_RUNS} warm-up, ${TIMED_RUNS} timed`);

const engine = time('computeAvailability', () => {
	const slots = computeAvailability(input);
	if (slots.length !== reference.length) throw new Error('non-deterministic result');
});
// 2,000 appointments fill most of these four calendars, so few slots survive; the empty calendar
// shows the cost when every candidate becomes a slot, and gives the formatter a full month.
const emptyInput = { ...input, appointments: [] };
time('computeAvailability (no appointments)', () => computeAvailability(emptyInput));
time(`toAvailabilityResponse (${empty.length} slots)`, () => toAvailabilityResponse(empty, ZONE));

const budget = 5;
console.log(engine.median <= budget ? `OK: median within ${budget} ms` : `OVER BUDGET: median above ${budget} ms`);
if (engine.median > budget) process.exitCode = 1;
