// `npx tsx scripts/jobs-run-once.ts`: runs every job that is due now (emails, reminders) and exits.
// For draining the queue while no server runs, or from cron on an installation where every
// instance has JOB_WORKER=false. Same claims, leases and at-most-once sending as the in-app worker,
// so it is safe to run next to running servers.
import { createAppJobWorker } from '../src/lib/server/jobs/app-worker';
import { startApp } from '../src/lib/server/startup';
import { cliConfig, cliLogger } from './lib/cli';

const config = cliConfig();
const app = await startApp(config, cliLogger(config));
try {
	const worker = createAppJobWorker(app);
	let total = 0;
	for (let ran = await worker.runOnce(); ran > 0; ran = await worker.runOnce()) total += ran;
	process.stdout.write(`Ran ${total} due ${total === 1 ? 'job' : 'jobs'}.\n`);
} finally {
	await app.database.close();
}
