// `npm run restore -- backups/needlepoint-20261127T150000Z.db`: replaces the SQLite database with
// a backup. Stop Needlepoint first; the current database is kept as `<file>.before-restore`.
import { restoreSqlite } from '../src/lib/server/ops/backup';
import { cliConfig, fail } from './lib/cli';

const backupFile = process.argv[2];
if (!backupFile) fail('Usage: npm run restore -- <backup file>');
const config = cliConfig();
if (config.database.engine !== 'sqlite') fail('DATABASE_URL points at PostgreSQL: restore it with pg_restore (see the README).');
try {
	const { previous } = restoreSqlite(backupFile, config.database.file);
	process.stdout.write(
		`Restored ${backupFile} to ${config.database.file}.${previous ? ` The previous database is at ${previous}.` : ''}\n`
	);
} catch (error) {
	fail(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
}
