import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleHtml, recordUrls } from './support/assessment';
import { freeSlots, patient, postJson } from './support/booking';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser } from './support/browser';
import { CLINICIAN, FRONT_DESK, PASSWORD } from './support/demo';
import { postForm, signIn } from './support/http';
import { pdfText } from '../../src/lib/server/consent/pdf-text.fixture';
import { readOutbox, waitFor } from './support/notices';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const PHONE = { width: 390, height: 844 };
const FORMS_LINK = /\/forms\/[A-Za-z0-9_-]{43}/;

/**
 * Pre-visit intake end to end on the built server: booking → confirmation email with the forms
 * link (outbox) → page-by-page intake on a phone with JavaScript off, Back, resume after closing
 * the tab, send; bad tokens and a replayed send; a red flag with JavaScript on and the clinician's
 * alert.
 */
describe.skipIf(!chromiumAvailable && !browserRequired)('pre-visit intake in the browser', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-intake-outbox-'));
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '1' }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
	const scan = async (page: Page) => expectAccessibleHtml(browser, server.url, await page.content());

	/** The forms link in the email sent to `to`, once the worker has sent it. */
	async function formsLinkFor(to: string): Promise<string> {
		const find = () => readOutbox(outbox).find((m) => (m.headers['to'] ?? '').includes(to) && FORMS_LINK.test(m.parts.map((p) => p.text).join('\n')));
		await waitFor(`the email to ${to}`, () => find() !== undefined, 30_000);
		return `${server.url}${FORMS_LINK.exec(find()!.parts.map((p) => p.text).join('\n'))![0]}`;
	}

	async function noResubmitBack(page: Page, expected: string): Promise<void> {
		await page.goBack();
		expect(await heading(page)).toBe(expected);
	}

	it('a first-time patient books, opens the emailed link, fills the intake over several pages with Back and a resume, and sends it', async () => {
		const who = patient('intake-phone');
		let context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		let page = await context.newPage();
		page.setDefaultTimeout(10_000);
		const urls = recordUrls(page);
		await page.goto(`${server.url}/book`);
		await page.getByRole('radio', { name: /^Initial consultation/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.getByRole('radio', { name: /^Dr\. Alex Chen/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.locator('.slots button').first().click();
		await page.getByLabel('First name').fill(who.firstName);
		await page.getByLabel('Last name').fill(who.lastName);
		await page.getByLabel('Email').fill(who.email);
		await page.getByLabel('Phone').fill(who.phone);
		await page.getByLabel('Date of birth').fill(who.dateOfBirth);
		await page.getByRole('button', { name: 'Review booking' }).click();
		await page.getByRole('button', { name: 'Confirm booking' }).click();
		expect(await heading(page)).toBe('Booking confirmed');

		const link = await formsLinkFor(who.email);
		await page.goto(link);
		expect(await heading(page)).toBe('Before your visit');
		await scan(page);
		await page.getByRole('link', { name: 'Start' }).click();
		expect(await heading(page)).toBe('Why you are coming');
		await scan(page);
		// Bad input keeps the page and everything typed.
		await page.getByLabel(/What would you like help with/).fill('<script>alert(1)</script> Sore & stiff <b>lower back</b>');
		await page.getByRole('checkbox', { name: 'Lower back' }).check({ force: true });
		await page.getByRole('group', { name: /right now/ }).getByRole('radio', { name: '4', exact: true }).check();
		await page.getByRole('group', { name: /at its worst/ }).getByRole('radio', { name: '8', exact: true }).check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		expect(await heading(page)).toBe('Safety check');
		await scan(page);

		// "Save and go back" and the browser's own Back both land on the saved first page.
		await page.getByRole('button', { name: 'Save and go back' }).click();
		expect(await heading(page)).toBe('Why you are coming');
		expect(await page.getByLabel(/What would you like help with/).inputValue()).toContain('<script>alert(1)</script>');
		expect(await page.getByRole('checkbox', { name: 'Lower back' }).isChecked()).toBe(true);
		await noResubmitBack(page, 'Safety check');
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		expect(await heading(page)).toBe('Your health');
		await scan(page);

		// Close the tab; come back later from the email.
		await context.close();
		context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		page = await context.newPage();
		urls.push(...recordUrls(page));
		await page.goto(link);
		expect(await page.getByText('Started, not sent yet').count()).toBe(1);
		await page.getByRole('link', { name: 'Continue where you left off' }).click();
		expect(await heading(page)).toBe('Your health');
		await page.getByRole('group', { name: /blood thinner/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
		await page.getByRole('group', { name: /pregnant, or could you be/ }).getByRole('radio', { name: 'Yes', exact: true }).check();
		await page.getByLabel(/How many weeks pregnant/).fill('99');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		// Out of range: same page, a message, and the other answers still ticked.
		expect(await heading(page)).toBe('Your health');
		expect(await page.getByText('Please enter a number from 1 to 45.').count()).toBe(1);
		expect(await page.getByRole('group', { name: /blood thinner/ }).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
		await scan(page);
		await page.getByLabel(/How many weeks pregnant/).fill('20');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		expect(await heading(page)).toBe('Medicines and allergies');
		await page.getByLabel('Which medicines do you take?').fill('Apixaban 5 mg');
		await page.getByLabel('Do you have any allergies?').fill('none');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		expect(await heading(page)).toBe('Check your answers and send');
		await scan(page);
		// Typed HTML is shown as text, never as markup.
		expect(await page.getByText('<script>alert(1)</script> Sore & stiff <b>lower back</b>').count()).toBe(1);
		expect(await page.locator('dd b, dd script').count()).toBe(0);
		await page.getByRole('button', { name: 'Send my forms to the clinic' }).click();
		expect(await heading(page)).toBe('Before your visit');
		expect(await page.getByText('Sent to the clinic').count()).toBe(1);
		await context.close();

		for (const url of urls.filter((u) => u.startsWith(server.url))) {
			expect(url).not.toContain('example.com');
			expect(url).not.toContain('1985');
			expect(url).not.toMatch(/low_back|apixaban/i);
		}

		// A replayed send (the same POST again) is refused with a clear page; the answers stay.
		const replay = await fetch(`${link}/intake/review`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
		expect(replay.status).toBe(409);
		expect(await replay.text()).toContain('already sent');
		const save = await fetch(`${link}/intake/visit`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=changed' });
		expect(save.status).toBe(409);
	}, 240_000);

	it('from the forms link, a patient with a dry-needling visit signs its consent and gets the PDF copy (JavaScript off)', async () => {
		const who = patient('consent-link');
		// A first visit booked online (its email carries the forms link), then the desk books the
		// dry-needling visit that follows it.
		const [consultation] = await freeSlots(server.url, 'initial-consultation', undefined, 2, 12);
		const booked = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: consultation!.providerId, start: consultation!.start, patient: who });
		expect(booked.status).toBe(201);
		const needling = (await freeSlots(server.url, 'dry-needling', undefined, 14, 25))[0]!;
		const desk = await signIn(server.url, FRONT_DESK, PASSWORD);
		const staffBooked = await postForm(
			`${server.url}/staff/appointments/new`,
			{ service: 'dry-needling', providerId: needling.providerId, start: needling.start, ...who, submission: crypto.randomUUID() },
			{ origin: server.url, cookie: desk.cookie }
		);
		expect(staffBooked.status, await staffBooked.clone().text()).toBe(303);
		const link = await formsLinkFor(who.email);

		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		page.setDefaultTimeout(10_000);
		await page.goto(link);
		await page.getByRole('link', { name: 'Consent to dry needling' }).click();
		expect(await heading(page)).toBe('Dry needling consent');
		await scan(page);
		// Nothing typed: refused at the fields, nothing signed.
		await page.getByRole('button', { name: 'Sign' }).click();
		expect(await heading(page)).toBe('Dry needling consent');
		expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
		const hash = (await page.locator('input[name="hash"]').getAttribute('value'))!;
		await page.getByLabel('Full name of the patient').fill(`${who.firstName} ${who.lastName}`);
		await page.getByRole('checkbox', { name: /I agree/ }).check();
		await page.getByRole('button', { name: 'Sign' }).click();
		expect(await heading(page)).toBe('Before your visit');
		expect(await page.getByRole('status').first().textContent()).toContain('dry needling consent is signed');
		expect(await page.getByRole('link', { name: 'Consent to dry needling' }).count()).toBe(0);
		await scan(page);
		await context.close();

		let pdf: Buffer | undefined;
		await waitFor('the consent copy', () => {
			const raws = readOutbox(outbox)
				.filter((m) => (m.headers['to'] ?? '').includes(who.email))
				.map((m) => readFileSync(join(outbox, m.file), 'utf8'));
			const raw = raws.find((r) => r.includes('application/pdf'));
			const base64 = raw && /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)?.[1];
			if (base64) pdf = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
			return pdf !== undefined;
		});
		const text = await pdfText(pdf!);
		for (const expected of [`${who.firstName} ${who.lastName}`, 'Document version: 1', hash]) expect(text).toContain(expected);
	}, 180_000);

	it('answers a wrong or malformed forms link and an unknown page with a clear 404', async () => {
		for (const path of ['/forms/' + 'A'.repeat(43), '/forms/short', '/forms/' + 'A'.repeat(43) + '/intake/visit']) {
			const response = await fetch(`${server.url}${path}`);
			expect(response.status, path).toBe(404);
			expect(await response.text()).toContain('This forms link is not valid any more');
		}
	});

	it('a red flag shows the urgent wording on that page at once (JavaScript on), and the clinician sees the alert', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 3, 20);
		const who = patient('intake-red-flag');
		const booked = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: who, note: '' });
		expect(booked.status).toBe(201);
		const appointmentId = ((await booked.json()) as { id: string }).id;
		const link = await formsLinkFor(who.email);

		// Bad posts: a clear 400 page that keeps what was typed (escaped), and nothing stored.
		const post = (path: string, body: URLSearchParams) =>
			fetch(`${link}${path}`, { method: 'POST', headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body });
		const huge = await post('/intake/medicines', new URLSearchParams({ medications: '<script>alert(1)</script>' + 'x'.repeat(5000), nav: 'next' }));
		expect(huge.status).toBe(400);
		const hugePage = await huge.text();
		expect(hugePage).toContain('Please keep this under 2000 characters');
		expect(hugePage).toContain('&lt;script>alert(1)&lt;/script>xxxx');
		expect(hugePage).not.toContain('<script>alert(1)');
		const unknown = await post('/intake/visit', new URLSearchParams({ reason: 'ok', 'no-such-question': 'x' }));
		expect(unknown.status).toBe(400);
		expect(await unknown.text()).toContain('This page has no question called "no-such-question"');
		const unknownPage = await post('/intake/no-such-page', new URLSearchParams({ reason: 'x' }));
		expect(unknownPage.status).toBe(404);
		expect(await (await fetch(`${link}/intake/medicines`)).text()).not.toContain('xxxxx');

		const context = await browser.newContext({ viewport: PHONE });
		const page = await context.newPage();
		await page.goto(`${link}/intake/safety`);
		await page.getByRole('checkbox', { name: /Chest pain/ }).check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Get help now' }).count()).toBe(1);
		expect(await heading(page)).toBe('Safety check');
		expect(await page.getByRole('alert').filter({ hasText: 'Get help now' }).textContent()).toContain('Call 911');
		await expectAccessible(page);
		await context.close();

		await waitFor('the clinician alert', () => readOutbox(outbox).some((m) => (m.headers['subject'] ?? '').startsWith('Pre-visit forms need your review')), 30_000);
		const alert = readOutbox(outbox).find((m) => (m.headers['subject'] ?? '').startsWith('Pre-visit forms need your review'))!;
		const alertText = alert.parts.map((p) => p.text).join('\n');
		expect(alertText).toContain(`/staff/appointments/${appointmentId}`);
		expect(alertText).not.toMatch(/Chest|intake-red-flag|Test/);

		const staff = await browser.newContext();
		const staffPage = await staff.newPage();
		await signInInBrowser(staffPage, server.url, CLINICIAN);
		await staffPage.goto(`${server.url}/staff/appointments/${appointmentId}`);
		const badge = staffPage.getByRole('alert').filter({ hasText: 'Physician first' });
		expect(await badge.count()).toBe(1);
		expect(await badge.textContent()).toContain('Chest pain');
		await expectAccessible(staffPage);
		await staffPage.getByRole('link', { name: /Full intake answers/ }).click();
		expect(await staffPage.getByRole('heading', { level: 1 }).textContent()).toBe('Pre-visit intake');
		await expectAccessible(staffPage);
		await staff.close();
	}, 120_000);

	it('front desk hands over a tablet: a one-time code opens only that visit’s forms, and the session ends on send', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 4, 20);
		const booked = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: patient('intake-tablet'), note: '' });
		const appointmentId = ((await booked.json()) as { id: string }).id;

		const desk = await browser.newContext();
		const deskPage = await desk.newPage();
		await signInInBrowser(deskPage, server.url, FRONT_DESK);
		await deskPage.goto(`${server.url}/staff/appointments/${appointmentId}`);
		await deskPage.getByRole('button', { name: /Give a tablet code/ }).click();
		await expect.poll(() => deskPage.locator('.code').count()).toBe(1);
		const code = (await deskPage.locator('.code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{8}$/);

		const tablet = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await tablet.newPage();
		page.setDefaultTimeout(10_000);
		await page.goto(`${server.url}/forms/tablet`);
		expect(await heading(page)).toBe('Open your forms');
		await scan(page);
		await page.getByLabel('Code').fill('WRONG234');
		await page.getByRole('button', { name: 'Open my forms' }).click();
		expect(await page.getByText('That code is not valid.').count()).toBeGreaterThan(0);
		expect(await page.getByLabel('Code').inputValue()).toBe('WRONG234');
		await page.getByLabel('Code').fill(code.toLowerCase());
		await page.getByRole('button', { name: 'Open my forms' }).click();
		expect(await heading(page)).toBe('Before your visit');
		const tabletLink = page.url();
		expect(await page.getByRole('button', { name: 'Finish and hand back the tablet' }).count()).toBe(1);
		await page.getByRole('link', { name: 'Start' }).click();
		await page.getByLabel(/What would you like help with/).fill('Tennis elbow');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await page.goto(`${tabletLink}/intake/review`);
		await page.getByRole('button', { name: 'Send my forms to the clinic' }).click();
		expect(await heading(page)).toBe('Thank you');
		// The code was used and the tablet's link has ended.
		expect((await fetch(tabletLink)).status).toBe(404);
		await tablet.close();

		await deskPage.goto(`${server.url}/staff/appointments/${appointmentId}`);
		expect(await deskPage.getByRole('region', { name: 'Pre-visit forms' }).textContent()).toContain('Sent (by the patient)');
		expect(await deskPage.getByText('Full intake answers').count()).toBe(0);
		await desk.close();
	}, 120_000);
});
