/**
 * Seeds a SQLite database for the booking benchmarks: the Boston Spine demo clinic, the four
 * clinicians who deliver follow-up visits working 07:00–21:00 every day, and (optionally) a number
 * of existing appointments spread at random over the next four weeks, written straight to the
 * table (the no-overlap triggers still check every row).
 *
 *   npx tsx bench/booking-fixture.ts <file.db> [appointments]
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { systemClock } from '../src/lib/server/clock';
import { openDatabase } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoClinic } from '../src/lib/server/demo/demo-clinic';
import { addDays, localDateOf, localDays } from '../src/lib/server/scheduling/zoned-time';

export const ZONE = 'America/New_York';
export const BENCH_DAYS = 28;
const SLOT_MS = 30 * 60_000;

/** The first bookable day (tomorrow in Boston) and the last of the four weeks. */
export function benchRange(nowMs = Date.now()): { from: string; to: string } {
	const from = addDays(localDateOf(nowMs, ZONE), 1);
	return { from, to: addDays(from, BENCH_DAYS - 1) };
}

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

export async function seedBookingBench(file: string, appointments: number, options: { horizonDays?: number } = {}): Promise<{ providers: string[] }> {
	rmSync(file, { force: true });
	rmSync(`${file}-wal`, { force: true });
	rmSync(`${file}-shm`, { force: true });
	const database = openDatabase({ engine: 'sqlite', file });
	const db = database.db;
	try {
		await migrateToLatest(db);
		await seedDemoClinic(db, systemClock);
		const service = await db.selectFrom('service').select(['id', 'clinicId']).where('slug', '=', 'follow-up').executeTakeFirstOrThrow();
		await db
			.updateTable('service')
			.set({ minNoticeMinutes: 0, horizonDays: options.horizonDays ?? 60 })
			.where('id', '=', service.id)
			.execute();
		const location = (await db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
		const providers = (
			await db.selectFrom('staff').select('id').where('role', '=', 'clinician').orderBy('name').execute()
		).map((r) => r.id);
		await db.deleteFrom('providerHours').execute();
		await db.deleteFrom('providerBreak').execute();
		for (const staffId of providers) {
			for (let weekday = 1; weekday <= 7; weekday++) {
				await db.insertInto('providerHours').values({ id: randomUUID(), staffId, locationId: location, weekday, starts: '07:00', ends: '21:00' }).execute();
			}
		}

		// Every free 30-minute position of every provider over the four weeks, then a random subset.
		const { from, to } = benchRange();
		const positions: { providerId: string; startMs: number }[] = [];
		for (const day of localDays(ZONE, from, to)) {
			for (const providerId of providers) {
				for (let minute = 7 * 60; minute + 30 <= 21 * 60; minute += 30) positions.push({ providerId, startMs: day.startMs + minute * 60_000 });
			}
		}
		const random = prng(0x2026);
		for (let i = positions.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[positions[i], positions[j]] = [positions[j]!, positions[i]!];
		}
		if (appointments > positions.length) throw new Error(`only ${positions.length} positions for ${appointments} appointments`);
		const now = new Date().toISOString();
		const patients = Array.from({ length: Math.min(500, Math.max(1, appointments)) }, (_, i) => ({
			id: randomUUID(),
			clinicId: service.clinicId,
			firstName: 'Bench',
			lastName: `Patient ${i}`,
			email: `bench.${i}@example.com`,
			phone: '(617) 555-0100',
			dateOfBirth: '1980-01-01',
			mergedIntoId: null,
			createdAt: now,
			updatedAt: now
		}));
		await db.transaction().execute(async (trx) => {
			for (const p of patients) await trx.insertInto('patient').values(p).execute();
			for (let i = 0; i < appointments; i++) {
				const { providerId, startMs } = positions[i]!;
				const iso = (ms: number) => new Date(ms).toISOString();
				await trx
					.insertInto('appointment')
					.values({
						id: randomUUID(),
						clinicId: service.clinicId,
						serviceId: service.id,
						providerId,
						locationId: location,
						patientId: patients[i % patients.length]!.id,
						startsAt: iso(startMs),
						endsAt: iso(startMs + SLOT_MS),
						blockedFrom: iso(startMs),
						blockedUntil: iso(startMs + SLOT_MS),
						source: 'online',
						createdAt: now,
						updatedAt: now
					})
					.execute();
			}
		});
		return { providers };
	} finally {
		await database.close();
	}
}

if (process.argv[1]?.endsWith('booking-fixture.ts')) {
	const file = process.argv[2];
	if (!file) throw new Error('usage: booking-fixture.ts <file.db> [appointments]');
	const count = Number(process.argv[3] ?? 2000);
	await seedBookingBench(file, count);
	console.log(`seeded ${file} with ${count} appointments`);
}
