import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import type { AppLogger } from '../log';
import { errorLabel, LeaseLostError, type ClaimedJob } from './job';
import { claimJobs, completeJob, failJob, renewLease } from './job.repository';

/** What a handler gets besides its job: the services it needs, and a way to finish atomically. */
export type JobRun<E> = {
	env: E;
	db: Kysely<DB>;
	clock: Clock;
	log: AppLogger;
	/**
	 * Marks the job done inside `trx`. Handlers call it in the transaction that records their
	 * effect; a handler that does not is completed by the worker after it returns.
	 */
	complete(trx: Kysely<DB>): Promise<void>;
};

export type JobHandler<E> = {
	kind: string;
	/** Throws to retry later (with backoff) or a PermanentJobError to give up at once. */
	run(job: ClaimedJob, run: JobRun<E>): Promise<void>;
};

export type WorkerOptions = {
	/** Sleep between polls when there was nothing (more) to do. */
	pollMs: number;
	/** Jobs run at the same time by this worker. */
	concurrency: number;
	/** How long a claim lasts without renewal; a dead worker's jobs return after this. */
	leaseMs: number;
	workerId?: string;
	random?: () => number;
};

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { pollMs: 5_000, concurrency: 4, leaseMs: 120_000 };

export type JobWorker = {
	readonly workerId: string;
	/** Claims and runs one batch of due jobs; resolves with how many ran. */
	runOnce(): Promise<number>;
	/** Polls in the background until stop(). */
	start(): void;
	/** Stops polling and waits for the jobs in hand to finish. */
	stop(): Promise<void>;
};

export function newWorkerId(): string {
	return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export function createJobWorker<E>(
	deps: { db: Kysely<DB>; clock: Clock; log: AppLogger; env: E },
	handlers: readonly JobHandler<E>[],
	options: WorkerOptions = DEFAULT_WORKER_OPTIONS
): JobWorker {
	const { db, clock, log, env } = deps;
	const byKind = new Map(handlers.map((h) => [h.kind, h]));
	const kinds = [...byKind.keys()];
	const workerId = options.workerId ?? newWorkerId();
	let stopping = false;
	let loop: Promise<void> | undefined;
	let wake: (() => void) | undefined;

	async function runJob(job: ClaimedJob): Promise<void> {
		const handler = byKind.get(job.kind);
		const jobLog = log.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempt });
		let completed = false;
		// Renew the lease while the handler works, so only a dead or frozen worker loses its jobs.
		const heartbeat = setInterval(() => {
			renewLease(db, job, clock.now(), options.leaseMs).catch((error) =>
				jobLog.warn({ event: 'job_lease_renewal_failed', errorName: errorLabel(error) })
			);
		}, Math.max(1_000, Math.floor(options.leaseMs / 3)));
		heartbeat.unref();
		try {
			if (!handler) throw new Error('no handler');
			await handler.run(job, {
				env,
				db,
				clock,
				log: jobLog,
				complete: async (trx) => {
					await completeJob(trx, job, clock.now());
					completed = true;
				}
			});
			if (!completed) await completeJob(db, job, clock.now());
		} catch (error) {
			if (error instanceof LeaseLostError) {
				jobLog.warn({ event: 'job_lease_lost' });
				return;
			}
			const status = await failJob(db, job, error, clock.now(), options.random).catch(() => undefined);
			jobLog.warn({ event: 'job_failed', errorName: errorLabel(error), reason: status ?? 'not_recorded' });
		} finally {
			clearInterval(heartbeat);
		}
	}

	async function runOnce(): Promise<number> {
		const jobs = await claimJobs(db, { workerId, now: clock.now(), leaseMs: options.leaseMs, limit: options.concurrency, kinds });
		await Promise.all(jobs.map(runJob));
		return jobs.length;
	}

	function sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			timer.unref();
			function done() {
				clearTimeout(timer);
				wake = undefined;
				resolve();
			}
			wake = done;
		});
	}

	async function poll(): Promise<void> {
		while (!stopping) {
			let ran = 0;
			try {
				ran = await runOnce();
			} catch (error) {
				// The database may be restarting; try again after the usual pause.
				log.warn({ event: 'job_poll_failed', errorName: errorLabel(error) });
			}
			// A full batch means there may be more due right now.
			if (!stopping && ran < options.concurrency) await sleep(options.pollMs);
		}
	}

	return {
		workerId,
		runOnce,
		start() {
			if (loop || stopping) return;
			loop = poll();
		},
		async stop() {
			stopping = true;
			wake?.();
			await loop;
		}
	};
}
