import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import type { DB } from '../db/schema';
import { isPostgres, writeTransaction } from '../db/write-transaction';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW } from '../testing/test-context';
import { LeaseLostError, PermanentJobError } from './job';
import { cancelQueuedJobs, claimJobs, completeJob, enqueueJob, findJobByKey, listJobs } from './job.repository';
import { createJobWorker, type JobHandler } from './worker';

const log = pino({ level: 'silent' });
const MINUTE = 60_000;
const LEASE = 2 * MINUTE;

/** A stand-in for a handler's effect in the database, to check it commits with "done". */
async function effects(db: Kysely<DB>): Promise<string[]> {
	const rows = await sql<{ key: string }>`select key from job_test_effect order by key`.execute(db);
	return rows.rows.map((r) => r.key);
}

describeEachEngine('durable job queue', (handle) => {
	beforeAll(async () => {
		await sql`create table job_test_effect (key text primary key)`.execute(handle.db);
	});
	beforeEach(async () => {
		await sql`delete from job_test_effect`.execute(handle.db);
		await handle.db.deleteFrom('job').execute();
	});

	const claimOptions = (workerId: string, now: Date, limit = 10) => ({ workerId, now, leaseMs: LEASE, limit, kinds: ['test'] });

	it('enqueues once per key, and only when the surrounding transaction commits', async () => {
		const job = { kind: 'test', key: 'k1', runAt: TEST_NOW, payload: { n: 1 }, now: TEST_NOW };
		expect(await enqueueJob(handle.db, job)).toBe(true);
		expect(await enqueueJob(handle.db, { ...job, payload: { n: 2 } })).toBe(false);
		await expect(
			writeTransaction(handle.db, async (trx) => {
				await enqueueJob(trx, { ...job, key: 'k2' });
				throw new Error('booking failed');
			})
		).rejects.toThrow('booking failed');
		const jobs = await listJobs(handle.db);
		expect(jobs.map((j) => [j.key, j.payload, j.status, j.attempts])).toEqual([['k1', { n: 1 }, 'queued', 0]]);
	});

	it('claims only due jobs, counts the attempt, and holds them under a lease', async () => {
		await enqueueJob(handle.db, { kind: 'test', key: 'due', runAt: TEST_NOW, payload: {} });
		await enqueueJob(handle.db, { kind: 'test', key: 'later', runAt: new Date(TEST_NOW.getTime() + MINUTE), payload: {} });
		await enqueueJob(handle.db, { kind: 'other', key: 'unknown-kind', runAt: TEST_NOW, payload: {} });
		const claimed = await claimJobs(handle.db, claimOptions('w1', TEST_NOW));
		expect(claimed.map((j) => [j.key, j.attempt, j.lockedBy])).toEqual([['due', 1, 'w1']]);
		expect(await claimJobs(handle.db, claimOptions('w2', new Date(TEST_NOW.getTime() + MINUTE - 1)))).toEqual([]);
		expect((await findJobByKey(handle.db, 'due'))?.status).toBe('running');
	});

	it('gives a dead worker’s job to another after the lease, and fences the first one out', async () => {
		await enqueueJob(handle.db, { kind: 'test', key: 'crash', runAt: TEST_NOW, payload: {} });
		const [first] = await claimJobs(handle.db, claimOptions('dead', TEST_NOW));
		// "dead" never finishes. Until its lease ends nobody else may take the job.
		expect(await claimJobs(handle.db, claimOptions('w2', new Date(TEST_NOW.getTime() + LEASE - 1)))).toEqual([]);
		const [second] = await claimJobs(handle.db, claimOptions('w2', new Date(TEST_NOW.getTime() + LEASE)));
		expect(second).toMatchObject({ key: 'crash', attempt: 2, lockedBy: 'w2' });

		// The first worker wakes up late: its completion and effect roll back together.
		await expect(
			writeTransaction(handle.db, async (trx) => {
				await sql`insert into job_test_effect (key) values ('from-dead')`.execute(trx);
				await completeJob(trx, first!, TEST_NOW);
			})
		).rejects.toBeInstanceOf(LeaseLostError);
		await writeTransaction(handle.db, async (trx) => {
			await sql`insert into job_test_effect (key) values ('from-w2')`.execute(trx);
			await completeJob(trx, second!, TEST_NOW);
		});
		expect(await effects(handle.db)).toEqual(['from-w2']);
		expect((await findJobByKey(handle.db, 'crash'))).toMatchObject({ status: 'done', attempts: 2, payload: {} });
	});

	it('retries failures with growing, jittered delays and gives up after the last attempt', async () => {
		const clock = fixedClock(TEST_NOW);
		let runs = 0;
		const failing: JobHandler<null> = {
			kind: 'test',
			async run() {
				runs++;
				throw Object.assign(new Error('421 try later, jane@example.com'), { code: 'ECONNECTION' });
			}
		};
		const worker = createJobWorker({ db: handle.db, clock, log, env: null }, [failing], {
			pollMs: 10,
			concurrency: 1,
			leaseMs: LEASE,
			random: () => 0.5
		});
		await enqueueJob(handle.db, { kind: 'test', key: 'flaky', runAt: TEST_NOW, payload: { secret: 'link' }, maxAttempts: 3 });
		expect(await worker.runOnce()).toBe(1);
		let job = await findJobByKey(handle.db, 'flaky');
		// Attempt 1 failed: back in 22.5 s (half of 30 s fixed plus half of the random half).
		expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error:ECONNECTION' });
		expect(job!.runAt.getTime() - TEST_NOW.getTime()).toBe(22_500);
		expect(await worker.runOnce()).toBe(0);
		clock.advance(22_500);
		await worker.runOnce();
		job = await findJobByKey(handle.db, 'flaky');
		expect(job!.runAt.getTime() - clock.now().getTime()).toBe(45_000);
		clock.advance(45_000);
		await worker.runOnce();
		job = await findJobByKey(handle.db, 'flaky');
		expect(job).toMatchObject({ status: 'failed', attempts: 3, payload: {} });
		expect(JSON.stringify(job)).not.toContain('jane@');
		clock.advance(24 * 60 * MINUTE);
		expect(await worker.runOnce()).toBe(0);
		expect(runs).toBe(3);
	});

	it('fails at once on a permanent error, and ends a job that killed its worker on the last attempt', async () => {
		const clock = fixedClock(TEST_NOW);
		const worker = createJobWorker(
			{ db: handle.db, clock, log, env: null },
			[{ kind: 'test', run: async () => Promise.reject(new PermanentJobError('bad_payload')) }],
			{ pollMs: 10, concurrency: 2, leaseMs: LEASE }
		);
		await enqueueJob(handle.db, { kind: 'test', key: 'bad', runAt: TEST_NOW, payload: {} });
		await worker.runOnce();
		expect(await findJobByKey(handle.db, 'bad')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'PermanentJobError:bad_payload' });

		await enqueueJob(handle.db, { kind: 'test', key: 'poison', runAt: TEST_NOW, payload: {}, maxAttempts: 1 });
		await claimJobs(handle.db, claimOptions('killed', TEST_NOW));
		expect(await claimJobs(handle.db, claimOptions('w2', new Date(TEST_NOW.getTime() + LEASE)))).toEqual([]);
		expect(await findJobByKey(handle.db, 'poison')).toMatchObject({ status: 'failed', lastError: 'LeaseExpired' });
	});

	it('runs every job exactly once with two workers on two connections', async () => {
		// Two SQLite connections in one process would block each other's thread while waiting for
		// the write lock, so there both workers share one connection (as a single-instance
		// deployment does); on PostgreSQL they use two pools, like two app instances.
		const other = isPostgres(handle.db) ? handle.openAnother() : undefined;
		try {
			const total = 120;
			for (let i = 0; i < total; i++) {
				await enqueueJob(handle.db, { kind: 'test', key: `many-${String(i).padStart(3, '0')}`, runAt: TEST_NOW, payload: { i } });
			}
			const ranBy = new Map<string, string[]>();
			const handler = (name: string): JobHandler<null> => ({
				kind: 'test',
				async run(job, run) {
					ranBy.set(job.key, [...(ranBy.get(job.key) ?? []), name]);
					await new Promise((r) => setTimeout(r, Math.random() * 3));
					await writeTransaction(run.db, async (trx) => {
						await sql`insert into job_test_effect (key) values (${job.key})`.execute(trx);
						await run.complete(trx);
					});
				}
			});
			const clock = fixedClock(TEST_NOW);
			const workers = [
				createJobWorker({ db: handle.db, clock, log, env: null }, [handler('a')], { pollMs: 5, concurrency: 4, leaseMs: LEASE }),
				createJobWorker({ db: other?.db ?? handle.db, clock, log, env: null }, [handler('b')], { pollMs: 5, concurrency: 4, leaseMs: LEASE })
			];
			const drain = async (worker: (typeof workers)[number]) => {
				while ((await worker.runOnce()) > 0);
			};
			await Promise.all(workers.map(drain));

			expect(ranBy.size).toBe(total);
			expect([...ranBy.values()].filter((names) => names.length !== 1)).toEqual([]);
			expect((await effects(handle.db)).length).toBe(total);
			expect((await listJobs(handle.db, { status: 'done' })).length).toBe(total);
			const share = [...ranBy.values()].filter(([name]) => name === 'b').length;
			expect(share).toBeGreaterThan(0);
			expect(share).toBeLessThan(total);
		} finally {
			await other?.close();
		}
	});

	it('cancels superseded queued jobs and revives one when its key is wanted again', async () => {
		for (const key of ['appt-1:a', 'appt-1:b', 'appt-10:a']) await enqueueJob(handle.db, { kind: 'test', key, runAt: TEST_NOW, payload: { key } });
		expect(await cancelQueuedJobs(handle.db, { kind: 'test', keyPrefix: 'appt-1:', keep: ['appt-1:b'] })).toBe(1);
		const statuses = Object.fromEntries((await listJobs(handle.db)).map((j) => [j.key, j.status]));
		expect(statuses).toEqual({ 'appt-1:a': 'cancelled', 'appt-1:b': 'queued', 'appt-10:a': 'queued' });
		expect(await enqueueJob(handle.db, { kind: 'test', key: 'appt-1:a', runAt: TEST_NOW, payload: { again: true } })).toBe(false);
		expect(await enqueueJob(handle.db, { kind: 'test', key: 'appt-1:a', runAt: TEST_NOW, payload: { again: true }, revive: true })).toBe(true);
		expect(await findJobByKey(handle.db, 'appt-1:a')).toMatchObject({ status: 'queued', payload: { again: true } });
		// A job that already ran is never revived.
		const [claimed] = await claimJobs(handle.db, { ...claimOptions('w', TEST_NOW), limit: 1 });
		await completeJob(handle.db, claimed!, TEST_NOW);
		expect(await enqueueJob(handle.db, { kind: 'test', key: claimed!.key, runAt: TEST_NOW, payload: {}, revive: true })).toBe(false);
	});

	it('polls in the background until stopped', async () => {
		const seen: string[] = [];
		const worker = createJobWorker(
			{ db: handle.db, clock: { now: () => new Date() }, log, env: null },
			[{ kind: 'test', run: async (job) => void seen.push(job.key) }],
			{ pollMs: 20, concurrency: 2, leaseMs: LEASE }
		);
		worker.start();
		await enqueueJob(handle.db, { kind: 'test', key: 'bg-1', runAt: new Date(), payload: {} });
		await expect.poll(() => seen, { timeout: 5_000 }).toEqual(['bg-1']);
		await worker.stop();
		await enqueueJob(handle.db, { kind: 'test', key: 'bg-2', runAt: new Date(), payload: {} });
		await new Promise((r) => setTimeout(r, 100));
		expect(seen).toEqual(['bg-1']);
	});
});
