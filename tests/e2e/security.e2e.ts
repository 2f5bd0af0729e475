import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, waitForAddress } from './support/browser';
import { ADMIN, FRONT_DESK, PASSWORD } from './support/demo';
import { get } from './support/http';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const ROOT = resolve(import.meta.dirname, '../..');

function codeAt(key: string, atMs: number): string {
	return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: atMs });
}

describe.skipIf(!chromiumAvailable && !browserRequired)('staff security in the browser', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;
	let browser: Browser;
	let manualKey = '';
	let recoveryCodes: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([
			startServer({ DATABASE_FILE: database.file, REQUIRE_MFA: 'true', OUTBOX_DIR: outbox }),
			launchBrowser()
		]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	async function newPage(): Promise<Page> {
		return (await browser.newContext()).newPage();
	}

	async function submitPassword(page: Page, email: string, password = PASSWORD): Promise<void> {
		await page.goto(`${server.url}/staff/sign-in`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
	}

	it('makes an admin set up two-step sign-in, then shows ten recovery codes', async () => {
		const page = await newPage();
		await submitPassword(page, ADMIN);
		await waitForAddress(page, `${server.url}/staff/sign-in/setup-mfa`);
		// Nothing else in the staff area is reachable until the second factor is set up.
		await page.goto(`${server.url}/staff/admin/services`);
		expect(page.url()).toBe(`${server.url}/staff/sign-in/setup-mfa`);
		await expectAccessible(page);

		manualKey = (await page.locator('code.key').textContent())!.trim();
		await page.getByLabel('6-digit code').fill('000000');
		await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		await expect.poll(() => page.locator('#field-code-error').textContent()).toMatch(/did not work/);
		// The same key is offered again, so the app already set up keeps working.
		expect((await page.locator('code.key').textContent())!.trim()).toBe(manualKey);

		await page.getByLabel('6-digit code').fill(codeAt(manualKey, Date.now()));
		await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Two-step sign-in is on');
		recoveryCodes = await page.locator('.codes code').allTextContents();
		expect(recoveryCodes).toHaveLength(10);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Continue to Needlepoint' }).click();
		await waitForAddress(page, `${server.url}/staff`);
		await page.context().close();
	});

	it('signs in with a code from the app, and refuses that code a second time', async () => {
		const page = await newPage();
		await submitPassword(page, ADMIN);
		await waitForAddress(page, `${server.url}/staff/sign-in/verify`);
		await expectAccessible(page);
		// One step ahead: the enrolment used the current step, and drift of one step is allowed.
		const code = codeAt(manualKey, Date.now() + 30_000);
		await page.getByLabel('Code').fill(code);
		await page.getByRole('button', { name: 'Continue' }).click();
		await waitForAddress(page, `${server.url}/staff`);

		const second = await newPage();
		await submitPassword(second, ADMIN);
		await waitForAddress(second, `${server.url}/staff/sign-in/verify`);
		await second.getByLabel('Code').fill(code);
		await second.getByRole('button', { name: 'Continue' }).click();
		await expect.poll(() => second.locator('#field-code-error').textContent()).toMatch(/used already/);
		await page.context().close();
		await second.context().close();
	});

	it('signs in with a recovery code once', async () => {
		const page = await newPage();
		await submitPassword(page, ADMIN);
		await waitForAddress(page, `${server.url}/staff/sign-in/verify`);
		await page.getByLabel('Code').fill(recoveryCodes[0]!);
		await page.getByRole('button', { name: 'Continue' }).click();
		await waitForAddress(page, `${server.url}/staff`);
		await page.context().close();
	});

	it('says why it asks for sign-in and, after the password and the second factor, opens the page asked for', async () => {
		const page = await newPage();
		await page.goto(`${server.url}/staff/admin/audit?page=1`);
		expect(page.url()).toBe(`${server.url}/staff/sign-in?next=%2Fstaff%2Fadmin%2Faudit%3Fpage%3D1`);
		expect(await page.getByRole('status').textContent()).toBe('Sign in to continue to the page you asked for.');
		await expectAccessible(page);
		await page.getByLabel('Email').fill(ADMIN);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await waitForAddress(page, `${server.url}/staff/sign-in/verify?next=%2Fstaff%2Fadmin%2Faudit%3Fpage%3D1`);
		await page.getByLabel('Code').fill(recoveryCodes[2]!);
		await page.getByRole('button', { name: 'Continue' }).click();
		await waitForAddress(page, `${server.url}/staff/admin/audit?page=1`);
		await page.context().close();
	});

	it('resets a forgotten password through an emailed link that works once', async () => {
		const page = await newPage();
		await page.goto(`${server.url}/staff/forgot-password`);
		await expectAccessible(page);
		await page.getByLabel('Email').fill(FRONT_DESK);
		await page.getByRole('button', { name: 'Send the link' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/If that address belongs/);

		const eml = readdirSync(outbox).find((f) => f.endsWith('.eml'))!;
		const raw = readFileSync(join(outbox, eml), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
		expect(raw).toContain(`To: ${FRONT_DESK}`);
		const link = /https?:\/\/\S+\/staff\/reset-password\/[A-Za-z0-9_-]{43}/.exec(raw)![0];

		await page.goto(link);
		await expectAccessible(page);
		await page.locator('#field-password').fill('winter harbour 17 gulls');
		await page.locator('#field-confirm').fill('winter harbour 17 gulls');
		await page.getByRole('button', { name: 'Save the new password' }).click();
		await waitForAddress(page, `${server.url}/staff/sign-in?reset=1`);
		await submitPassword(page, FRONT_DESK, 'winter harbour 17 gulls');
		// The front desk reads and merges patients, so with REQUIRE_MFA it sets up a second factor
		// before any patient page opens.
		await waitForAddress(page, `${server.url}/staff/sign-in/setup-mfa`);
		await page.goto(`${server.url}/staff/patients`);
		expect(page.url()).toBe(`${server.url}/staff/sign-in/setup-mfa`);

		await page.context().close();

		const later = await newPage();
		await later.goto(link);
		expect(await later.getByRole('status').textContent()).toMatch(/expired or was used/);
		await later.context().close();
	});

	it('shows the audit trail to an admin, filtered, and exports it as CSV', async () => {
		const page = await newPage();
		await submitPassword(page, ADMIN);
		await page.getByLabel('Code').fill(recoveryCodes[1]!);
		await page.getByRole('button', { name: 'Continue' }).click();
		await waitForAddress(page, `${server.url}/staff`);
		await page.goto(`${server.url}/staff/admin/audit`);
		await expectAccessible(page);
		await page.getByLabel('Action').selectOption('auth.mfa_failed');
		await page.getByRole('button', { name: 'Filter' }).click();
		await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
		// The page shows readable labels, not codes: every row listed is the filtered action.
		const actions = (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map((t) => t.trim());
		expect(actions.length).toBeGreaterThan(0);
		expect(new Set(actions)).toEqual(new Set(['Two-step code refused']));
		const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const csv = await (await get(`${server.url}/staff/admin/audit/export.csv`, cookie)).text();
		const [header, ...rows] = csv.trim().split('\r\n');
		expect(header).toBe('id,at,actorType,actorId,actorRole,action,entityType,entityId,patientId,outcome,ip,userAgent,requestId,detail,prevHash,hash');
		expect(rows.some((r) => r.includes('auth.mfa_enrolled'))).toBe(true);
		await page.context().close();
	});

	it('lets npm run audit:verify pass, then name a row edited by hand', async () => {
		await server.stop();
		const verify = () =>
			spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/audit-verify.ts'], {
				cwd: ROOT,
				env: { ...process.env, DATABASE_FILE: database.file, DATABASE_URL: '' },
				encoding: 'utf8'
			});
		const intact = verify();
		expect(intact.stdout).toMatch(/Audit trail intact: \d+ events verified/);
		expect(intact.status).toBe(0);

		const db = new SqliteDatabase(database.file);
		db.exec('drop trigger audit_event_no_update');
		db.prepare("update audit_event set outcome = 'success' where id = (select min(id) from audit_event where action = 'auth.mfa_failed')").run();
		const edited = (db.prepare("select min(id) as id from audit_event where action = 'auth.mfa_failed'").get() as { id: number }).id;
		db.close();

		const broken = verify();
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain(`Audit trail BROKEN at event #${edited}`);
	});
});
