import { randomUUID } from 'node:crypto';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { getApp, setApp } from '$lib/server/app-instance';
import { anonymous, type Actor } from '$lib/server/auth/actor';
import { resolveSession } from '$lib/server/auth/session.service';
import { startupBanner } from '$lib/server/banner';
import { ConfigError, loadConfig } from '$lib/server/config';
import { createLogger } from '$lib/server/log';
import { readSessionCookie } from '$lib/server/session-cookie';
import { startApp, StartupError } from '$lib/server/startup';

export const init: ServerInit = async () => {
	let config;
	try {
		config = loadConfig(process.env);
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
	const log = createLogger(config.logLevel);
	try {
		const app = await startApp(config, log);
		setApp(app);
		const url = config.origin ?? `http://localhost:${config.port}`;
		if (config.logLevel !== 'silent') process.stdout.write(startupBanner(url, app.database.engine, app.demo));
		process.once('sveltekit:shutdown', () => {
			// adapter-node stops accepting requests and waits for in-flight ones before this fires.
			void app.database.close().then(() => log.info({ event: 'shutdown' }));
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`Needlepoint could not start: ${message}\n`);
		log.error({ event: 'startup_failed', errorName: error instanceof StartupError ? 'StartupError' : 'Error' });
		process.exit(1);
	}
};

const SIGN_IN_PATH = '/staff/sign-in';

function isStaffPath(pathname: string): boolean {
	return pathname === '/staff' || pathname.startsWith('/staff/');
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const app = getApp();
	const requestId = randomUUID();
	const sessionToken = readSessionCookie(event.cookies, app.config);
	const staff = sessionToken
		? await resolveSession(app.database.db, app.clock, { idleMinutes: app.config.sessionIdleMinutes }, sessionToken)
		: null;
	const actor: Actor = staff ?? anonymous;
	const log = app.log.child({ requestId });
	event.locals.requestId = requestId;
	event.locals.actor = actor;
	event.locals.sessionToken = staff ? sessionToken : undefined;
	event.locals.ctx = { actor, db: app.database.db, clock: app.clock, log, config: app.config, mail: app.mail, requestId };

	const staffPath = isStaffPath(event.url.pathname);
	if (staffPath && actor.kind !== 'staff' && event.url.pathname !== SIGN_IN_PATH) {
		// Deny by default: every staff URL except the sign-in page needs a session.
		redirect(303, SIGN_IN_PATH);
	}

	const response = await resolve(event);
	setSecurityHeaders(response.headers, staffPath, app.config.secureCookies);
	response.headers.set('x-request-id', requestId);
	log.info({
		event: 'request',
		method: event.request.method,
		route: event.route.id ?? 'unmatched',
		status: response.status,
		durationMs: Math.round(performance.now() - started),
		actorId: staff?.staffId
	});
	return response;
};

function setSecurityHeaders(headers: Headers, staffPath: boolean, https: boolean): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (staffPath) headers.set('cache-control', 'no-store');
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId ?? 'unknown';
	if (status >= 500) {
		// Only the error's class: messages can carry SQL or patient data.
		getApp().log.error({
			event: 'unexpected_error',
			requestId,
			route: event.route.id ?? 'unmatched',
			errorName: error instanceof Error ? error.name : typeof error
		});
		// A developer's own machine may see the stack; production logs never do.
		if (getApp().config.nodeEnv === 'development' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
	}
	return {
		message: status === 404 ? 'Page not found.' : 'Something went wrong on our side. Please try again.',
		requestId
	};
};
