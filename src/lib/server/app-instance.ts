import type { App } from './startup';

/**
 * The process-wide infrastructure (config, database pool, logger) created by the init hook.
 * Holds no per-user state: each request gets its own Ctx.
 */
let instance: App | undefined;

export function setApp(app: App): void {
	instance = app;
}

export function getApp(): App {
	if (!instance) throw new Error('Needlepoint has not started yet');
	return instance;
}
