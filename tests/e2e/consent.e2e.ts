import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/lib/server/consent/pdf-text.fixture';
import { bostonDate, freeSlots, postJson } from './support/booking';
import { expectAccessibleHtml } from './support/assessment';
import { browserRequired, chromiumAvailable, launchBrowser, signInInBrowser } from './support/browser';
import { ADMIN, CLINICIAN, FRONT_DESK } from './support/demo';
import { waitFor } from './support/notices';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/** Consent recorded in the clinic, on a phone-sized screen with JavaScript off. */
describe.skipIf(!chromiumAvailable && !browserRequired)('consent in the browser (390×844, JavaScript off)', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;
	let browser: Browser;
	const ids: Record<string, string> = {};

	async function bookVisit(person: { firstName: string; lastName: string; email: string; dateOfBirth: string }, nth: number): Promise<string> {
		const slots = await freeSlots(server.url, 'initial-consultation', undefined, 2, 12);
		const slot = slots[nth * 5]!;
		const response = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: { ...person, phone: '(617) 555-0100' } });
		expect(response.status).toBe(201);
		const db = new SqliteDatabase(database.file, { readonly: true });
		const row = db.prepare('select id from patient where email = ?').get(person.email) as { id: string };
		db.close();
		return row.id;
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '1' }), launchBrowser()]);
		ids.adult = await bookVisit({ firstName: 'Nora', lastName: 'Quinn-Walsh', email: 'nora.quinn@example.com', dateOfBirth: '1979-04-12' }, 0);
		// Sixteen today in Boston.
		const [y, m, d] = bostonDate(0).split('-');
		ids.minor = await bookVisit({ firstName: 'Theo', lastName: 'Marsh', email: 'marsh.family@example.com', dateOfBirth: `${Number(y) - 16}-${m}-${d}` }, 1);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	async function phone(): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		context.setDefaultTimeout(10_000);
		return { context, page: await context.newPage() };
	}

	/** axe needs scripts: it scans the exact HTML the JavaScript-free page received, replayed. */
	const scan = async (page: Page) => expectAccessibleHtml(browser, server.url, await page.content());

	async function fitsWidth(page: Page): Promise<void> {
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
	}

	it('lets the front desk record a witnessed dry-needling consent, refusing bad input without losing it, and withdraw it', async () => {
		const { context, page } = await phone();
		await signInInBrowser(page, server.url, FRONT_DESK);
		await page.goto(`${server.url}/staff/patients/${ids.adult}`);
		await scan(page);
		await page.getByRole('link', { name: /^Record signing\W*Dry needling$/ }).click();
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dry needling consent');
		expect(await page.getByRole('heading', { name: 'Consent to dry needling' }).count()).toBe(1);
		await scan(page);
		await fitsWidth(page);

		// Nothing typed: 400, one message per field, nothing stored.
		await page.getByRole('button', { name: 'Record signature' }).click();
		expect(await page.getByRole('alert').textContent()).toContain('Please correct the marked fields');
		expect(await page.locator('#field-fullName-error').textContent()).toContain('Type your full name');
		expect(await page.locator('#field-agree-error').textContent()).toContain('I agree');
		await scan(page);

		// HTML in the name and the wrong person: refused, and what was typed comes back, escaped.
		const html = '<img src=x onerror=alert(1)> Nora';
		await page.getByLabel('Full name of the patient').fill(html);
		await page.getByLabel(/^I agree/).check();
		await page.getByRole('button', { name: 'Record signature' }).click();
		expect(await page.getByLabel('Full name of the patient').inputValue()).toBe(html);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.getByLabel(/^I agree/).isChecked()).toBe(true);
		await page.getByLabel('Full name of the patient').fill('Nora Smith');
		await page.getByRole('button', { name: 'Record signature' }).click();
		expect(await page.locator('#field-fullName-error').textContent()).toContain('Quinn-Walsh');

		await page.getByLabel('Full name of the patient').fill('nora quinn walsh');
		await page.getByLabel(/^I agree/).check();
		await page.getByRole('button', { name: 'Record signature' }).click();
		await page.waitForURL(/\?signed=1$/);
		expect(await page.getByRole('status').first().textContent()).toContain('Consent recorded');
		expect(await page.locator('.consent-status').first().textContent()).toContain('Signed');
		expect(await page.locator('.history').textContent()).toContain('in the clinic, witness');
		await scan(page);
		await fitsWidth(page);

		// The patient's copy arrives in the outbox as a PDF with their name, the version and the hash.
		const hash = (await page.locator('input[name="hash"]').getAttribute('value'))!;
		let raw = '';
		await waitFor('the consent copy', () => {
			const file = readdirSync(outbox).find((f) => f.endsWith('.eml') && readFileSync(join(outbox, f), 'utf8').includes('application/pdf') && readFileSync(join(outbox, f), 'utf8').includes('nora.quinn@example.com'));
			if (file) raw = readFileSync(join(outbox, file), 'utf8');
			return !!file;
		});
		const base64 = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw)![1]!;
		const text = await pdfText(Buffer.from(base64.replace(/\s+/g, ''), 'base64'));
		for (const expected of ['Nora Quinn-Walsh', 'nora quinn walsh', 'Document version: 1', hash, 'Boston Spine']) expect(text).toContain(expected);

		// Withdrawal, effective at once.
		await page.getByRole('button', { name: 'Record withdrawal' }).click();
		await page.waitForURL(/\?withdrawn=1$/);
		expect(await page.locator('.consent-status').first().textContent()).toContain('Withdrawn');
		await page.goto(`${server.url}/staff/patients/${ids.adult}`);
		expect(await page.locator('table.consent').textContent()).toMatch(/Dry needling\s*✗ Withdrawn/);
		await context.close();
	}, 180_000);

	it('has a parent sign for a 16-year-old, with name and relationship', async () => {
		const { context, page } = await phone();
		await signInInBrowser(page, server.url, CLINICIAN);
		await page.goto(`${server.url}/staff/patients/${ids.minor}/consent/acupuncture`);
		expect(await page.getByText('is under 18').textContent()).toContain('Theo Marsh');
		await scan(page);
		await fitsWidth(page);

		// The patient's own name, no relationship: refused.
		await page.getByLabel('Your full name (parent or guardian)').fill('Theo Marsh');
		await page.getByLabel(/^I agree/).check();
		await page.getByRole('button', { name: 'Record signature' }).click();
		expect(await page.locator('#field-fullName-error').textContent()).toContain('your own name');
		expect(await page.locator('#field-relationship-error').textContent()).toContain('related');
		await scan(page);

		await page.getByLabel('Your full name (parent or guardian)').fill('Helen Marsh');
		await page.getByLabel('Your relationship to the patient').selectOption('parent');
		await page.getByLabel(/^I agree/).check();
		await page.getByRole('button', { name: 'Record signature' }).click();
		await page.waitForURL(/\?signed=1$/);
		expect(await page.locator('.consent-status').first().textContent()).toContain('Signed');
		expect(await page.locator('.history').textContent()).toContain('Helen Marsh (parent)');
		const db = new SqliteDatabase(database.file, { readonly: true });
		const row = db.prepare("select signer_role, guardian_relationship, via, witness_staff_id is not null as witnessed from consent_signature where patient_id = ?").get(ids.minor);
		db.close();
		expect(row).toEqual({ signer_role: 'guardian', guardian_relationship: 'parent', via: 'staff', witnessed: 1 });
		await context.close();
	}, 180_000);

	it('shows the consent check and lets an admin publish a new version; the API lists it', async () => {
		const { context, page } = await phone();
		await signInInBrowser(page, server.url, ADMIN);
		await page.goto(`${server.url}/staff/reports/consent`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Needling visits without consent');
		await scan(page);
		await page.goto(`${server.url}/staff/admin/consent`);
		await scan(page);
		await page.getByRole('link', { name: 'Privacy notice' }).click();
		await scan(page);
		const body = await page.getByLabel('Text').inputValue();
		await page.getByLabel('Text').fill(`${body}\n\n<script>alert(1)</script>`);
		await page.getByRole('button', { name: 'Publish new version' }).click();
		expect(await page.locator('#field-body-error').textContent()).toContain('HTML is not allowed');
		expect(await page.getByLabel('Text').inputValue()).toContain('<script>alert(1)</script>');
		await page.getByLabel('Text').fill(`${body}\n\nWe keep records for seven years.`);
		await page.getByRole('button', { name: 'Publish new version' }).click();
		await page.waitForURL(/\?published=1$/);
		expect(await page.getByRole('status').textContent()).toBe('Published as version 2.');
		const list = (await (await fetch(`${server.url}/api/v1/consent-documents`)).json()) as Array<{ modality: string; version: number; hash: string; title: string }>;
		expect(list.map((d) => d.modality)).toEqual(['dry_needling', 'acupuncture', 'electrical_stimulation', 'general_treatment', 'privacy_notice']);
		expect(list.find((d) => d.modality === 'privacy_notice')!.version).toBe(2);
		for (const d of list) expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await fetch(`${server.url}/api/v1/consent-documents`, { method: 'POST' })).status).toBe(405);
		await context.close();
	}, 180_000);
});
