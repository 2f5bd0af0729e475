import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser, waitForAddress } from './support/browser';
import { ADMIN, CLINICIAN, FRONT_DESK } from './support/demo';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

describe.skipIf(!chromiumAvailable && !browserRequired)('staff in the browser', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ DATABASE_FILE: database.file }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
	});

	async function signInAs(page: Page, email: string): Promise<void> {
		await signInInBrowser(page, server.url, email);
	}

	it('signs an admin in, edits a service with a mistake and a fix, and signs out', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${server.url}/staff/admin/services`);
		expect(page.url()).toBe(`${server.url}/staff/sign-in?next=%2Fstaff%2Fadmin%2Fservices`);
		await expectAccessible(page);

		await signInAs(page, ADMIN);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Morgan Reyes');
		expect(await page.getByRole('note').textContent()).toContain('Demo clinic.');
		await expectAccessible(page);

		await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Services' }).click();
		await waitForAddress(page, `${server.url}/staff/admin/services`);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Dry needling session' }).click();
		await expect.poll(() => page.url()).toMatch(/\/staff\/admin\/services\/[^/]+$/);
		await expectAccessible(page);

		const duration = page.getByLabel('Duration (minutes)');
		await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Dry needling — 40 minutes');
		await duration.fill('-10');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => page.locator('#field-durationMinutes-error').textContent()).toBe('Duration must be at least 5.');
		expect(await duration.getAttribute('aria-invalid')).toBe('true');
		// What was typed is still there.
		expect(await duration.inputValue()).toBe('-10');
		expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Dry needling — 40 minutes');
		await expectAccessible(page);

		await duration.fill('40');
		await page.getByLabel('Price (US$)').fill('99.50');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
		await page.reload();
		expect(await page.getByLabel('Duration (minutes)').inputValue()).toBe('40');
		expect(await page.getByLabel('Price (US$)').inputValue()).toBe('99.50');

		await page.getByRole('button', { name: 'Sign out' }).click();
		await waitForAddress(page, `${server.url}/staff/sign-in`);
		await page.goto(`${server.url}/staff`);
		expect(page.url()).toBe(`${server.url}/staff/sign-in`);
		await page.context().close();
	});

	it('keeps the email and says nothing specific after a wrong password', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${server.url}/staff/sign-in`);
		await page.getByLabel('Email').fill(ADMIN);
		await page.getByLabel('Password').fill('not the password at all');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email or password is incorrect.');
		expect(await page.getByLabel('Email').inputValue()).toBe(ADMIN);
		expect(await page.getByLabel('Password').inputValue()).toBe('');
		await expectAccessible(page);
		await page.context().close();
	});

	it('refuses the admin pages to front-desk staff and clinicians', async () => {
		for (const email of [FRONT_DESK, CLINICIAN]) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await signInAs(page, email);
			expect(await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Services' }).count()).toBe(0);
			for (const path of ['/staff/admin/services', '/staff/admin/staff', '/staff/admin/clinic', '/staff/admin/locations']) {
				const response = await page.goto(`${server.url}${path}`);
				expect(response?.status(), `${email} ${path}`).toBe(403);
				expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
			}
			await expectAccessible(page);
			await context.close();
		}
	});

	it('shows the public home page without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const response = await page.goto(`${server.url}/`);
		expect(response?.status()).toBe(200);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Boston Spine');
		await context.close();
		// axe needs script in the page, so the same server-rendered page is scanned with it on.
		const scanned = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
		await scanned.goto(`${server.url}/`);
		await expectAccessible(scanned);
		await scanned.context().close();
	});
});
