import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, chromiumAvailable, launchBrowser, signInInBrowser } from './support/browser';
import { freeSlots, patient, postJson } from './support/booking';
import { ADMIN, CLINICIAN, FRONT_DESK, PASSWORD } from './support/demo';
import { get, signIn } from './support/http';
import { readOutbox, waitFor } from './support/notices';
import { typographySlips, visibleText } from './support/page-text';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

/** What a member of staff, or a patient, meets on a first visit: words, links and the CSP. */
describe('a first visit', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '0.2' });
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	it('staff home lists what each role can use (no promises of later releases), and every link opens', async () => {
		const roles: Array<[string, string[]]> = [
			[ADMIN, ['Calendar', 'Patients', 'Consent check', 'Schedules', 'Articles', 'Comments', 'Inbox', 'Clinic', 'Locations', 'Services', 'Staff', 'Audit trail', 'Email outbox', 'Consent documents', 'Self-assessment report']],
			[CLINICIAN, ['Calendar', 'Patients', 'Consent check', 'Schedules', 'Articles', 'Comments', 'Self-assessment report']],
			[FRONT_DESK, ['Calendar', 'Patients', 'Consent check', 'Schedules', 'Comments', 'Inbox']]
		];
		for (const [email, expected] of roles) {
			const { cookie } = await signIn(server.url, email, PASSWORD);
			const html = await (await get(`${server.url}/staff`, cookie)).text();
			expect(html).not.toMatch(/next releases?/i);
			const links = [...mainOf(html).matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, label: m[2]! }));
			expect(links.map((l) => l.label), email).toEqual(expected);
			for (const { href } of links) expect((await get(`${server.url}${href}`, cookie)).status, `${email} ${href}`).toBe(200);
		}
	});

	it('spaces counts and zone names, and spells credentials one way', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 3, 10);
		const booked = await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: patient('first-visit') });
		expect(booked.status).toBe(201);
		const { id } = (await booked.json()) as { id: string };

		const admin = await signIn(server.url, ADMIN, PASSWORD);
		for (const path of [`/staff/appointments/${id}`, '/staff/comments', '/staff/calendar', '/staff/admin/staff', '/staff/admin/services']) {
			const html = await (await get(`${server.url}${path}`, admin.cookie)).text();
			expect(typographySlips(visibleText(mainOf(html))), path).toEqual([]);
		}
		const comments = visibleText(await (await get(`${server.url}/staff/comments`, admin.cookie)).text());
		expect(comments).toMatch(/Waiting \(\d+\)/);
		const appointment = visibleText(mainOf(await (await get(`${server.url}/staff/appointments/${id}`, admin.cookie)).text()));
		expect(appointment).toMatch(/clinic time: Eastern (Standard|Daylight) Time \(America\/New_York\)/);

		// Codes (LAc, DiplOM) are for storage; people read "L.Ac." after a name and "name (L.Ac.)" in a choice.
		const team = visibleText(mainOf(await (await get(`${server.url}/staff/admin/staff`, admin.cookie)).text()));
		const services = visibleText(mainOf(await (await get(`${server.url}/staff/admin/services`, admin.cookie)).text()));
		for (const text of [team, services]) {
			expect(text).toContain('L.Ac.');
			expect(text).not.toMatch(/\bLAc\b|\bDiplOM\b/);
		}
		const form = await (await get(`${server.url}/staff/admin/staff/new`, admin.cookie)).text();
		expect(form).toContain('Licensed Acupuncturist (L.Ac.)');
		expect(form).toContain('Diplomate of Oriental Medicine (Dipl. O.M.)');
		expect(form).toContain('Doctor of Physical Therapy (DPT)');
	});

	it('a cancellation email offers online booking as well as the phone', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 4, 10);
		const booked = (await (
			await postJson(`${server.url}/api/v1/appointments`, { service: 'initial-consultation', providerId: slot!.providerId, start: slot!.start, patient: patient('cancels') })
		).json()) as { id: string; manageUrl: string };
		const token = booked.manageUrl.split('/').at(-1)!;
		const cancelled = await fetch(`${server.url}/api/v1/appointments/${booked.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
		expect(cancelled.status).toBe(200);
		const isCancellation = (m: ReturnType<typeof readOutbox>[number]) => m.headers.subject?.startsWith('Appointment cancelled') && m.headers.to?.includes('patient.cancels@');
		await waitFor('the cancellation email', () => readOutbox(outbox).some(isCancellation), 20_000);
		const text = readOutbox(outbox).find(isCancellation)!.parts.find((p) => p.contentType.startsWith('text/plain'))!.text;
		expect(text).toContain(`Book a new time online: ${server.url}/book`);
		expect(text).toContain('Or call us at (617) 555-0142.');
		expect(text).not.toContain(token);
	});

	describe.skipIf(!chromiumAvailable && !browserRequired)('in the browser', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchBrowser();
		});
		afterAll(async () => {
			await browser?.close();
		});

		it('the article editor previews as you type without tripping the Content Security Policy', async () => {
			const context = await browser.newContext();
			const violations: string[] = [];
			await context.exposeFunction('reportViolation', (line: string) => violations.push(line));
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => {
					(window as unknown as { reportViolation: (line: string) => void }).reportViolation(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`);
				});
			});
			const page = await context.newPage();
			await signInInBrowser(page, server.url, CLINICIAN);
			await page.goto(`${server.url}/staff/articles/new`);
			await expect.poll(() => page.locator('.preview .hint').first().textContent()).toMatch(/0 words/);
			await page.getByLabel('Text (Markdown)').fill('## Live heading\n\nSome **bold** words.');
			await expect.poll(() => page.locator('.preview .prose h2').first().textContent()).toBe('Live heading');
			expect(await page.locator('.preview .hint').first().textContent()).toMatch(/^5 words · 1 min read$/);
			await page.goto(`${server.url}/staff/articles`);
			const edit = await page.locator('main a[href^="/staff/articles/"]').first().getAttribute('href');
			await page.goto(`${server.url}${edit}`);
			await expect.poll(() => page.locator('.preview .hint').first().textContent()).toMatch(/words/);
			expect(violations).toEqual([]);
			await context.close();
		});
	});
});
