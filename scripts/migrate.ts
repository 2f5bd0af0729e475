// `npm run migrate`: applies pending migrations to the configured database.
import { openDatabase } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { cliConfig, fail } from './lib/cli';

const config = cliConfig();
const database = openDatabase(config.database);
try {
	const applied = await migrateToLatest(database.db);
	process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
} catch (error) {
	fail(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
	await database.close();
}
