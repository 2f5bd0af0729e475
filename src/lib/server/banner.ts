import { DEMO_PASSWORD, DEMO_STAFF } from './demo/demo-clinic';
import { ROLE_LABELS } from '../shared/roles';

/** What `npm start` shows a person who just installed Needlepoint. */
export function startupBanner(url: string, engine: string, demo: boolean): string {
	const lines = ['', `Needlepoint — ${url}  (database: ${engine})`, `Staff sign-in: ${url}/staff/sign-in`];
	if (demo) {
		lines.push('', `Demo clinic "Boston Spine" — every login uses the password: ${DEMO_PASSWORD}`);
		for (const member of DEMO_STAFF) {
			lines.push(`  ${ROLE_LABELS[member.role].padEnd(14)} ${member.email.padEnd(34)} ${member.name}`);
		}
		lines.push('These are public demo logins: never use this database for real patients.');
	}
	return lines.join('\n') + '\n';
}
