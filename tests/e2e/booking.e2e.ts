import SqliteDatabase from 'better-sqlite3';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleHtml, recordUrls } from './support/assessment';
import { freeSlots, patient, postJson, providers } from './support/booking';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser } from './support/browser';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const PHONE = { width: 390, height: 844 };
/** Walks of many pages with an axe scan on most: on a busy 2-core CI machine they outgrow the default minute. */
const LONG = 180_000;

describe.skipIf(!chromiumAvailable && !browserRequired)('online booking in the browser', () => {
	const database = tempDatabaseFile();
	let server: RunningServer;
	let browser: Browser;
	let alex = '';

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ DATABASE_FILE: database.file }), launchBrowser()]);
		alex = (await providers(server.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
	});

	const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
	// axe, and the two checks a third-party validator flagged: aria-label on a plain list, titles over 70 characters.
	const validator = new HtmlValidate({ rules: { 'aria-label-misuse': 'error', 'long-title': 'error' } });
	const scan = async (page: Page) => {
		const html = await page.content();
		const report = await validator.validateString(html);
		expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
		await expectAccessibleHtml(browser, server.url, html);
	};
	const sql = <T>(query: string, ...args: unknown[]): T => {
		const db = new SqliteDatabase(database.file, { readonly: true });
		try {
			return db.prepare(query).get(...args) as T;
		} finally {
			db.close();
		}
	};
	const bookingsFor = (email: string) =>
		sql<{ n: number }>('select count(*) as n from appointment a join patient p on p.id = a.patient_id where p.email = ?', email).n;
	const draftExists = (id: string) => sql<{ n: number }>('select count(*) as n from flow_draft where id = ?', id).n > 0;

	/** Only the step's name may be in an address: never a name, an email, a date of birth or a choice. */
	function expectNothingPersonalIn(urls: string[]): void {
		for (const url of urls.filter((u) => u.startsWith(server.url))) {
			for (const name of new URL(url).searchParams.keys()) expect(['step', 'x-sveltekit-invalidated'], url).toContain(name);
			expect(url).not.toContain('example.com');
			expect(url).not.toContain('1985');
		}
	}

	/** Service → (first visit?) → provider → the times page. */
	async function toTimes(page: Page, service: string, provider: string, visit?: RegExp): Promise<void> {
		await page.goto(`${server.url}/book`);
		expect(await heading(page)).toBe('Book an appointment');
		await scan(page);
		await page.getByRole('radio', { name: new RegExp(`^${service}`) }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		if (visit) {
			expect(await heading(page)).toBe('Your first visit?');
			await page.getByRole('radio', { name: visit }).check();
			await page.getByRole('button', { name: 'Continue' }).click();
		}
		expect(await heading(page)).toBe('Choose a clinician');
		await scan(page);
		await page.getByRole('radio', { name: new RegExp(`^${provider}`) }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(await heading(page)).toBe('Choose a day and time');
	}

	async function fillDetails(page: Page, who: ReturnType<typeof patient>): Promise<void> {
		await page.getByLabel('First name').fill(who.firstName);
		await page.getByLabel('Last name').fill(who.lastName);
		await page.getByLabel('Email').fill(who.email);
		await page.getByLabel('Phone').fill(who.phone);
		await page.getByLabel('Date of birth').fill(who.dateOfBirth);
	}

	it('books without JavaScript on a phone, step by step, with nothing personal in any URL', async () => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		const urls = recordUrls(page);
		await toTimes(page, 'Initial consultation', 'Dr. Alex Chen');
		expect(await page.locator('.zone').textContent()).toContain('America/New_York');
		await scan(page);
		await page.getByRole('button', { name: 'Later days' }).click();
		expect(await heading(page)).toBe('Choose a day and time');
		const first = page.locator('.slots button').first();
		const chosen = (await first.getAttribute('value'))!;
		await first.click();

		expect(await heading(page)).toBe('Your details');
		// Submitting empty keeps the page, says what is missing, and keeps nothing half-written.
		await page.getByRole('button', { name: 'Review booking' }).click();
		expect(await heading(page)).toBe('Your details');
		expect(await page.getByText('First name is required.').count()).toBe(1);
		await scan(page);
		const who = patient('phone');
		await fillDetails(page, { ...who, email: 'not-an-email' });
		await page.getByLabel('Anything we should know? (optional)').fill('Stiff neck after a long drive');
		await page.getByRole('button', { name: 'Review booking' }).click();
		expect(await page.getByText('Enter a valid email address').count()).toBe(1);
		expect(await page.getByLabel('Last name').inputValue()).toBe(who.lastName);
		await page.getByLabel('Email').fill(who.email);
		// A date of birth in the future, or before 1900, is refused here, not at Confirm.
		for (const [date, message] of [
			['2099-01-01', 'Date of birth cannot be in the future.'],
			['1890-01-01', 'Check the year of your date of birth.']
		]) {
			await page.getByLabel('Date of birth').fill(date!);
			await page.getByRole('button', { name: 'Review booking' }).click();
			expect(await heading(page)).toBe('Your details');
			expect(await page.getByText(message!).count()).toBe(1);
		}
		await page.getByLabel('Date of birth').fill(who.dateOfBirth);
		await page.getByRole('button', { name: 'Review booking' }).click();

		expect(await heading(page)).toBe('Check and confirm');
		expect(await page.getByRole('region', { name: 'Your details' }).textContent()).toContain(who.email);
		await scan(page);
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Booking confirmed');
		expect(await page.getByRole('status').textContent()).toContain('You are booked, Test.');
		await scan(page);
		const manage = await page.getByRole('link', { name: 'Manage your appointment' }).getAttribute('href');
		expect(manage).toMatch(/\/appointments\/manage\/[A-Za-z0-9_-]{43}$/);

		// The API agrees: that time is no longer free.
		expect((await freeSlots(server.url, 'initial-consultation', alex, 0, 30)).map((s) => s.start)).not.toContain(chosen);
		expectNothingPersonalIn(urls);
		await context.close();
	}, LONG);

	it('says when the time was taken meanwhile, keeps what was typed and offers the nearest times', async () => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await toTimes(page, 'Initial consultation', 'Dr. Alex Chen');
		const first = page.locator('.slots button').first();
		const chosen = (await first.getAttribute('value'))!;
		await first.click();
		const who = patient('slow');
		await fillDetails(page, who);
		await page.getByRole('button', { name: 'Review booking' }).click();
		expect(await heading(page)).toBe('Check and confirm');

		// Someone else books that exact time first.
		const rival = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: chosen, patient: patient('rival') });
		expect(rival.status).toBe(201);

		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Choose a day and time');
		expect(await page.getByRole('alert').textContent()).toContain('that time was just booked by someone else');
		const nearest = page.getByRole('region', { name: 'Nearest free times' }).getByRole('button');
		expect(await nearest.count()).toBeGreaterThan(0);
		await scan(page);
		await nearest.first().click();
		expect(await heading(page)).toBe('Your details');
		expect(await page.getByLabel('Email').inputValue()).toBe(who.email);
		await page.getByRole('button', { name: 'Review booking' }).click();
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Booking confirmed');
		await context.close();
	}, LONG);

	it('asks about earlier visits at the service step and books the consultation with a clinician for the intended therapy', async () => {
		const context = await browser.newContext({ viewport: PHONE });
		const page = await context.newPage();
		await page.goto(`${server.url}/book`);
		const needling = page.getByRole('radio', { name: /^Dry needling session/ });
		expect(await page.locator('label.choice', { has: needling }).textContent()).toContain('New patients start with an initial consultation');
		await needling.check();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(await heading(page)).toBe('Your first visit?');
		expect(await page.getByText('Dry needling session is for patients we have already seen.').count()).toBe(1);
		await expectAccessible(page);
		await page.getByRole('radio', { name: /^No, this is my first visit/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(await heading(page)).toBe('Choose a clinician');
		expect(await page.getByText('Who would you like to see for Initial consultation?').count()).toBe(1);
		expect(await page.getByText('These clinicians also offer dry needling session').count()).toBe(1);
		// The acupuncturist gives consultations, but not dry needling.
		expect(await page.getByRole('radio', { name: /Lin Zhao/ }).count()).toBe(0);
		expect(await page.getByRole('radio', { name: /Dr\. Alex Chen/ }).count()).toBe(1);
		await page.getByRole('radio', { name: /^First available/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.locator('.slots button').first().click();
		const who = patient('needling-newcomer');
		await fillDetails(page, who);
		await page.getByRole('button', { name: 'Review booking' }).click();
		expect(await page.getByRole('region', { name: 'Your appointment' }).textContent()).toContain('Initial consultation');
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Booking confirmed');
		const booked = sql<{ provider: string }>(
			'select s.name as provider from appointment a join patient p on p.id = a.patient_id join staff s on s.id = a.provider_id where p.email = ?',
			who.email
		);
		expect(booked.provider).not.toBe('Lin Zhao');
		await context.close();
	}, LONG);

	it('steers a brand-new patient who picked a follow-up visit to the initial consultation', async () => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await toTimes(page, 'Follow-up visit', 'Dr. Alex Chen', /^Yes, I have been here before/);
		await page.locator('.slots button').first().click();
		const who = patient('never-been');
		await fillDetails(page, who);
		await page.getByRole('button', { name: 'Review booking' }).click();
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Start with a consultation');
		await scan(page);
		expect(bookingsFor(who.email)).toBe(0);
		await page.getByRole('button', { name: /^Book an initial consultation/ }).click();
		expect(await heading(page)).toBe('Choose a clinician');
		expect(await page.getByText('Who would you like to see for Initial consultation?').count()).toBe(1);
		await context.close();
	}, LONG);

	it.each([
		['disabled', false],
		['enabled', true]
	])('goes Back and Forward through the steps without a resubmission prompt, and a double-clicked Confirm books once (JavaScript %s)', async (_state, js) => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: js });
		const page = await context.newPage();
		const urls = recordUrls(page);
		await toTimes(page, 'Initial consultation', 'Dr. Alex Chen');
		const slot = page.locator('.slots button').nth(js ? 6 : 3);
		const chosen = (await slot.getAttribute('value'))!;
		await slot.click();
		expect(await heading(page)).toBe('Your details');
		const who = patient(js ? 'history-js' : 'history');
		await fillDetails(page, who);
		await page.getByRole('button', { name: 'Review booking' }).click();
		expect(await heading(page)).toBe('Check and confirm');

		// The browser's own Back button: every step shows again, with what was chosen.
		await page.goBack();
		await expect.poll(() => heading(page)).toBe('Your details');
		expect(await page.getByLabel('Email').inputValue()).toBe(who.email);
		await page.goBack();
		await expect.poll(() => heading(page)).toBe('Choose a day and time');
		await page.goBack();
		await expect.poll(() => heading(page)).toBe('Choose a clinician');
		expect(await page.getByRole('radio', { name: /^Dr\. Alex Chen/ }).isChecked()).toBe(true);
		await page.goBack();
		await expect.poll(() => heading(page)).toBe('Book an appointment');
		expect(await page.getByRole('radio', { name: /^Initial consultation/ }).isChecked()).toBe(true);
		// And Forward again, up to the review.
		for (const expected of ['Choose a clinician', 'Choose a day and time', 'Your details', 'Check and confirm']) {
			await page.goForward();
			await expect.poll(() => heading(page)).toBe(expected);
		}
		expect(await page.getByRole('region', { name: 'Your appointment' }).textContent()).toContain('Dr. Alex Chen');
		await scan(page);

		const draft = (await context.cookies(`${server.url}/book`)).find((c) => c.name === 'np_booking_draft')?.value;
		expect(draft && draftExists(draft)).toBe(true);
		await page.getByRole('button', { name: 'Confirm booking' }).dblclick();
		await expect.poll(() => heading(page)).toBe('Booking confirmed');
		expect(bookingsFor(who.email)).toBe(1);
		expect((await freeSlots(server.url, 'initial-consultation', alex, 0, 30)).map((s) => s.start)).not.toContain(chosen);
		// The flow is complete: its draft is gone, and Back cannot book again.
		expect(draftExists(draft!)).toBe(false);
		await page.goBack();
		await expect.poll(() => heading(page)).toBe('Book an appointment');
		expect(await page.getByText('That booking page has ended').count()).toBe(1);
		expect(bookingsFor(who.email)).toBe(1);
		expectNothingPersonalIn(urls);
		await context.close();
	}, LONG);

	it('reschedules and cancels through the manage link, without JavaScript', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 5, 9);
		const booked = await (await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slot!.start, patient: patient('manage') })).json();
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(booked.manageUrl);
		expect(await heading(page)).toBe('Your appointment');
		expect(await page.title()).toBe('Your appointment — Boston Spine');
		await scan(page);

		await page.getByRole('button', { name: 'Reschedule' }).click();
		expect(await page.getByRole('heading', { name: 'Choose a new time' }).count()).toBe(1);
		await scan(page);
		// A time a week on, so the moved appointment is still outside the 24-hour window.
		await page.getByRole('button', { name: 'Later days' }).click();
		const target = page.locator('.slots button').nth(3);
		const newStart = (await target.getAttribute('value'))!;
		await target.click();
		// One tap on a time only asks: nothing moves until Confirm.
		expect(await page.getByText(/^Move from .+ to .+\?$/).count()).toBe(1);
		expect((await freeSlots(server.url, 'initial-consultation', alex, 0, 30)).map((s) => s.start)).toContain(newStart);
		await scan(page);
		await page.getByRole('button', { name: 'Confirm the new time' }).click();
		expect(await page.getByRole('status').textContent()).toContain('Your appointment is moved to');
		const free = (await freeSlots(server.url, 'initial-consultation', alex, 0, 30)).map((s) => s.start);
		expect(free).toContain(slot!.start);
		expect(free).not.toContain(newStart);

		await page.getByRole('button', { name: 'Cancel appointment' }).click();
		expect(await page.getByText('Cancel this appointment?').count()).toBe(1);
		await scan(page);
		await page.getByRole('button', { name: 'Yes, cancel it' }).click();
		expect(await page.getByRole('status').textContent()).toContain('Your appointment is cancelled');
		expect(await page.locator('.status').textContent()).toContain('Cancelled');
		await scan(page);
		expect((await freeSlots(server.url, 'initial-consultation', alex, 0, 30)).map((s) => s.start)).toContain(newStart);

		const wrong = await page.goto(`${server.url}/appointments/manage/${'A'.repeat(43)}`);
		expect(wrong?.status()).toBe(404);
		await context.close();
	}, LONG);

	it('shows the phone number instead of changes inside the cancellation window', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 3, 6);
		const booked = await (await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slot!.start, patient: patient('window') })).json();
		// A clinic that wants 30 days' notice: this appointment, days away, is inside the window.
		const db = new SqliteDatabase(database.file);
		db.prepare('update clinic set cancellation_notice_hours = 720').run();
		try {
			const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(booked.manageUrl);
			expect(await page.getByText('Online changes closed 720 hours before your appointment').count()).toBe(1);
			expect(await page.getByRole('link', { name: '(617) 555-0142' }).count()).toBeGreaterThan(0);
			expect(await page.getByRole('button', { name: 'Cancel appointment' }).count()).toBe(0);
			expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
			await scan(page);
			await context.close();
			const api = await postJson(`${server.url}/api/v1/appointments/${booked.id}/cancel`, { token: booked.manageUrl.split('/').at(-1) });
			expect(api.status).toBe(409);
			expect((await api.json()).title).toContain('(617) 555-0142');
		} finally {
			db.prepare('update clinic set cancellation_notice_hours = 24').run();
			db.close();
		}
	});
});
