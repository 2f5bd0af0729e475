import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './browser';

/** Every answer code the assessment tests use: none may ever appear in a URL. */
export const ANSWER_CODES = [
	'low_back',
	'hip_left',
	'sciatica',
	'sleep',
	'muscle_tightness',
	'chronic',
	'pregnant',
	'western',
	'tcm',
	'chest_pain_or_breathless',
	'cancer_history'
];

/** Collects the URL of every request a page makes, to check that no answer travels in one. */
export function recordUrls(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

/**
 * axe runs inside the page, so it cannot scan a page loaded with JavaScript off. This replays the
 * exact HTML such a page received in a second, script-enabled page at the same origin (so the same
 * stylesheets load), and scans that.
 */
export async function expectAccessibleHtml(browser: Browser, origin: string, html: string): Promise<void> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const address = `${origin}/__axe-replay`;
	await page.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
	await page.goto(address);
	await expectAccessible(page);
	await context.close();
}

/** The RGB colour CSS gives an SVG shape's fill or stroke, e.g. "rgb(11, 93, 85)". */
export function shapePaint(page: Page, region: string, property: 'fill' | 'stroke'): Promise<string> {
	return page
		.locator(`label.hotspot[for="region-${region}"] .shape`)
		.evaluate((shape, name) => getComputedStyle(shape).getPropertyValue(name), property);
}
