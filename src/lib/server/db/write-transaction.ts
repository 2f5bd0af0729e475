import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** Connection handles currently inside a BEGIN IMMEDIATE, so nested calls join instead of nesting. */
const openSqliteTransactions = new WeakSet<Kysely<DB>>();

export function isPostgres(db: Kysely<DB>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A transaction that intends to write after reading. On SQLite it starts with BEGIN IMMEDIATE,
 * taking the write lock up front: a deferred BEGIN that reads first and writes later can fail
 * with SQLITE_BUSY when another connection wrote in between, and busy_timeout cannot help then.
 * Inside an existing transaction it simply runs there.
 */
export async function writeTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
	if (db.isTransaction || openSqliteTransactions.has(db)) return work(db);
	if (isPostgres(db)) return db.transaction().execute(work);
	return db.connection().execute(async (connection) => {
		openSqliteTransactions.add(connection);
		await sql`begin immediate`.execute(connection);
		try {
			const result = await work(connection);
			await sql`commit`.execute(connection);
			return result;
		} catch (error) {
			await sql`rollback`.execute(connection);
			throw error;
		}
	});
}
