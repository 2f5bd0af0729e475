import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDatabase, verifySqliteDurability, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { findPrimaryClinic } from './clinic/clinic.repository';
import { holdsDemoClinic, isEmpty, seedDemoClinic } from './demo/demo-clinic';
import { isUniqueViolation } from './db/constraint-errors';
import { createMailer } from './mail/create-mailer';
import { ensureDefaultConsentDocuments } from './consent/consent-document.service';
import type { Mailer } from './mail/mail';

export class StartupError extends Error {}

async function seedDemoOnce(database: Database, clock: Clock, log: Logger): Promise<void> {
	try {
		await seedDemoClinic(database.db, clock);
		log.info({ event: 'demo_seeded', engine: database.engine });
	} catch (error) {
		// Another instance starting at the same moment seeded it first.
		if (!isUniqueViolation(error)) throw error;
	}
}

export type App = { config: Config; database: Database; log: Logger; clock: Clock; mail: Mailer; demo: boolean };

/**
 * Brings the database to the current schema and makes sure there is a clinic to serve. Run once
 * per process, before the first request.
 */
export async function startApp(config: Config, log: Logger, clock: Clock = systemClock): Promise<App> {
	const database = openDatabase(config.database, {
		onConnectionError: (error) => log.warn({ event: 'database_connection_lost', errorName: error.name })
	});
	try {
		const applied = await migrateToLatest(database.db);
		if (applied.length > 0) log.info({ event: 'migrated', engine: database.engine, migrations: applied });
		if (config.demoData && (await isEmpty(database.db))) await seedDemoOnce(database, clock, log);
		verifySqliteDurability(database);
		// Version 1 of each consent document; another instance starting at once may win the insert.
		await ensureDefaultConsentDocuments(database.db, clock.now()).catch((error) => {
			if (!isUniqueViolation(error)) throw error;
		});
		if (config.isProduction && (await holdsDemoClinic(database.db))) {
			const variable = config.database.engine === 'postgres' ? 'DATABASE_URL' : 'DATABASE_FILE';
			throw new StartupError(
				`${variable} points to a database that holds the demo clinic, whose logins are public: production needs a fresh database.`
			);
		}
		for (const warning of config.warnings) log.warn({ event: 'insecure_config' }, warning);
		const clinic = await findPrimaryClinic(database.db);
		const mail = createMailer(config, clock, async () => {
			const current = await findPrimaryClinic(database.db);
			return current ? `"${current.name.replace(/"/g, '')}" <${current.email}>` : 'Needlepoint <no-reply@localhost>';
		});
		return { config, database, log, clock, mail, demo: clinic?.isDemo ?? false };
	} catch (error) {
		await database.close();
		throw error;
	}
}
