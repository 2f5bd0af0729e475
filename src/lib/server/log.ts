import pino, { type Logger } from 'pino';

/**
 * Fields a log line may carry. Anything else is dropped before it is written, so a careless
 * `log.info({ patient })` cannot leak names, notes or dates of birth into log storage.
 */
export const LOG_FIELDS = [
	'event',
	'requestId',
	'method',
	'route',
	'status',
	'durationMs',
	'actorId',
	'actorRole',
	'engine',
	'migrations',
	'errorName',
	'errorCode',
	'port',
	'reason',
	'count',
	// Background jobs: ids and kind codes only (payloads are never logged).
	'jobId',
	'jobKind',
	'attempt'
] as const;

export type LogField = (typeof LOG_FIELDS)[number];
export type LogFields = Partial<Record<LogField, string | number | boolean | string[] | undefined>>;

const allowed = new Set<string>(LOG_FIELDS);

export function keepAllowedFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
	return Object.fromEntries(Object.entries(fields ?? {}).filter(([key]) => allowed.has(key)));
}

/** What services log through: only allow-listed fields type-check (and others are dropped anyway). */
export interface AppLogger {
	info(fields: LogFields, message?: string): void;
	warn(fields: LogFields, message?: string): void;
	error(fields: LogFields, message?: string): void;
	debug(fields: LogFields, message?: string): void;
	child(bindings: LogFields): AppLogger;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
	const logger = pino(
		{
			level,
			base: undefined,
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: {
				level: (label) => ({ level: label }),
				log: keepAllowedFields,
				bindings: keepAllowedFields
			}
		},
		destination
	);
	// pino's bindings formatter sees only the root's bindings, so child bindings are filtered here.
	// Children inherit from their parent object, so this covers grandchildren too.
	const originalChild = logger.child;
	logger.child = function (this: Logger, bindings, options) {
		return originalChild.call(this, keepAllowedFields(bindings), options);
	} as Logger['child'];
	return logger;
}
