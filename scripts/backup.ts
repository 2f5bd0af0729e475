// `npm run backup`: a consistent copy of the SQLite database in BACKUP_DIR (default ./backups),
// safe while Needlepoint is running. For PostgreSQL use pg_dump (see README).
import { backupSqlite } from '../src/lib/server/ops/backup';
import { cliConfig, fail } from './lib/cli';

const config = cliConfig();
if (config.database.engine !== 'sqlite') {
	fail('DATABASE_URL points at PostgreSQL: back it up with pg_dump (see the README, "Backup and restore").');
}
try {
	const file = await backupSqlite(config.database.file, config.backupDir, new Date());
	process.stdout.write(`Backup written and verified: ${file}\n`);
} catch (error) {
	fail(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
}
