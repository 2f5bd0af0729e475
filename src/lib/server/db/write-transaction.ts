import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { DomainError } from '../errors';
import type { DB } from './schema';

/** Connection handles currently inside a BEGIN IMMEDIATE, so nested calls join instead of nesting. */
const openSqliteTransactions = new WeakSet<Kysely<DB>>();

export function isPostgres(db: Kysely<DB>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Failures that say nothing about the request, only that another transaction got in the way:
 * PostgreSQL's deadlock (40P01) and serialization failure (40001), and SQLite still busy after
 * its busy_timeout. Running the same work again is safe because the failed attempt rolled back.
 */
export function isTransientConflict(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const code = (error as { code?: unknown }).code;
	return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

export type RetryPolicy = {
	/** Attempts in all, the first included. */
	attempts: number;
	/** The wait before retry n is a random time up to baseDelayMs × 2^(n-1) ("full jitter"). */
	baseDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 15 };

/** Seconds a client is asked to wait when every attempt met a deadlock. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** The answer after the last attempt failed the same way: 503 with Retry-After, never a 500. */
export function busy(): DomainError {
	return new DomainError('unavailable', 'We are very busy right now. Please try again in a moment.', {}, BUSY_RETRY_AFTER_SECONDS);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one transaction helper for work that writes. On SQLite it starts with BEGIN IMMEDIATE,
 * taking the write lock up front: a deferred BEGIN that reads first and writes later can fail
 * with SQLITE_BUSY when another connection wrote in between, and busy_timeout cannot help then.
 * A transaction that meets a deadlock or serialization failure is run again from the start, a
 * bounded number of times with a jittered backoff; after the last attempt the caller gets a
 * DomainError 'unavailable' (503 with Retry-After). `work` must therefore keep no state outside
 * the transaction that a second run would get wrong. Inside an existing transaction it simply
 * runs there (the outermost call retries).
 */
export async function writeTransaction<T>(
	db: Kysely<DB>,
	work: (trx: Kysely<DB>) => Promise<T>,
	retry: RetryPolicy = DEFAULT_RETRY
): Promise<T> {
	if (db.isTransaction || openSqliteTransactions.has(db)) return work(db);
	for (let attempt = 1; ; attempt++) {
		try {
			return await runOnce(db, work);
		} catch (error) {
			if (!isTransientConflict(error)) throw error;
			if (attempt >= retry.attempts) throw busy();
			await sleep(Math.random() * retry.baseDelayMs * 2 ** (attempt - 1));
		}
	}
}

async function runOnce<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
	if (isPostgres(db)) return db.transaction().execute(work);
	return db.connection().execute(async (connection) => {
		openSqliteTransactions.add(connection);
		try {
			await sql`begin immediate`.execute(connection);
			try {
				const result = await work(connection);
				await sql`commit`.execute(connection);
				return result;
			} catch (error) {
				await sql`rollback`.execute(connection);
				throw error;
			}
		} finally {
			openSqliteTransactions.delete(connection);
		}
	});
}
