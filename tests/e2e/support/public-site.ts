import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The form token of a public page's form, as a browser would submit it. */
export function formTokenIn(html: string): string {
	const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
	if (!token) throw new Error('no form token on the page');
	return token;
}

/** Public forms refuse posts sooner than this after the page was shown (a bot signal). */
export const MIN_SECONDS_ON_PAGE = 3;

export function waitOnPage(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, MIN_SECONDS_ON_PAGE * 1000 + 200));
}

/** Raw .eml messages in the outbox folder, oldest first. */
export function outboxMessages(dir: string): string[] {
	let files: string[];
	try {
		files = readdirSync(dir);
	} catch {
		return [];
	}
	return files
		.filter((f) => f.endsWith('.eml'))
		.sort()
		.map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The HTML of a <script ... src> or inline executable script, if the page has any. */
export function executableScripts(html: string): string[] {
	return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '').filter((attrs) => !/type="application\/ld\+json"/.test(attrs));
}
