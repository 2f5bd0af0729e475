import { randomUUID } from 'node:crypto';
import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { getApp, setApp } from '$lib/server/app-instance';
import { anonymous, type Actor } from '$lib/server/auth/actor';
import { resolveSession } from '$lib/server/auth/session.service';
import { signInLocation } from '$lib/server/auth/return-to';
import { startupBanner } from '$lib/server/banner';
import { ConfigError, loadConfig } from '$lib/server/config';
import { createLogger } from '$lib/server/log';
import { readSessionCookie } from '$lib/server/session-cookie';
import { startApp, StartupError } from '$lib/server/startup';
import { startAppJobWorker } from '$lib/server/jobs/app-worker';
import { recordAudit } from '$lib/server/audit/audit.service';
import { setSecurityHeaders } from '$lib/server/security-headers';
import { asApiProblem, isApiPath, refuseAtEdge } from '$lib/server/edge';

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
		const jobs = startAppJobWorker(app);
		const url = config.origin ?? `http://localhost:${config.port}`;
		if (config.logLevel !== 'silent') process.stdout.write(startupBanner(url, app.database.engine, app.demo));
		process.once('sveltekit:shutdown', () => {
			// adapter-node stops accepting requests and waits for in-flight ones before this fires;
			// the job worker finishes the jobs in hand before the database closes.
			void (jobs?.stop() ?? Promise.resolve())
				.then(() => app.database.close())
				.then(() => log.info({ event: 'shutdown' }));
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`Needlepoint could not start: ${message}\n`);
		log.error({ event: 'startup_failed', errorName: error instanceof StartupError ? 'StartupError' : 'Error' });
		process.exit(1);
	}
};

const SIGN_IN_PATH = '/staff/sign-in';
/** Where a session that passed the password but not yet the second factor may go. */
const STEP_PATHS: Record<'pending_mfa' | 'enrol_mfa', string> = {
	pending_mfa: '/staff/sign-in/verify',
	enrol_mfa: '/staff/sign-in/setup-mfa'
};
const OPEN_STAFF_PATHS = new Set([SIGN_IN_PATH, '/staff/sign-out', '/staff/forgot-password']);

function clientAddress(event: Parameters<Handle>[0]['event']): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

function isStaffPath(pathname: string): boolean {
	return pathname === '/staff' || pathname.startsWith('/staff/');
}

function isOpenStaffPath(pathname: string): boolean {
	return OPEN_STAFF_PATHS.has(pathname) || pathname.startsWith('/staff/reset-password/');
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const app = getApp();
	const requestId = randomUUID();
	const refused = await refuseAtEdge(event.request, event.url, requestId);
	if (refused) return finish(refused, { requestId, staffPath: isStaffPath(event.url.pathname), method: event.request.method, route: event.route.id, started });
	const sessionToken = readSessionCookie(event.cookies, app.config);
	const session = sessionToken
		? await resolveSession(app.database.db, app.clock, { idleMinutes: app.config.sessionIdleMinutes }, sessionToken)
		: null;
	const full = session?.stage === 'full' ? session : null;
	const actor: Actor = full?.actor ?? anonymous;
	const log = app.log.child({ requestId });
	event.locals.requestId = requestId;
	event.locals.actor = actor;
	event.locals.sessionToken = session ? sessionToken : undefined;
	event.locals.pending =
		session && session.stage !== 'full'
			? { staffId: session.actor.staffId, email: session.actor.email, tokenHash: session.tokenHash, stage: session.stage }
			: undefined;
	event.locals.ctx = {
		actor,
		db: app.database.db,
		clock: app.clock,
		log,
		config: app.config,
		mail: app.mail,
		requestId,
		client: { ip: clientAddress(event), userAgent: event.request.headers.get('user-agent')?.slice(0, 300) ?? null }
	};

	const { pathname } = event.url;
	const staffPath = isStaffPath(pathname);
	if (staffPath && !full) {
		// Deny by default: every staff URL needs a full session, except signing in and its steps.
		const pending = event.locals.pending;
		if (pending) {
			const step = STEP_PATHS[pending.stage];
			if (pathname !== step && pathname !== '/staff/sign-out') redirect(303, step);
		} else if (!isOpenStaffPath(pathname)) {
			// A cookie that no longer opens a session: it ended (idle, 12 hours, signed out elsewhere).
			redirect(303, signInLocation(event.url, event.request.method, Boolean(sessionToken)));
		}
	}

	let response = await resolve(event);
	if (isApiPath(pathname)) response = await asApiProblem(response, requestId);
	if (response.status === 403) await auditDenied(event.locals.ctx, event.route.id, event.request.method);
	return finish(response, { requestId, staffPath, method: event.request.method, route: event.route.id, started, actorId: full?.actor.staffId });
};

/** Headers and the request log line, for answers from the app and refusals at the edge alike. */
function finish(
	response: Response,
	r: { requestId: string; staffPath: boolean; method: string; route: string | null; started: number; actorId?: string }
): Response {
	const app = getApp();
	setSecurityHeaders(response.headers, r.staffPath, app.config.secureCookies);
	response.headers.set('x-request-id', r.requestId);
	app.log.info({
		event: 'request',
		requestId: r.requestId,
		method: r.method,
		route: r.route ?? 'unmatched',
		status: response.status,
		durationMs: Math.round(performance.now() - r.started),
		actorId: r.actorId
	});
	return response;
}

/** Every refusal is recorded, whichever page or service refused. */
async function auditDenied(ctx: App.Locals['ctx'], route: string | null, method: string): Promise<void> {
	try {
		await recordAudit(ctx, { action: 'access.denied', outcome: 'denied', entityType: 'route', entityId: `${method} ${route ?? 'unmatched'}` });
	} catch {
		ctx.log.error({ event: 'audit_failed', requestId: ctx.requestId });
	}
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
