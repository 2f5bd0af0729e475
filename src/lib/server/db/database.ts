import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type Engine = 'sqlite' | 'postgres';

export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface Database {
	engine: Engine;
	db: Kysely<DB>;
	/** The raw SQLite handle (online backup, pragmas); undefined on PostgreSQL. */
	sqlite?: SqliteDatabase.Database;
	close(): Promise<void>;
}

export type DatabaseOptions = {
	/** Told when an idle PostgreSQL connection breaks (server restart, admin kill). */
	onConnectionError?: (error: Error) => void;
};

export function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Database {
	return target.engine === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, options);
}

function openSqlite(file: string): Database {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const sqlite = new SqliteDatabase(file);
	// WAL first: switching journal mode can reset synchronous, so FULL is set after it.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<DB>({
		dialect: new SqliteDialect({ database: sqlite }),
		plugins: [new CamelCasePlugin()]
	});
	return { engine: 'sqlite', db, sqlite, close: () => db.destroy() };
}

const PG_DATE_OID = 1082;
const PG_INT8_OID = 20;

function openPostgres(url: string, options: DatabaseOptions): Database {
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		// Per-pool parsers: dates stay 'YYYY-MM-DD' (pg would make a local-midnight Date, which
		// depends on the machine's time zone) and counts come back as numbers.
		types: {
			getTypeParser(oid: number, format?: 'text' | 'binary') {
				if (oid === PG_DATE_OID) return (value: string) => value;
				if (oid === PG_INT8_OID) return (value: string) => Number(value);
				return pg.types.getTypeParser(oid, format);
			}
		} as pg.CustomTypesConfig
	});
	// Without a listener, an idle connection dropped by the server would crash the process. The pool
	// discards the broken client and the next query opens a new one.
	pool.on('error', (error) => options.onConnectionError?.(error));
	const db = new Kysely<DB>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new CamelCasePlugin()]
	});
	return { engine: 'postgres', db, close: () => db.destroy() };
}

export class DurabilityError extends Error {}

/**
 * Checks what the SQLite connection really runs with after a write: an acknowledged edit must
 * survive kill -9 and power loss, which needs WAL with synchronous=FULL.
 */
export function verifySqliteDurability(database: Database): void {
	if (!database.sqlite || database.sqlite.memory) return;
	const journal = database.sqlite.pragma('journal_mode', { simple: true });
	const synchronous = database.sqlite.pragma('synchronous', { simple: true });
	const foreignKeys = database.sqlite.pragma('foreign_keys', { simple: true });
	if (journal !== 'wal' || synchronous !== 2 || foreignKeys !== 1) {
		throw new DurabilityError(
			`SQLite is not durable: journal_mode=${String(journal)} synchronous=${String(synchronous)} foreign_keys=${String(foreignKeys)}`
		);
	}
}
