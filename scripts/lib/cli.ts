import { existsSync } from 'node:fs';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from '../../src/lib/server/config';
import { createLogger } from '../../src/lib/server/log';

/** Loads `.env` (when present, without overriding the real environment) and parses the config. */
export function cliConfig(): Config {
	if (existsSync('.env')) process.loadEnvFile('.env');
	try {
		return loadConfig(process.env);
	} catch (error) {
		if (error instanceof ConfigError) fail(error.message);
		throw error;
	}
}

export function cliLogger(config: Config): pino.Logger {
	return createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
}

export function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}
