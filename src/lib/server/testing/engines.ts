import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type Database, type Engine } from '../db/database';
import { migrateToLatest } from '../db/migrate';

/**
 * Runs a database suite once per engine, each on a fresh, migrated database. PostgreSQL comes from
 * TEST_DATABASE_URL (an admin URL; `npm test` starts a throwaway server and sets it). Without it
 * the PostgreSQL half is skipped loudly, except under CI or NEEDLEPOINT_REQUIRE_POSTGRES=1, where
 * a missing server is a failing test.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const postgresRequired = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_POSTGRES === '1';
let warned = false;

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export class EngineHandle {
	#database: Database | undefined;
	#cleanup: (() => Promise<void>) | undefined;
	#postgresUrl: string | undefined;

	constructor(readonly engine: Engine) {}

	get database(): Database {
		if (!this.#database) throw new Error('database not open: use inside a describeEachEngine suite');
		return this.#database;
	}

	get db() {
		return this.database.db;
	}

	/** Opens an empty, unmigrated database. */
	async openEmpty(): Promise<Database> {
		if (this.engine === 'sqlite') {
			const dir = mkdtempSync(join(tmpdir(), 'needlepoint-test-'));
			this.#database = openDatabase({ engine: 'sqlite', file: join(dir, 'test.db') });
			this.#cleanup = async () => rmSync(dir, { recursive: true, force: true });
		} else {
			const url = await createPostgresDatabase();
			this.#postgresUrl = url.toString();
			this.#database = openDatabase({ engine: 'postgres', url: this.#postgresUrl });
			this.#cleanup = () => dropPostgresDatabase(url.pathname.slice(1));
		}
		return this.#database;
	}

	async open(): Promise<Database> {
		const database = await this.openEmpty();
		await migrateToLatest(database.db);
		return database;
	}

	/** A second, independent connection to the same database (another "app process"). */
	openAnother(): Database {
		const database = this.database;
		if (database.engine === 'sqlite') {
			return openDatabase({ engine: 'sqlite', file: database.sqlite!.name });
		}
		return openDatabase({ engine: 'postgres', url: this.#postgresUrl! });
	}

	async close(): Promise<void> {
		await this.#database?.close();
		this.#database = undefined;
		await this.#cleanup?.();
	}
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return await run(client);
	} finally {
		await client.end();
	}
}

async function createPostgresDatabase(): Promise<URL> {
	const name = `np_test_${randomBytes(6).toString('hex')}`;
	await withAdmin((client) => client.query(`create database ${name}`));
	const url = new URL(adminUrl!);
	url.pathname = `/${name}`;
	return url;
}

async function dropPostgresDatabase(name: string): Promise<void> {
	await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
}

export function describeEachEngine(title: string, body: (handle: EngineHandle) => void): void {
	for (const engine of ENGINES) {
		const missing = engine === 'postgres' && !adminUrl;
		if (missing && postgresRequired) {
			describe(`${title} [postgres]`, () => {
				it('has a PostgreSQL server to run against', () => {
					throw new Error('TEST_DATABASE_URL is not set: PostgreSQL tests cannot run (required here).');
				});
			});
			continue;
		}
		if (missing && !warned) {
			warned = true;
			process.stderr.write(
				'\n*** PostgreSQL tests are SKIPPED: TEST_DATABASE_URL is not set (install postgresql; npm test starts it). ***\n\n'
			);
		}
		describe.skipIf(missing)(`${title} [${engine}]`, () => {
			const handle = new EngineHandle(engine);
			beforeAll(() => handle.open());
			afterAll(() => handle.close());
			body(handle);
		});
	}
}
