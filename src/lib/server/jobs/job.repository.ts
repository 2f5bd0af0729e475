import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant, writeInstant } from '../db/values';
import { isPostgres, writeTransaction } from '../db/write-transaction';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, errorLabel, LeaseLostError, PermanentJobError, type ClaimedJob, type JobStatus, type NewJob } from './job';

/**
 * Adds a job unless one with the same key exists, so it is safe to call inside the caller's own
 * transaction and to repeat: the job commits (or rolls back) with the change that caused it.
 * With `revive`, a job of that key that was cancelled (superseded) is queued again instead,
 * e.g. a reminder for an appointment moved away and then back to the same time.
 * Returns true when a job was added or revived.
 */
export async function enqueueJob(
	db: Kysely<DB>,
	job: NewJob & { revive?: boolean; now?: Date }
): Promise<boolean> {
	// created_at/updated_at are bookkeeping only; no decision reads them.
	const now = writeInstant(job.now ?? new Date());
	const runAt = writeInstant(job.runAt);
	const payload = JSON.stringify(job.payload);
	const result = await db
		.insertInto('job')
		.values({
			id: randomUUID(),
			kind: job.kind,
			key: job.key,
			payload,
			status: 'queued',
			runAt,
			attempts: 0,
			maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
			lockedBy: null,
			lockedUntil: null,
			lastError: null,
			createdAt: now,
			updatedAt: now
		})
		.onConflict((oc) =>
			job.revive
				? oc
						.column('key')
						.doUpdateSet({ status: 'queued', runAt, payload, attempts: 0, lastError: null, updatedAt: now })
						.where('job.status', '=', 'cancelled')
				: oc.column('key').doNothing()
		)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type ClaimOptions = {
	workerId: string;
	now: Date;
	leaseMs: number;
	limit: number;
	kinds: readonly string[];
};

/**
 * Takes up to `limit` due jobs for this worker: queued jobs whose time has come, and running jobs
 * whose lease ran out (their worker died). Each claim counts as an attempt, so a job that kills
 * its worker every time still ends as failed. On PostgreSQL the rows are locked FOR UPDATE SKIP
 * LOCKED, so several instances claim disjoint jobs without waiting on each other; on SQLite the
 * claim runs under BEGIN IMMEDIATE, which serialises claimers across processes.
 */
export async function claimJobs(db: Kysely<DB>, options: ClaimOptions): Promise<ClaimedJob[]> {
	if (options.limit <= 0 || options.kinds.length === 0) return [];
	const now = writeInstant(options.now);
	const lockedUntil = writeInstant(new Date(options.now.getTime() + options.leaseMs));
	return writeTransaction(db, async (trx) => {
		let query = trx
			.selectFrom('job')
			.select(['id', 'kind', 'key', 'payload', 'status', 'attempts', 'maxAttempts'])
			.where('kind', 'in', [...options.kinds])
			.where((eb) =>
				eb.or([
					eb.and([eb('status', '=', 'queued'), eb('runAt', '<=', now)]),
					eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<=', now)])
				])
			)
			.orderBy('runAt')
			.orderBy('id')
			.limit(options.limit);
		if (isPostgres(trx)) query = query.forUpdate().skipLocked();
		const rows = await query.execute();

		// A job whose worker died while it was on its last attempt is not tried again.
		const exhausted = rows.filter((r) => r.status === 'running' && r.attempts >= r.maxAttempts);
		if (exhausted.length > 0) {
			await trx
				.updateTable('job')
				.set({ status: 'failed', lockedBy: null, lockedUntil: null, payload: '{}', lastError: 'LeaseExpired', updatedAt: now })
				.where('id', 'in', exhausted.map((r) => r.id))
				.execute();
		}
		const claimable = rows.filter((r) => !exhausted.includes(r));
		if (claimable.length === 0) return [];
		await trx
			.updateTable('job')
			.set({
				status: 'running',
				lockedBy: options.workerId,
				lockedUntil,
				attempts: sql`attempts + 1`,
				updatedAt: now
			})
			.where('id', 'in', claimable.map((r) => r.id))
			.execute();
		return claimable.map((r) => ({
			id: r.id,
			kind: r.kind,
			key: r.key,
			payload: parsePayload(r.payload),
			attempt: r.attempts + 1,
			maxAttempts: r.maxAttempts,
			lockedBy: options.workerId
		}));
	});
}

function parsePayload(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * Marks a job done, only while this worker still holds it; clears the payload. Call it inside the
 * transaction that records the job's effect, so "done" and the effect commit together. Throws
 * LeaseLostError (rolling that transaction back) when another worker has taken the job over.
 */
export async function completeJob(trx: Kysely<DB>, job: ClaimedJob, now: Date): Promise<void> {
	const result = await trx
		.updateTable('job')
		.set({ status: 'done', payload: '{}', lockedBy: null, lockedUntil: null, lastError: null, updatedAt: writeInstant(now) })
		.where('id', '=', job.id)
		.where('lockedBy', '=', job.lockedBy)
		.where('status', '=', 'running')
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError();
}

/**
 * Records a failed run: back to the queue after a backoff, or failed for good after the last
 * attempt or a PermanentJobError. Returns the new status, or undefined when the lease was lost.
 */
export async function failJob(
	db: Kysely<DB>,
	job: ClaimedJob,
	error: unknown,
	now: Date,
	random: () => number = Math.random
): Promise<JobStatus | undefined> {
	const final = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
	const runAt = new Date(now.getTime() + backoffMs(job.attempt, random));
	const result = await db
		.updateTable('job')
		.set({
			status: final ? 'failed' : 'queued',
			runAt: writeInstant(final ? now : runAt),
			lockedBy: null,
			lockedUntil: null,
			lastError: errorLabel(error),
			updatedAt: writeInstant(now),
			...(final ? { payload: '{}' } : {})
		})
		.where('id', '=', job.id)
		.where('lockedBy', '=', job.lockedBy)
		.where('status', '=', 'running')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1 ? (final ? 'failed' : 'queued') : undefined;
}

/** Extends the lease of a job that is still being worked on. False when it was lost. */
export async function renewLease(db: Kysely<DB>, job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
	const result = await db
		.updateTable('job')
		.set({ lockedUntil: writeInstant(new Date(now.getTime() + leaseMs)), updatedAt: writeInstant(now) })
		.where('id', '=', job.id)
		.where('lockedBy', '=', job.lockedBy)
		.where('status', '=', 'running')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Cancels queued jobs of one kind whose key starts with `keyPrefix`, except `keep`: work that a
 * later change made pointless (the reminders of an appointment that moved). Running jobs are left
 * alone; their handlers re-check at run time.
 */
export async function cancelQueuedJobs(
	db: Kysely<DB>,
	options: { kind: string; keyPrefix: string; keep: readonly string[]; now?: Date }
): Promise<number> {
	let query = db
		.updateTable('job')
		.set({ status: 'cancelled', payload: '{}', updatedAt: writeInstant(options.now ?? new Date()) })
		.where('kind', '=', options.kind)
		.where('status', '=', 'queued')
		// substr instead of LIKE: keys may contain LIKE's wildcard characters.
		.where(sql<string>`substr(key, 1, ${options.keyPrefix.length})`, '=', options.keyPrefix);
	if (options.keep.length > 0) query = query.where('key', 'not in', [...options.keep]);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export type JobRow = {
	id: string;
	kind: string;
	key: string;
	status: JobStatus;
	runAt: Date;
	attempts: number;
	maxAttempts: number;
	lastError: string | null;
	payload: unknown;
};

export async function findJobByKey(db: Kysely<DB>, key: string): Promise<JobRow | undefined> {
	const row = await db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirst();
	return row ? toJobRow(row) : undefined;
}

export async function listJobs(db: Kysely<DB>, filter: { keyPrefix?: string; status?: JobStatus } = {}): Promise<JobRow[]> {
	let query = db.selectFrom('job').selectAll().orderBy('runAt').orderBy('key');
	if (filter.keyPrefix) query = query.where(sql<string>`substr(key, 1, ${filter.keyPrefix.length})`, '=', filter.keyPrefix);
	if (filter.status) query = query.where('status', '=', filter.status);
	return (await query.execute()).map(toJobRow);
}

function toJobRow(row: {
	id: string;
	kind: string;
	key: string;
	status: JobStatus;
	runAt: Date | string;
	attempts: number;
	maxAttempts: number;
	lastError: string | null;
	payload: string;
}): JobRow {
	return {
		id: row.id,
		kind: row.kind,
		key: row.key,
		status: row.status,
		runAt: readInstant(row.runAt),
		attempts: row.attempts,
		maxAttempts: row.maxAttempts,
		lastError: row.lastError,
		payload: parsePayload(row.payload)
	};
}
