import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../context';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { alexId, bookAt, cancelAt, frontDeskCtx } from '../testing/bookings';
import { domainError } from '../testing/domain-error';
import { describeEachEngine } from '../testing/engines';
import { staffActor, TEST_NOW, testCtx } from '../testing/test-context';
import { createOwnFeed, feedStatusOf, ownFeedStatus, renderCalendarFeed, revokeFeedOf, revokeOwnFeed } from './calendar-feed.service';
import { hashFeedToken } from './feed-token';

const ORIGIN = 'https://clinic.example';
const DAY = 86_400_000;

function tokenOf(url: string): string {
	const match = /^https:\/\/clinic\.example\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url);
	if (!match) throw new Error(`unexpected feed URL ${url}`);
	return match[1]!;
}

function events(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describeEachEngine('provider calendar feeds', (handle) => {
	let alex: string;
	let clinician: Ctx;
	let colleague: Ctx;
	let admin: Ctx;
	let visitor: Ctx;
	const booked: Record<string, string> = {};

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		alex = await alexId(handle.db);
		const someClinician = await staffActor(handle.db, 'clinician');
		clinician = testCtx(handle.db, { ...someClinician, staffId: alex, email: 'alex.chen@boston-spine.example', name: 'Dr. Alex Chen' });
		const other = await handle.db.selectFrom('staff').select(['id', 'name', 'email']).where('email', '=', 'priya.nair@boston-spine.example').executeTakeFirstOrThrow();
		colleague = testCtx(handle.db, { ...someClinician, staffId: other.id, email: other.email, name: other.name });
		admin = testCtx(handle.db, await staffActor(handle.db, 'admin'));
		visitor = testCtx(handle.db, anonymous);
		// 15:00 UTC is 10:00 or 11:00 in Boston: a working hour of Dr. Chen (and Dr. Nair) on weekdays.
		const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);
		// Through the real booking and cancel services; past visits were booked before they happened.
		const desk = async (daysAgo = 0) => frontDeskCtx(handle.db, fixedClock(at(-daysAgo)));
		const book = async (days: number, providerId = alex) => (await bookAt(await desk(Math.max(0, 1 - days)), at(days), { providerId })).id;
		booked.soon = await book(3);
		booked.past = await book(-10);
		booked.cancelled = await book(4);
		await cancelAt(await desk(), booked.cancelled);
		booked.tooFar = await book(200);
		booked.tooOld = await book(-42);
		booked.colleagues = await book(3, other.id);
	});

	it('gives a 256-bit link once, stores only its hash, and serves the provider’s live appointments without patient details', async () => {
		expect(await ownFeedStatus(clinician)).toEqual({ active: false });
		const { url } = await createOwnFeed(clinician, ORIGIN);
		const token = tokenOf(url);
		const stored = await handle.db.selectFrom('calendarFeed').select(['tokenHash', 'staffId']).execute();
		expect(stored).toEqual([{ tokenHash: hashFeedToken(token), staffId: alex }]);
		expect(JSON.stringify(stored)).not.toContain(token);

		const ics = await renderCalendarFeed(visitor, token, ORIGIN);
		const list = events(ics);
		expect(list.map((e) => e.uid)).toEqual([`feed-${booked.past}@clinic.example`, `feed-${booked.soon}@clinic.example`]);
		const soon = list[1]!;
		expect(soon.startDate.toJSDate().getTime()).toBe(TEST_NOW.getTime() + 3 * DAY);
		expect(soon.summary).toBe('Dry needling session');
		expect(soon.location).toBe('Back Bay');
		expect(ics).not.toMatch(/Jamie|Rivera|jamie\.rivera|617-555-0199|1985/);
		expect(ics).toContain('X-WR-CALNAME:Boston Spine — Dr. Alex Chen');

		const status = await ownFeedStatus(clinician);
		expect(status).toMatchObject({ active: true, lastFetchedAt: TEST_NOW });
		const fetched = await handle.db.selectFrom('auditEvent').select(['action', 'actorId', 'actorType']).where('action', '=', 'calendar_feed.fetched').execute();
		expect(fetched).toEqual([{ action: 'calendar_feed.fetched', actorId: alex, actorType: 'staff' }]);
	});

	it('stops serving a link once revoked or replaced, and answers malformed tokens alike', async () => {
		const first = tokenOf((await createOwnFeed(clinician, ORIGIN)).url);
		const second = tokenOf((await createOwnFeed(clinician, ORIGIN)).url);
		expect((await domainError(renderCalendarFeed(visitor, first, ORIGIN))).code).toBe('not_found');
		expect(await renderCalendarFeed(visitor, second, ORIGIN)).toContain('BEGIN:VCALENDAR');
		expect(await revokeOwnFeed(clinician)).toBe(true);
		expect(await revokeOwnFeed(clinician)).toBe(false);
		for (const bad of [second, 'x', `${second}x`, '../../etc/passwd', 'A'.repeat(43)]) {
			expect((await domainError(renderCalendarFeed(visitor, bad, ORIGIN))).code).toBe('not_found');
		}
	});

	it('lets admins see and revoke anyone’s feed, and nobody else', async () => {
		const token = tokenOf((await createOwnFeed(colleague, ORIGIN)).url);
		expect((await domainError(revokeFeedOf(clinician, colleague.actor.kind === 'staff' ? colleague.actor.staffId : ''))).code).toBe('forbidden');
		const colleagueId = colleague.actor.kind === 'staff' ? colleague.actor.staffId : '';
		expect(await feedStatusOf(admin, colleagueId)).toMatchObject({ active: true });
		expect(await revokeFeedOf(admin, colleagueId)).toBe(true);
		expect((await domainError(renderCalendarFeed(visitor, token, ORIGIN))).code).toBe('not_found');
		expect((await domainError(feedStatusOf(admin, 'no-such-person'))).code).toBe('not_found');
		expect((await domainError(createOwnFeed(visitor, ORIGIN))).code).toBe('forbidden');
		const revoked = await handle.db.selectFrom('auditEvent').select(['actorId']).where('action', '=', 'calendar_feed.revoked').execute();
		expect(revoked.map((r) => r.actorId)).toContain(admin.actor.kind === 'staff' ? admin.actor.staffId : '');
	});

	it('goes dark when the account is disabled', async () => {
		const token = tokenOf((await createOwnFeed(colleague, ORIGIN)).url);
		const colleagueId = colleague.actor.kind === 'staff' ? colleague.actor.staffId : '';
		await handle.db.updateTable('staff').set({ active: 0 }).where('id', '=', colleagueId).execute();
		expect((await domainError(renderCalendarFeed(visitor, token, ORIGIN))).code).toBe('not_found');
		await handle.db.updateTable('staff').set({ active: 1 }).where('id', '=', colleagueId).execute();
	});

	it('keeps one live feed per person in the database itself', async () => {
		await expect(
			handle.db
				.insertInto('calendarFeed')
				.values([
					{ id: 'dup-1', staffId: alex, tokenHash: 'h1', createdAt: TEST_NOW.toISOString(), revokedAt: null, lastFetchedAt: null },
					{ id: 'dup-2', staffId: alex, tokenHash: 'h2', createdAt: TEST_NOW.toISOString(), revokedAt: null, lastFetchedAt: null }
				])
				.execute()
		).rejects.toThrow();
	});
});
