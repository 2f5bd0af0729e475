import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/database';
import { freeSlots, postJson, providers } from './support/booking';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser, waitForAddress } from './support/browser';
import { ADMIN, CLINICIAN, PASSWORD } from './support/demo';
import { get, signIn } from './support/http';
import { countEml, waitFor } from './support/notices';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

describe.skipIf(!chromiumAvailable && !browserRequired)('outbox and calendar feed pages in the browser', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;
	let browser: Browser;
	let db: Database;
	let startsAt: Date;
	/** The manage link's secret, which must reach the patient's email and nothing else. */
	let token: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([
			// info: the request log is on, so the tests can check that no token or link reaches it.
			startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '0.2', LOG_LEVEL: 'info' }),
			launchBrowser()
		]);
		db = openDatabase({ engine: 'sqlite', file: database.file });
		// Booked by a new patient through the public API, a few days ahead, with Dr. Alex Chen (the CLINICIAN login).
		const alex = (await providers(server.url)).find((p) => p.displayName === 'Dr. Alex Chen')!.id;
		const [slot] = await freeSlots(server.url, 'initial-consultation', alex, 3, 10);
		const patient = { firstName: 'Jamie', lastName: 'Rivera', email: 'jamie.rivera@example.com', phone: '617-555-0199', dateOfBirth: '1985-04-12' };
		const response = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: alex, start: slot!.start, patient });
		expect(response.status).toBe(201);
		token = ((await response.json()) as { manageUrl: string }).manageUrl.split('/').at(-1)!;
		startsAt = new Date(slot!.start);
		await waitFor('the confirmation email', () => countEml(outbox) === 1, 15_000);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await db?.close();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	async function signInAs(page: Page, email: string): Promise<void> {
		await signInInBrowser(page, server.url, email);
	}

	it('shows an admin the confirmation in the outbox, with its text and invite', async () => {
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, ADMIN);
		await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Email outbox' }).click();
		await waitForAddress(page, `${server.url}/staff/admin/outbox`);
		await expectAccessible(page);
		const link = page.getByRole('link', { name: /^Appointment confirmed: / });
		expect(await link.textContent()).toMatch(/^Appointment confirmed: \w{3}, \w{3} \d+, \d{1,2}:\d{2} [AP]M E[SD]T — Boston Spine$/);
		expect(await page.locator('tbody').textContent()).toContain('jamie.rivera@example.com');
		await link.click();
		await expect.poll(() => page.url()).toMatch(/\/staff\/admin\/outbox\/[0-9TZ]+-[0-9a-f]{8}\.eml$/);
		await expectAccessible(page);
		const text = await page.locator('pre').first().textContent();
		expect(text).toContain('Hello Jamie,');
		expect(text).toContain(`${server.url}/appointments/manage/${token}`);
		const invite = await page.locator('pre').nth(1).textContent();
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(invite!)).getFirstSubcomponent('vevent')!);
		expect(event.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
		// The bearer link was in the job only until the email went out, and never in the log.
		const payloads = await db.db.selectFrom('job').select('payload').execute();
		expect(payloads.map((p) => p.payload).join()).not.toContain(token);
		expect(server.output()).not.toContain(token);
	});

	it('refuses the outbox to a clinician', async () => {
		const { cookie } = await signIn(server.url, CLINICIAN, PASSWORD);
		expect((await get(`${server.url}/staff/admin/outbox`, cookie)).status).toBe(403);
	});

	it('lets a clinician make, use and turn off a private calendar feed; an admin can revoke it too', async () => {
		const page = await (await browser.newContext()).newPage();
		await signInAs(page, CLINICIAN);
		await page.goto(`${server.url}/staff/account`);
		await page.getByRole('button', { name: 'Make a feed link' }).click();
		const field = page.getByLabel('Calendar feed link');
		await expect.poll(() => field.count()).toBe(1);
		await expectAccessible(page);
		const url = await field.inputValue();
		expect(url).toMatch(new RegExp(`^${server.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));

		const feed = await get(url);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(feed.headers.get('cache-control')).toBe('private, no-store');
		const ics = await feed.text();
		const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events.map((e) => [e.summary, e.startDate.toJSDate().getTime()])).toEqual([['Initial consultation', startsAt.getTime()]]);
		expect(ics).not.toMatch(/Jamie|Rivera/);
		// The log line travels through the child's stdout pipe: it can arrive just after the response.
		await expect.poll(() => server.output()).toContain('"route":"/calendar/[token].ics"');
		expect(server.output()).not.toContain(url.split('/').at(-1)!.slice(0, 43));

		await page.getByRole('button', { name: 'Turn off the feed' }).click();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Your calendar feed is off');
		expect((await get(url)).status).toBe(404);
		expect((await get(`${server.url}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);

		// A new link, then an admin revokes it from the staff page.
		await page.getByRole('button', { name: 'Make a feed link' }).click();
		await expect.poll(() => field.count()).toBe(1);
		const second = await field.inputValue();
		expect((await get(second)).status).toBe(200);
		const adminPage = await (await browser.newContext()).newPage();
		await signInAs(adminPage, ADMIN);
		await adminPage.goto(`${server.url}/staff/admin/staff`);
		await adminPage.getByRole('link', { name: 'Dr. Alex Chen' }).click();
		await expect.poll(() => adminPage.getByRole('heading', { name: 'Calendar feed' }).count()).toBe(1);
		await adminPage.getByRole('button', { name: 'Revoke calendar feed' }).click();
		await expect.poll(() => adminPage.getByText('Calendar feed revoked').count()).toBe(1);
		await expectAccessible(adminPage);
		expect((await get(second)).status).toBe(404);
	});
});
