// `npm run audit:verify`: checks the whole audit trail's hash chain and names the first broken
// row. Needs the same APP_SECRET as the app (the chain is keyed with it). Exit 0 = intact.
import { openDatabase } from '../src/lib/server/db/database';
import { verifyAuditChain } from '../src/lib/server/audit/verify';
import { cliConfig, fail } from './lib/cli';

const config = cliConfig();
const database = openDatabase(config.database);
try {
	const report = await verifyAuditChain(database.db, config.appSecret);
	if (report.ok) {
		process.stdout.write(`Audit trail intact: ${report.checked} events verified.\n`);
	} else {
		fail(`Audit trail BROKEN at event #${report.brokenId} (${report.at}): ${report.reason}. ${report.checked} events before it verified.`);
	}
} finally {
	await database.close();
}
