import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, testCtx, staffActor } from '../testing/test-context';
import { addException } from '../scheduling/schedule-admin.service';
import { getAvailability } from '../scheduling/availability.service';
import { bookOnline } from './booking.service';
import { giveEarlierVisits } from '../testing/bookings';

/**
 * Booking across Boston's 2027 clock changes (spring forward 14 March, fall back 7 November), with
 * extra night hours so the skipped and repeated hours are inside working time. Runs under every
 * process time zone of `npm test`; nothing here may depend on it.
 */
describeEachEngine('booking across DST changes', (handle) => {
	let alex = '';
	const who = (n: string) => ({ firstName: 'D', lastName: 'St', email: `dst.${n}@example.com`, phone: '(617) 555-0100', dateOfBirth: '1980-01-01' });
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		alex = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const admin = testCtx(handle.db, await staffActor(handle.db, 'admin'), fixedClock(new Date('2027-03-01T12:00:00Z')));
		const location = (await handle.db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
		await addException(admin, alex, { kind: 'extra_hours', date: '2027-03-14', start: '01:00', end: '04:00', locationId: location });
		await addException(admin, alex, { kind: 'extra_hours', date: '2027-11-07', start: '00:00', end: '04:00', locationId: location });
		// Follow-ups are for patients seen before.
		await giveEarlierVisits(handle.db, ['spring', 'spring-early', 'fall-1', 'fall-2', 'fall-3'].map(who));
	});

	it('offers no 02:xx on the spring-forward night and books 03:00 EDT as 07:00Z', async () => {
		const ctx = testCtx(handle.db, anonymous, fixedClock(new Date('2027-03-01T12:00:00Z')));
		const { slots } = await getAvailability(ctx, { service: 'follow-up', from: '2027-03-14', to: '2027-03-14', provider: alex });
		const starts = slots.map((s) => s.start);
		expect(starts.filter((s) => s.includes('T02:'))).toEqual([]);
		expect(starts).toContain('2027-03-14T01:15:00-05:00');
		expect(starts).toContain('2027-03-14T03:00:00-04:00');
		const { confirmation } = await bookOnline(ctx, { service: 'follow-up', providerId: alex, start: '2027-03-14T03:00:00-04:00', patient: who('spring') }, { source: 'api' });
		expect(new Date(confirmation.startMs).toISOString()).toBe('2027-03-14T07:00:00.000Z');
		// 01:30 EST + 30 min runs to 03:00 EDT: 30 real minutes, so it fits before the booking.
		await bookOnline(ctx, { service: 'follow-up', providerId: alex, start: '2027-03-14T01:15:00-05:00', patient: who('spring-early') }, { source: 'api' });
	});

	it('offers and books both 01:30s on the fall-back night as different instants', async () => {
		const ctx = testCtx(handle.db, anonymous, fixedClock(new Date('2027-10-25T12:00:00Z')));
		const { slots } = await getAvailability(ctx, { service: 'follow-up', from: '2027-11-07', to: '2027-11-07', provider: alex });
		const starts = slots.map((s) => s.start);
		expect(starts).toContain('2027-11-07T01:30:00-04:00');
		expect(starts).toContain('2027-11-07T01:30:00-05:00');
		const first = await bookOnline(ctx, { service: 'follow-up', providerId: alex, start: '2027-11-07T01:30:00-04:00', patient: who('fall-1') }, { source: 'api' });
		const second = await bookOnline(ctx, { service: 'follow-up', providerId: alex, start: '2027-11-07T01:30:00-05:00', patient: who('fall-2') }, { source: 'api' });
		expect(second.confirmation.startMs - first.confirmation.startMs).toBe(3_600_000);
		const again = await domainError(bookOnline(ctx, { service: 'follow-up', providerId: alex, start: '2027-11-07T05:30:00Z', patient: who('fall-3') }, { source: 'api' }));
		expect(again.code).toBe('conflict');
	});
});
