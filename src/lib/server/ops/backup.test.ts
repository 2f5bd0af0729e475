import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { seedDemoClinic } from '../demo/demo-clinic';
import { fixedClock } from '../clock';
import { findPrimaryClinic } from '../clinic/clinic.repository';
import { backupFileName, backupSqlite, restoreSqlite } from './backup';

const dirs: string[] = [];
function tempDir() {
	const dir = mkdtempSync(join(tmpdir(), 'needlepoint-backup-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function clinicName(file: string) {
	const database = openDatabase({ engine: 'sqlite', file });
	try {
		return (await findPrimaryClinic(database.db))?.name;
	} finally {
		await database.close();
	}
}

describe('SQLite backup and restore', () => {
	it('names backups by UTC time', () => {
		expect(backupFileName(new Date('2026-11-27T15:04:05.678Z'))).toBe('needlepoint-20261127T150405Z.db');
	});

	it('backs up a live database and restores it after later changes', async () => {
		const dir = tempDir();
		const file = join(dir, 'live.db');
		const live = openDatabase({ engine: 'sqlite', file });
		await migrateToLatest(live.db);
		await seedDemoClinic(live.db, fixedClock(new Date('2026-01-01T00:00:00Z')));

		// Taken while the app's connection is open, with a committed write still in the WAL.
		const backup = await backupSqlite(file, join(dir, 'backups'), new Date('2026-11-27T15:00:00Z'));
		expect(readdirSync(join(dir, 'backups'))).toEqual(['needlepoint-20261127T150000Z.db']);

		await live.db.updateTable('clinic').set({ name: 'Renamed after the backup' }).execute();
		expect(() => restoreSqlite(backup, file)).toThrow(/in use/);
		await live.close();

		const { previous } = restoreSqlite(backup, file);
		expect(await clinicName(file)).toBe('Boston Spine');
		expect(await clinicName(previous!)).toBe('Renamed after the backup');
	});

	it('refuses to restore a file that is not a Needlepoint backup', async () => {
		const dir = tempDir();
		const other = openDatabase({ engine: 'sqlite', file: join(dir, 'other.db') });
		await other.db.schema.createTable('t').addColumn('x', 'integer').execute();
		await other.close();
		expect(() => restoreSqlite(join(dir, 'other.db'), join(dir, 'live.db'))).toThrow(/not a Needlepoint database/);
	});
});
