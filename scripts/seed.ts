// `npm run seed`: adds the demo clinic to an empty database.
// `npm run seed -- --reset`: drops every table, migrates again and seeds the demo (destroys data).
import { openDatabase } from '../src/lib/server/db/database';
import { migrateAllDown, migrateToLatest } from '../src/lib/server/db/migrate';
import { isEmpty, seedDemoClinic } from '../src/lib/server/demo/demo-clinic';
import { systemClock } from '../src/lib/server/clock';
import { startupBanner } from '../src/lib/server/banner';
import { cliConfig, fail } from './lib/cli';

const reset = process.argv.includes('--reset');
const config = cliConfig();
if (config.isProduction) fail('Refusing to seed demo data in production.');
const database = openDatabase(config.database);
try {
	if (reset) await migrateAllDown(database.db);
	await migrateToLatest(database.db);
	if (!(await isEmpty(database.db))) {
		fail('The database already has a clinic. Use `npm run seed -- --reset` to replace everything with the demo.');
	}
	await seedDemoClinic(database.db, systemClock);
	const url = config.origin ?? `http://localhost:${config.port}`;
	process.stdout.write(`${reset ? 'Reset and seeded' : 'Seeded'} the demo clinic.\n${startupBanner(url, database.engine, true)}`);
} finally {
	await database.close();
}
