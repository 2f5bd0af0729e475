import { z } from 'zod';

/** Shipped with the code, so it protects nothing: production refuses to start with it. */
export const DEVELOPMENT_APP_SECRET = 'needlepoint-development-secret-do-not-use-in-production';

const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
		error: 'must be true or false'
	})
	.transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const envSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	ORIGIN: z
		.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
		.optional(),
	PORT: z.coerce
		.number({ error: 'must be a port number' })
		.int('must be a whole number')
		.min(1, 'must be between 1 and 65535')
		.max(65535, 'must be between 1 and 65535')
		.default(3000),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')
		.optional(),
	DATABASE_FILE: z.string().min(1, 'must not be empty').default('./data/needlepoint.db'),
	APP_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_APP_SECRET),
	DEMO_DATA: flag.optional(),
	REQUIRE_MFA: flag.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	SESSION_IDLE_MINUTES: z.coerce
		.number({ error: 'must be a number of minutes' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.max(24 * 60, 'must be at most 1440')
		.default(30),
	BACKUP_DIR: z.string().min(1, 'must not be empty').default('./backups'),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
		.optional(),
	MAIL_FROM: z
		.string()
		.trim()
		.regex(/^[^<>\r\n]*<?[^@\s<>]+@[^@\s<>]+>?$/, 'must be an address like "Clinic <hello@clinic.example>"')
		.optional(),
	OUTBOX_DIR: z.string().min(1, 'must not be empty').default('./data/outbox'),
	JOB_WORKER: flag.optional(),
	JOB_POLL_SECONDS: z.coerce
		.number({ error: 'must be a number of seconds' })
		.min(0.1, 'must be at least 0.1')
		.max(3600, 'must be at most 3600')
		.default(5),
	JOB_LEASE_SECONDS: z.coerce
		.number({ error: 'must be a number of seconds' })
		.int('must be a whole number')
		.min(5, 'must be at least 5')
		.max(3600, 'must be at most 3600')
		.default(120)
});

export type Config = {
	nodeEnv: 'development' | 'production' | 'test';
	origin: string | undefined;
	port: number;
	database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
	appSecret: string;
	/** Seed the fictional Boston Spine clinic when the database is empty. */
	demoData: boolean;
	logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
	sessionIdleMinutes: number;
	/** Every staff role that sees patient data must use a second factor (TOTP). */
	requireMfa: boolean;
	backupDir: string;
	/** SMTP when smtpUrl is set; otherwise messages are written to outboxDir. */
	mail: { smtpUrl: string | undefined; from: string | undefined; outboxDir: string };
	/** The background worker that sends emails and reminders (off: this instance only serves pages). */
	jobs: { worker: boolean; pollMs: number; leaseMs: number };
	/** NODE_ENV=production, whatever the ORIGIN: the unsafe defaults are refused, MFA is on. */
	isProduction: boolean;
	/** Secure, `__Host-` cookies and HSTS: only when the ORIGIN is https. */
	secureCookies: boolean;
	/** One line each, printed at start: settings that are allowed but unsafe. */
	warnings: string[];
};

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		readonly problem: string
	) {
		super(`Configuration error: ${variable} ${problem}`);
		this.name = 'ConfigError';
	}
}

/**
 * Parses the environment once at start. Throws a ConfigError naming the first bad variable, so the
 * process can print one line and exit 1 instead of failing later in a request.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const defined = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value !== '')
	);
	const parsed = envSchema.safeParse(defined);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const variable = String(issue?.path[0] ?? 'environment');
		const value = SECRET_VARIABLES.has(variable) ? undefined : defined[variable];
		const detail = issue?.message ?? 'is invalid';
		throw new ConfigError(variable, value === undefined ? detail : `${detail} (got "${value}")`);
	}
	const e = parsed.data;
	const https = e.ORIGIN?.startsWith('https://') ?? false;
	// Keyed on NODE_ENV alone: an http ORIGIN (npm start sets one) must not switch the checks off.
	const isProduction = e.NODE_ENV === 'production';
	const config: Config = {
		nodeEnv: e.NODE_ENV,
		origin: e.ORIGIN,
		port: e.PORT,
		database: e.DATABASE_URL
			? { engine: 'postgres', url: e.DATABASE_URL }
			: { engine: 'sqlite', file: e.DATABASE_FILE },
		appSecret: e.APP_SECRET,
		demoData: e.DEMO_DATA ?? !isProduction,
		logLevel: e.LOG_LEVEL,
		sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
		requireMfa: e.REQUIRE_MFA ?? isProduction,
		backupDir: e.BACKUP_DIR,
		mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: e.OUTBOX_DIR },
		jobs: { worker: e.JOB_WORKER ?? true, pollMs: Math.round(e.JOB_POLL_SECONDS * 1000), leaseMs: e.JOB_LEASE_SECONDS * 1000 },
		isProduction,
		secureCookies: https,
		warnings: isProduction && !https ? [plainHttpWarning(e.ORIGIN)] : []
	};
	if (isProduction) refuseInsecureProductionConfig(config);
	return config;
}

/** Printed without their value: they hold passwords or keys. */
const SECRET_VARIABLES = new Set(['APP_SECRET', 'DATABASE_URL', 'SMTP_URL']);

function refuseInsecureProductionConfig(config: Config): void {
	if (config.appSecret === DEVELOPMENT_APP_SECRET) {
		throw new ConfigError('APP_SECRET', 'must be set to your own secret of at least 32 characters in production (it is the shipped default)');
	}
	if (config.demoData) {
		throw new ConfigError('DEMO_DATA', 'must be false in production (the demo logins are public)');
	}
}

function plainHttpWarning(origin: string | undefined): string {
	const where = origin ? `ORIGIN=${origin}` : 'ORIGIN is not set';
	return `Warning: production over plain http (${where}): session cookies are not Secure and no HSTS is sent. Serve it behind https and set ORIGIN=https://your-clinic.example.`;
}
