import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_APP_SECRET, loadConfig } from './config';

function problemWith(env: Record<string, string>): string {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error.message;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

const productionSecret = 'x'.repeat(40);

describe('loadConfig', () => {
	it('defaults to an embedded SQLite database with demo data on port 3000', () => {
		expect(loadConfig({})).toMatchObject({
			port: 3000,
			database: { engine: 'sqlite', file: './data/needlepoint.db' },
			demoData: true,
			isProduction: false,
			secureCookies: false,
			sessionIdleMinutes: 30
		});
	});

	it('switches to PostgreSQL when DATABASE_URL is set', () => {
		expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/np' }).database).toEqual({
			engine: 'postgres',
			url: 'postgres://u@db:5432/np'
		});
	});

	it('treats empty variables as unset', () => {
		expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.engine).toBe('sqlite');
	});

	it.each([
		[{ PORT: 'eighty' }, 'PORT'],
		[{ PORT: '70000' }, 'PORT'],
		[{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
		[{ ORIGIN: 'localhost:3000' }, 'ORIGIN'],
		[{ APP_SECRET: 'short' }, 'APP_SECRET'],
		[{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
		[{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
		[{ NODE_ENV: 'staging' }, 'NODE_ENV']
	])('names the bad variable in one line: %o', (env, variable) => {
		const message = problemWith(env);
		expect(message.startsWith(`Configuration error: ${variable} `)).toBe(true);
		expect(message).not.toContain('\n');
	});

	it('refuses the shipped secret and demo data in production (NODE_ENV=production, https ORIGIN)', () => {
		const production = { NODE_ENV: 'production', ORIGIN: 'https://clinic.example' };
		expect(problemWith(production)).toMatch(/^Configuration error: APP_SECRET /);
		expect(problemWith({ ...production, APP_SECRET: DEVELOPMENT_APP_SECRET })).toMatch(/APP_SECRET/);
		expect(problemWith({ ...production, APP_SECRET: productionSecret, DEMO_DATA: 'true' })).toMatch(/^Configuration error: DEMO_DATA /);
		expect(loadConfig({ ...production, APP_SECRET: productionSecret })).toMatchObject({
			isProduction: true,
			demoData: false,
			requireMfa: true,
			secureCookies: true,
			warnings: []
		});
	});

	// NODE_ENV=production alone is production, whatever ORIGIN says (npm start sets an http one).
	it.each([
		['no ORIGIN', {}],
		['an http ORIGIN', { ORIGIN: 'http://localhost:3000' }],
		['an https ORIGIN', { ORIGIN: 'https://clinic.example' }]
	])('with NODE_ENV=production and %s, refuses the default or a short secret and demo data', (_, origin) => {
		const production = { NODE_ENV: 'production', ...origin };
		expect(problemWith(production)).toMatch(/^Configuration error: APP_SECRET .*shipped default/);
		expect(problemWith({ ...production, APP_SECRET: DEVELOPMENT_APP_SECRET })).toMatch(/^Configuration error: APP_SECRET /);
		expect(problemWith({ ...production, APP_SECRET: 'x'.repeat(31) })).toMatch(/^Configuration error: APP_SECRET must be at least 32 characters/);
		for (const on of ['true', '1', 'yes', 'on']) {
			expect(problemWith({ ...production, APP_SECRET: productionSecret, DEMO_DATA: on })).toMatch(/^Configuration error: DEMO_DATA /);
		}
		expect(loadConfig({ ...production, APP_SECRET: productionSecret })).toMatchObject({ isProduction: true, demoData: false, requireMfa: true });
	});

	it('lets production turn MFA off only when told to', () => {
		const production = { NODE_ENV: 'production', ORIGIN: 'https://clinic.example', APP_SECRET: productionSecret };
		expect(loadConfig(production).requireMfa).toBe(true);
		expect(loadConfig({ ...production, REQUIRE_MFA: 'false' }).requireMfa).toBe(false);
		expect(loadConfig({}).requireMfa).toBe(false);
	});

	it('warns, in one line, when production is served over plain http or without an ORIGIN', () => {
		const production = { NODE_ENV: 'production', APP_SECRET: productionSecret };
		const http = loadConfig({ ...production, ORIGIN: 'http://clinic.example' });
		expect(http).toMatchObject({ isProduction: true, secureCookies: false });
		expect(http.warnings).toHaveLength(1);
		expect(http.warnings[0]).toMatch(/^Warning: production over plain http .*ORIGIN=http:\/\/clinic\.example/);
		expect(http.warnings[0]).not.toContain('\n');
		expect(loadConfig(production).warnings[0]).toMatch(/^Warning: .*ORIGIN is not set/);
		expect(loadConfig({ ...production, ORIGIN: 'https://clinic.example' }).warnings).toEqual([]);
		expect(loadConfig({ ORIGIN: 'http://localhost:3000' }).warnings).toEqual([]);
	});
});
