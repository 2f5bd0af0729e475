import SqliteDatabase from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, chromiumAvailable, expectAccessible, launchBrowser, signInInBrowser } from './support/browser';
import { ANSWER_CODES, expectAccessibleHtml, recordUrls, shapePaint } from './support/assessment';
import { CLINICIAN, FRONT_DESK } from './support/demo';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

const PHONE = { width: 390, height: 844 };
/** Walks of many pages with an axe scan on most: on a busy 2-core CI machine they outgrow the default minute. */
const LONG = 180_000;
const BRAND = 'rgb(11, 93, 85)';
const FOCUS = 'rgb(26, 95, 180)';

describe.skipIf(!chromiumAvailable && !browserRequired)('the self-assessment in the browser', () => {
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

	const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
	const next = (page: Page, name = 'Next') => page.getByRole('button', { name, exact: true }).click();

	async function newPhone(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; urls: string[] }> {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
		const page = await context.newPage();
		return { context, page, urls: recordUrls(page) };
	}

	/** With JavaScript on, axe scans the live page; with it off, the HTML the page received. */
	async function scan(page: Page, javaScriptEnabled: boolean): Promise<void> {
		if (javaScriptEnabled) await expectAccessible(page);
		else await expectAccessibleHtml(browser, server.url, await page.content());
	}

	function expectNoAnswersIn(urls: string[]): void {
		expect(urls.length).toBeGreaterThan(5);
		for (const url of urls.filter((u) => u.startsWith(server.url))) {
			// Only the name of the question on screen, and SvelteKit's own parameter, are in an address.
			for (const name of new URL(url).searchParams.keys()) expect(['step', 'x-sveltekit-invalidated'], url).toContain(name);
			for (const code of ANSWER_CODES) expect(url, `${code} in a URL`).not.toContain(code);
		}
	}

	/** The id of this browser's self-assessment draft (its HttpOnly cookie), if it has one. */
	async function draftId(context: BrowserContext): Promise<string | undefined> {
		return (await context.cookies(`${server.url}/assessment/questions`)).find((c) => c.name === 'np_assessment_draft')?.value;
	}

	function draftExists(id: string): boolean {
		const file = new SqliteDatabase(database.file, { readonly: true });
		try {
			return (file.prepare('select count(*) as n from flow_draft where id = ?').get(id) as { n: number }).n > 0;
		} finally {
			file.close();
		}
	}

	it.each([
		['disabled', false],
		['enabled', true]
	])('completes on a phone with JavaScript %s, keeping answers only in the forms', async (_state, js) => {
		const { context, page, urls } = await newPhone(js);
		await page.goto(`${server.url}/`);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Which therapy fits me?' }).click();
		await page.waitForURL(`${server.url}/assessment`);
		expect(await heading(page)).toBe('Which therapy fits me?');
		expect(await page.getByText(/we delete them as soon as we show your result/).count()).toBe(1);
		await scan(page, js);

		await page.getByRole('link', { name: 'Start the questions' }).click();
		expect(await heading(page)).toMatch(/^Question 1 of 6 Where do you feel it\?/);
		// Tap the drawing (the lower back is on the back view) and tick a box in the list.
		await page.locator('label.hotspot[for="region-low_back"] .shape').click();
		await page.getByRole('checkbox', { name: 'Left hip and groin', exact: true }).check();
		expect(await page.getByRole('checkbox', { name: 'Lower back', exact: true }).isChecked()).toBe(true);
		await scan(page, js);
		await next(page);

		expect(await page.title()).toBe('Question 2 of 6 — Which therapy fits me? — Boston Spine');
		await page.getByRole('checkbox', { name: 'Sciatica (pain that runs down my leg)' }).check();
		await scan(page, js);
		await next(page);

		expect(await heading(page)).toMatch(/^Question 3 of 6/);
		await page.getByRole('radio', { name: 'More than 12 weeks' }).check();
		await scan(page, js);
		// Back keeps both this answer and the earlier ones.
		await page.getByRole('button', { name: 'Back' }).click();
		expect(await heading(page)).toMatch(/^Question 2 of 6/);
		expect(await page.getByRole('checkbox', { name: 'Sciatica (pain that runs down my leg)' }).isChecked()).toBe(true);
		await next(page);
		expect(await page.getByRole('radio', { name: 'More than 12 weeks' }).isChecked()).toBe(true);
		await next(page);

		// The safety question will not be skipped by accident.
		expect(await heading(page)).toMatch(/^Question 4 of 6 Do any of these apply to you right now\?/);
		await next(page);
		expect(await heading(page)).toMatch(/^Question 4 of 6/);
		expect(await page.title()).toBe('Error: Question 4 of 6 — Which therapy fits me? — Boston Spine');
		expect(await page.getByRole('alert').textContent()).toContain('If none do, tick “None of these apply to me”.');
		await scan(page, js);
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);

		expect(await heading(page)).toMatch(/^Question 5 of 6/);
		await page.getByRole('checkbox', { name: 'I am pregnant, or I might be' }).check();
		await scan(page, js);
		await next(page);

		expect(await heading(page)).toMatch(/^Question 6 of 6/);
		await page.getByRole('radio', { name: 'A Western, anatomy-based approach (dry needling)' }).check();
		await scan(page, js);
		await next(page, 'See my result');

		await page.waitForURL(`${server.url}/assessment/result`);
		expect(await page.title()).toBe('Your result — Which therapy fits me? — Boston Spine');
		expect(await heading(page)).toBe('Your result Dry needling');
		const why = page.getByRole('region', { name: 'Why we suggest this' });
		expect(await why.textContent()).toContain('Because you answered: “Sciatica (pain that runs down my leg)” and “A Western');
		const care = page.getByRole('region', { name: 'Things your clinician will check with you' });
		expect(await care.textContent()).toContain('A clinician will go through these answers with you before any needling.');
		expect(await care.textContent()).toContain('“I am pregnant, or I might be”');

		const services = page.getByRole('region', { name: 'Services that fit' });
		const dryNeedling = services.getByRole('region', { name: 'Dry needling session' });
		expect(await dryNeedling.textContent()).toContain('30 minutes · $95.00');
		expect(await dryNeedling.getByRole('listitem').allTextContents()).toEqual([
			expect.stringContaining('Dr. Alex Chen, DPT'),
			expect.stringContaining('Dr. Priya Nair, DPT'),
			expect.stringContaining('Dr. Sam O’Brien, DC')
		]);
		expect(await services.getByRole('region', { name: 'Initial consultation' }).textContent()).toContain('Lin Zhao');
		// Each service has a Book button that carries the signed result into online booking.
		expect(await page.getByRole('button', { name: /^Book/ }).count()).toBe(2);
		expect(await services.getByText('Call us to book:').count()).toBe(0);
		expect(await page.getByRole('complementary', { name: 'This is not a diagnosis' }).count()).toBe(1);
		expect(await page.getByRole('region', { name: 'Your answers' }).textContent()).toContain('Left hip and groin');
		await scan(page, js);

		await dryNeedling.getByRole('button', { name: 'Book Dry needling session' }).click();
		// Dry needling starts with a consultation for new patients: booking asks that first.
		await page.waitForURL(`${server.url}/book?step=visit`);
		expect(await heading(page)).toBe('Your first visit?');
		await scan(page, js);
		await page.getByRole('radio', { name: /^Yes, I have been here before/ }).check();
		await page.getByRole('button', { name: 'Continue' }).click();
		expect(await heading(page)).toBe('Choose a clinician');
		expect(await page.getByText('Who would you like to see for Dry needling session?').count()).toBe(1);
		// The signed result travels in the booking draft, not in the page.
		expect(await page.locator('input[name="assessment"]').count()).toBe(0);

		expectNoAnswersIn(urls);
		await context.close();
	}, LONG);

	it('lets a person change one answer from the result and go straight back to it', async () => {
		const { context, page, urls } = await newPhone(true);
		await page.goto(`${server.url}/assessment/questions`);
		await next(page);
		await page.getByRole('checkbox', { name: 'Trouble sleeping' }).check();
		await next(page);
		await next(page);
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);
		await next(page, 'See my result');
		expect(await heading(page)).toBe('Your result Acupuncture');

		await page.getByRole('button', { name: 'Change your answer about what you would like help with' }).first().click();
		expect(await heading(page)).toMatch(/^Question 2 of 6/);
		expect(await page.getByRole('checkbox', { name: 'Trouble sleeping' }).isChecked()).toBe(true);
		await page.getByRole('checkbox', { name: 'Tight or knotted muscles' }).check();
		await expectAccessible(page);
		await next(page, 'See my result');
		expect(await heading(page)).toBe('Your result Dry needling or acupuncture');
		expect(await page.getByRole('region', { name: 'Your answers' }).textContent()).toContain('Tight or knotted muscles');
		await expectAccessible(page);
		expectNoAnswersIn(urls);
		await context.close();
	}, LONG);

	it('works through the body map with the keyboard alone', async () => {
		const { context, page } = await newPhone(true);
		await page.goto(`${server.url}/assessment`);
		const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

		async function tabTo(found: () => Promise<boolean>, limit = 90): Promise<void> {
			for (let i = 0; i < limit; i++) {
				await page.keyboard.press('Tab');
				if (await found()) return;
			}
			throw new Error('never reached by Tab');
		}

		/** Presses a key that submits a form or follows a link, and waits for the new page. */
		async function pressToNavigate(key: string): Promise<void> {
			await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
		}

		await tabTo(async () => (await focusedName()) === 'Start the questions');
		await pressToNavigate('Enter');
		expect(page.url()).toBe(`${server.url}/assessment/questions`);

		await tabTo(async () => (await focusedId()) === 'region-knee_right');
		// The focused area is outlined on the drawing, in the focus colour.
		expect(await shapePaint(page, 'knee_right', 'stroke')).toBe(FOCUS);
		await page.keyboard.press('Space');
		expect(await page.locator('#region-knee_right').isChecked()).toBe(true);
		expect(await shapePaint(page, 'knee_right', 'fill')).toBe(BRAND);

		await tabTo(async () => (await focusedId()) === 'region-low_back');
		expect(await shapePaint(page, 'knee_right', 'stroke')).not.toBe(FOCUS);
		await page.keyboard.press('Space');
		expect(await shapePaint(page, 'low_back', 'fill')).toBe(BRAND);
		// Space again unticks; a third time ticks it for good.
		await page.keyboard.press('Space');
		expect(await page.locator('#region-low_back').isChecked()).toBe(false);
		await page.keyboard.press('Space');
		await expectAccessible(page);

		await tabTo(async () => (await focusedName()) === 'Next');
		await pressToNavigate('Enter');
		expect(await heading(page)).toMatch(/^Question 2 of 6/);
		await tabTo(async () => (await focusedName()) === 'Back');
		await pressToNavigate('Enter');
		expect(await heading(page)).toMatch(/^Question 1 of 6/);
		expect(await page.locator('#region-knee_right').isChecked()).toBe(true);
		expect(await page.locator('#region-low_back').isChecked()).toBe(true);
		expect(await shapePaint(page, 'low_back', 'fill')).toBe(BRAND);
		await context.close();
	});

	async function answerUpToSafety(page: Page, flag: string): Promise<void> {
		await page.goto(`${server.url}/assessment/questions`);
		await page.locator('label.hotspot[for="region-neck_back"] .shape').click();
		await next(page);
		await page.getByRole('checkbox', { name: 'Tight or knotted muscles' }).check();
		await next(page);
		await next(page);
		await page.getByRole('checkbox', { name: flag }).check();
		await next(page);
	}

	async function answerWithRedFlag(page: Page, flag: string): Promise<void> {
		await answerUpToSafety(page, flag);
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);
		await page.getByRole('radio', { name: 'A Western, anatomy-based approach (dry needling)' }).check();
		await next(page, 'See my result');
		await page.waitForURL(`${server.url}/assessment/result`);
	}

	it.each([
		['disabled', false],
		['enabled', true]
	])('shows the emergency advice on the very next screen after chest pain, and nothing that contradicts it (JavaScript %s)', async (_state, js) => {
		const { context, page } = await newPhone(js);
		await answerUpToSafety(page, 'Chest pain, or trouble breathing that came on suddenly');
		// No more questions: the screen after the safety question is the emergency advice.
		await page.waitForURL(`${server.url}/assessment/result`);
		const alert = page.getByRole('alert');
		expect(await alert.textContent()).toContain('Call 911 (or your local emergency number)');
		// The alert comes before the heading.
		const order = await page.evaluate(() => {
			const alertBox = document.querySelector('[role="alert"]');
			const h1 = document.querySelector('h1');
			return alertBox && h1 ? alertBox.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
		});
		expect(order).toBeTruthy();
		expect(await heading(page)).toBe('Your result Get emergency care now');
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).toContain('emergency room');
		expect(text).not.toMatch(/own doctor|urgent care clinic|before you book/i);
		expect(await page.getByRole('button', { name: /Book/ }).count()).toBe(0);
		expect(await page.getByText('Dry needling session').count()).toBe(0);
		expect(await page.getByRole('region', { name: 'Why' }).textContent()).toContain(
			'Because you ticked: “Chest pain, or trouble breathing that came on suddenly”'
		);
		await scan(page, js);
		// Ticked by mistake: the safety question opens again with the answers kept.
		await page.getByRole('button', { name: 'Change your answer about the safety check' }).click();
		expect(await heading(page)).toMatch(/^Question 4 of 6/);
		expect(await page.getByRole('checkbox', { name: 'Chest pain, or trouble breathing that came on suddenly' }).isChecked()).toBe(true);
		await context.close();
	}, LONG);

	it.each([
		['disabled', false],
		['enabled', true]
	])('goes Back and Forward between questions without a resubmission prompt, showing the answers (JavaScript %s)', async (_state, js) => {
		const { context, page, urls } = await newPhone(js);
		await page.goto(`${server.url}/assessment/questions`);
		await page.getByRole('checkbox', { name: 'Left hip and groin', exact: true }).check();
		await next(page);
		await page.getByRole('checkbox', { name: 'Sciatica (pain that runs down my leg)' }).check();
		await next(page);
		await page.getByRole('radio', { name: 'More than 12 weeks' }).check();
		await next(page);
		expect(await heading(page)).toMatch(/^Question 4 of 6/);

		// The browser's own Back and Forward buttons: each earlier page is a GET, shown again as answered.
		await page.goBack();
		await expect.poll(() => heading(page)).toMatch(/^Question 3 of 6/);
		expect(await page.getByRole('radio', { name: 'More than 12 weeks' }).isChecked()).toBe(true);
		await page.goBack();
		await expect.poll(() => heading(page)).toMatch(/^Question 2 of 6/);
		expect(await page.getByRole('checkbox', { name: 'Sciatica (pain that runs down my leg)' }).isChecked()).toBe(true);
		await page.goForward();
		await expect.poll(() => heading(page)).toMatch(/^Question 3 of 6/);
		expect(await page.getByRole('radio', { name: 'More than 12 weeks' }).isChecked()).toBe(true);
		await page.goForward();
		await expect.poll(() => heading(page)).toMatch(/^Question 4 of 6/);
		await scan(page, js);

		// And the flow goes on from there.
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);
		await page.getByRole('checkbox', { name: 'None of these apply to me' }).check();
		await next(page);
		await page.getByRole('radio', { name: 'A Western, anatomy-based approach (dry needling)' }).check();
		const id = await draftId(context);
		expect(id && draftExists(id)).toBe(true);
		await next(page, 'See my result');
		await page.waitForURL(`${server.url}/assessment/result`);
		expect(await page.getByRole('region', { name: 'Your answers' }).textContent()).toContain('Left hip and groin');
		// The answers left the server when the result was shown, and the cookie went with them.
		expect(draftExists(id!)).toBe(false);
		expect(await draftId(context)).toBeUndefined();
		await page.goBack();
		await expect.poll(() => heading(page)).toMatch(/^Question 1 of 6/);
		expect(await page.getByText('Your earlier answers are no longer here').count()).toBe(1);
		expect(await page.getByRole('checkbox', { name: 'Left hip and groin', exact: true }).isChecked()).toBe(false);
		expectNoAnswersIn(urls);
		await context.close();
	}, LONG);

	it('sends a non-urgent red flag to a doctor first too, without the emergency alert', async () => {
		const { context, page } = await newPhone(true);
		await answerWithRedFlag(page, 'I have had cancer');
		expect(await heading(page)).toBe('Your result See a doctor first');
		expect(await page.getByRole('alert').count()).toBe(0);
		expect(await page.getByRole('button', { name: /Book/ }).count()).toBe(0);
		expect(await page.getByText('Call us to book').count()).toBe(0);
		await expectAccessible(page);

		// Printed, the result keeps its content and drops the site menus and the buttons.
		await page.emulateMedia({ media: 'print' });
		expect(await page.getByRole('banner').isVisible()).toBe(false);
		expect(await page.getByRole('contentinfo').isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: 'Change your answer about the safety check' }).first().isVisible()).toBe(false);
		expect(await page.getByRole('heading', { name: 'Why we suggest this' }).isVisible()).toBe(true);
		expect(await page.getByRole('heading', { name: 'This is not a diagnosis' }).isVisible()).toBe(true);
		await context.close();
	});

	it('has no result to show without posted answers', async () => {
		const { context, page } = await newPhone(false);
		await page.goto(`${server.url}/assessment/result`);
		expect(page.url()).toBe(`${server.url}/assessment`);
		await context.close();
	});

	it('shows clinicians the anonymous counts, and front-desk staff nothing', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInInBrowser(page, server.url, CLINICIAN);
		await page.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Self-assessment report' }).click();
		await page.waitForURL(`${server.url}/staff/reports/assessment`);

		// Four dry-needling results (two full runs and two Back/Forward runs, JS off and on), one
		// acupuncture (its changed result was not counted again), three red flags (two urgent, one not).
		expect(await page.getByText(/finished it\./).textContent()).toBe('8 people finished it.');
		const totals = page.getByRole('table', { name: 'Results by suggestion, all time' });
		const cells = (name: string) =>
			totals.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allTextContents();
		expect(await cells('Dry needling')).toEqual(['4', '50%']);
		expect(await cells('See a doctor first')).toEqual(['3', '38%']);
		expect(await cells('Acupuncture')).toEqual(['1', '13%']);
		expect(await cells('Dry needling or acupuncture')).toEqual(['0', '0%']);
		const weeks = page.getByRole('table', { name: 'Results by week and suggestion' }).getByRole('row');
		expect(await weeks.count()).toBe(13);
		await expectAccessible(page);
		await context.close();

		const desk = await browser.newContext();
		const deskPage = await desk.newPage();
		await signInInBrowser(deskPage, server.url, FRONT_DESK);
		expect(await deskPage.getByRole('link', { name: 'Self-assessment report' }).count()).toBe(0);
		const response = await deskPage.goto(`${server.url}/staff/reports/assessment`);
		expect(response?.status()).toBe(403);
		await desk.close();
	});
});
