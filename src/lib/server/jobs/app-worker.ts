import type { App } from '../startup';
import { probeFor } from '../notifications/delivery-probe';
import { notificationHandlers } from '../notifications/handlers';
import { intakeHandlers } from '../intake/intake-jobs';
import { consentCopyHandler } from '../consent/consent-copy';
import { noticeHost } from '../notifications/notice-host';
import { createJobWorker, DEFAULT_WORKER_OPTIONS, type JobWorker } from './worker';

/** The application's job worker: every handler the app knows, wired to the app's services. */
export function createAppJobWorker(app: App): JobWorker {
	return createJobWorker(
		{
			db: app.database.db,
			clock: app.clock,
			log: app.log,
			env: { mail: app.mail, probe: probeFor(app.config), host: noticeHost(app.config.origin), ...(app.config.origin ? { origin: app.config.origin } : {}) }
		},
		[...notificationHandlers, ...intakeHandlers, consentCopyHandler],
		{ ...DEFAULT_WORKER_OPTIONS, pollMs: app.config.jobs.pollMs, leaseMs: app.config.jobs.leaseMs }
	);
}

/**
 * Started by the init hook after the app is up; stopped on shutdown before the database closes.
 * Returns undefined when JOB_WORKER=false (an instance that only serves pages; at least one
 * instance must run a worker).
 */
export function startAppJobWorker(app: App): JobWorker | undefined {
	if (!app.config.jobs.worker) return undefined;
	const worker = createAppJobWorker(app);
	worker.start();
	return worker;
}
