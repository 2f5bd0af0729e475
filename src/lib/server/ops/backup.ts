import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** `needlepoint-20261127T154500Z.db`: sortable, and safe in every file system. */
export function backupFileName(at: Date): string {
	const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	return `needlepoint-${stamp}.db`;
}

/**
 * Copies a live SQLite database with SQLite's online backup API, which gives a consistent
 * snapshot while the app keeps serving, then checks the copy's integrity.
 */
export async function backupSqlite(sourceFile: string, backupDir: string, at: Date): Promise<string> {
	if (!existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
	mkdirSync(backupDir, { recursive: true });
	const target = join(backupDir, backupFileName(at));
	const source = new SqliteDatabase(sourceFile, { fileMustExist: true });
	try {
		await source.backup(target);
	} finally {
		source.close();
	}
	// A backup should be one self-contained file, not a WAL-mode database with side files.
	const copy = new SqliteDatabase(target);
	copy.pragma('journal_mode = DELETE');
	copy.close();
	assertIntact(target);
	return target;
}

export function assertIntact(file: string): void {
	const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
	try {
		const result = db.pragma('integrity_check', { simple: true });
		if (result !== 'ok') throw new Error(`${basename(file)} failed its integrity check: ${String(result)}`);
		const migrations = db
			.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
			.get() as { n: number };
		if (migrations.n !== 1) throw new Error(`${basename(file)} is not a Needlepoint database`);
	} finally {
		db.close();
	}
}

/**
 * Puts a backup in place of the database file. The app must be stopped: a running process would
 * keep writing to the replaced file. The current database is kept beside it as `.before-restore`.
 */
export function restoreSqlite(backupFile: string, databaseFile: string): { previous: string | undefined } {
	assertIntact(backupFile);
	let previous: string | undefined;
	if (existsSync(databaseFile)) {
		assertNotInUse(databaseFile);
		previous = `${databaseFile}.before-restore`;
		// Checkpoint first so the WAL's committed pages are in the file we set aside.
		const current = new SqliteDatabase(databaseFile);
		current.pragma('wal_checkpoint(TRUNCATE)');
		current.close();
		renameSync(databaseFile, previous);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
	const staging = `${databaseFile}.restoring`;
	copyFileSync(backupFile, staging);
	renameSync(staging, databaseFile);
	return { previous };
}

/** A running app holds a read lock on the WAL; an exclusive lock attempt tells us it is there. */
function assertNotInUse(databaseFile: string): void {
	const db = new SqliteDatabase(databaseFile, { timeout: 0 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE; COMMIT;');
	} catch {
		throw new Error('The database is in use: stop Needlepoint before restoring.');
	} finally {
		db.close();
	}
}
