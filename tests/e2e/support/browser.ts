import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD as DEMO_PASSWORD } from './demo';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** False when no Chromium is installed; suites then skip loudly (or fail, under CI). */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const browserRequired = process.env.CI === 'true' || process.env.NEEDLEPOINT_REQUIRE_BROWSER === '1';

if (!chromiumAvailable && !browserRequired) {
	process.stderr.write(`\n*** Browser tests are SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium). ***\n\n`);
}

export async function launchBrowser(): Promise<Browser> {
	if (!chromiumAvailable) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium).`);
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		// Without the background-networking flags Chromium keeps trying hosts this sandbox cannot reach.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits until the page shows `url` (polling the address rather than waiting for a load event,
 * which a fast form-post-and-redirect can finish before the wait starts), then for its DOM.
 */
export async function waitForAddress(page: Page, url: string): Promise<void> {
	await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(url);
	await page.waitForLoadState('domcontentloaded');
}

/** Signs a staff member in through the sign-in page and waits for the staff home. */
export async function signInInBrowser(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto(`${baseUrl}/staff/sign-in`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await waitForAddress(page, `${baseUrl}/staff`);
}
