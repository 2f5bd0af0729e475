import SqliteDatabase from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeSlots, patient, postJson, providers } from './support/booking';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser, waitForAddress } from './support/browser';
import { ADMIN, CLINICIAN, FRONT_DESK } from './support/demo';
import { recordUrls } from './support/assessment';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

describe.skipIf(!chromiumAvailable && !browserRequired)('the staff calendar in the browser', () => {
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

	const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

	it('lets the front desk book a caller from the calendar with the keyboard, then mark the visit', async () => {
		const page = await (await browser.newContext()).newPage();
		const urls = recordUrls(page);
		await signInAs(page, FRONT_DESK);
		await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Calendar' }).click();
		expect(await heading(page)).toBe('Calendar');
		await expectAccessible(page);

		const newLink = page.getByRole('link', { name: 'New appointment' });
		await newLink.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/staff\/appointments\/new/);
		expect(await heading(page)).toBe('New appointment');
		await page.getByLabel('Service', { exact: true }).selectOption('follow-up');
		await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Dr. Priya Nair' });
		await page.getByRole('button', { name: 'Show free times' }).click();
		await expectAccessible(page);

		// Nothing picked and nothing typed: the form comes back with messages, nothing booked.
		await page.getByRole('button', { name: 'Book appointment' }).click();
		expect(await page.getByRole('alert').textContent()).toBeTruthy();

		const first = page.locator('input[name="start"]').first();
		const start = (await first.getAttribute('value'))!;
		await first.focus();
		await page.keyboard.press('Space');
		const caller = patient('caller');
		await page.getByLabel('First name').fill(caller.firstName);
		await page.getByLabel('Last name').fill(caller.lastName);
		await page.getByLabel('Email').fill(caller.email);
		await page.getByLabel('Phone').fill(caller.phone);
		await page.getByLabel('Date of birth').fill(caller.dateOfBirth);
		await page.getByRole('button', { name: 'Book appointment' }).click();
		await page.waitForURL(/\/staff\/appointments\/[0-9a-f-]{36}\?booked=1$/);
		expect(await page.getByRole('status').textContent()).toBe('Booked.');
		expect(await page.locator('.facts').textContent()).toContain('Test Patient caller');
		await expectAccessible(page);

		// The online availability agrees: that time is gone.
		const priya = (await providers(server.url)).find((p) => p.displayName === 'Dr. Priya Nair')!.id;
		expect((await freeSlots(server.url, 'follow-up', priya, 0, 20)).map((s) => s.start)).not.toContain(start);

		await page.getByRole('button', { name: 'Mark arrived' }).click();
		expect(await page.locator('.facts').textContent()).toContain('Arrived');
		await page.getByRole('button', { name: 'Mark completed' }).click();
		expect(await page.locator('.facts').textContent()).toContain('Completed');

		// Calendar for that day shows it.
		await page.goto(`${server.url}/staff/calendar?date=${start.slice(0, 10)}&provider=${priya}`);
		expect(await page.getByRole('table').first().textContent()).toContain('Test Patient caller');
		await expectAccessible(page);
		await page.goto(`${server.url}/staff/calendar?view=week&date=${start.slice(0, 10)}`);
		expect(await page.getByRole('heading', { level: 2 }).count()).toBe(7);

		for (const url of urls) expect(url).not.toContain('example.com');
	});

	it('moves and cancels an online booking after a review step with a reason, marking a patient’s cancellation inside the notice period as late', async () => {
		const alex = (await providers(server.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
		const [soon] = await freeSlots(server.url, 'initial-consultation', alex, 0, 2);
		const booked = await (await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: soon!.start, patient: patient('moved') })).json();
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, CLINICIAN);
		await page.goto(`${server.url}/staff/appointments/${booked.id}`);
		await page.getByRole('link', { name: 'Move to another time' }).click();
		await expectAccessible(page);
		const option = page.locator('input[name="start"]').nth(2);
		await option.check();
		await page.getByRole('button', { name: 'Move appointment' }).click();
		await waitForAddress(page, `${server.url}/staff/appointments/${booked.id}`);
		const stillSoon = Date.parse(soon!.start) - Date.now() < 24 * 3_600_000;
		// One click only opens the review; nothing is cancelled until who and why are given.
		await page.getByRole('link', { name: 'Cancel appointment…' }).click();
		await expectAccessible(page);
		await page.getByLabel('The patient').check();
		await page.getByLabel('Reason').fill(' ');
		await page.getByRole('button', { name: 'Cancel appointment' }).click();
		expect(await page.locator('.error').first().textContent()).toContain('reason');
		expect(await page.getByLabel('The patient').isChecked()).toBe(true);
		await page.getByLabel('Reason').fill('Called: stuck abroad');
		await page.getByRole('button', { name: 'Cancel appointment' }).click();
		await waitForAddress(page, `${server.url}/staff/appointments/${booked.id}`);
		const facts = await page.locator('.facts').textContent();
		expect(facts).toContain('Cancelled');
		expect(facts).toContain('Called: stuck abroad');
		const db = new SqliteDatabase(database.file, { readonly: true });
		const row = db.prepare('select late_cancellation as late, sequence, cancelled_by as cancelledBy from appointment where id = ?').get(booked.id) as { late: number; sequence: number; cancelledBy: string };
		db.close();
		expect(row.sequence).toBe(2);
		expect(row.cancelledBy).toBe('patient');
		if (stillSoon) expect(row.late).toBe(1);
	});

	it('finds patients by a POST search and merges a duplicate, as the front desk', async () => {
		const alex = (await providers(server.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
		const slots = await freeSlots(server.url, 'initial-consultation', alex, 3, 6);
		const twin = { ...patient('twin'), lastName: 'Duplicate-Person' };
		const later = slots.find((s) => Date.parse(s.start) >= Date.parse(slots[0]!.start) + 3_600_000)!;
		expect((await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slots[0]!.start, patient: twin })).status).toBe(201);
		expect((await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: later.start, patient: { ...twin, dateOfBirth: '1985-03-15' } })).status).toBe(201);

		const page = await (await browser.newContext()).newPage();
		const urls = recordUrls(page);
		await signInAs(page, FRONT_DESK);
		await page.goto(`${server.url}/staff/patients`);
		await page.getByLabel('Find a patient').fill('duplicate-person');
		await page.getByRole('button', { name: 'Search' }).click();
		expect(await page.getByRole('heading', { name: '2 found' }).count()).toBe(1);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Duplicate-Person, Test' }).first().click();
		expect(await page.getByRole('table', { name: 'Appointments' }).textContent()).toContain('Initial consultation');
		await page.getByLabel('Find the duplicate').fill('duplicate-person');
		await page.getByRole('button', { name: 'Find' }).click();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Merge into this record' }).click();
		expect(await page.getByRole('status').textContent()).toBe('Records merged.');
		expect(await page.getByRole('table', { name: 'Appointments' }).getByRole('row').count()).toBe(3);
		for (const url of urls) expect(url.toLowerCase()).not.toContain('duplicate');
	});

	it('lets an admin add time off that removes the day from online booking', async () => {
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, ADMIN);
		await page.goto(`${server.url}/staff/schedule`);
		await page.getByRole('link', { name: 'Lin Zhao' }).click();
		await expectAccessible(page);
		const lin = (await providers(server.url)).find((p) => p.displayName === 'Lin Zhao')!.id;
		const [first] = await freeSlots(server.url, 'acupuncture', lin, 2, 20);
		const date = first!.start.slice(0, 10);
		const form = page.getByRole('form', { name: 'Add time off or extra hours' });
		await form.getByLabel('Date').fill(date);
		await form.getByLabel('Note').fill('Conference');
		await form.getByRole('button', { name: 'Add' }).click();
		expect(await page.getByRole('status').textContent()).toBe('Saved.');
		expect((await freeSlots(server.url, 'acupuncture', lin, 2, 20)).filter((s) => s.start.startsWith(date))).toEqual([]);
	});
});
