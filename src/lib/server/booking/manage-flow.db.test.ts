import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { bookOnline } from './booking.service';
import { manageStep } from './manage-flow';

/** The patient's manage page as posts. TEST_NOW: Friday 2026-11-27 10:00 Boston. */
describeEachEngine('manage page', (handle) => {
	let ctx: Ctx;
	let token = '';
	let id = '';
	const start = '2026-12-02T09:00:00-05:00';
	const later = '2026-12-09T09:00:00-05:00';
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		ctx = testCtx(handle.db, anonymous);
		const alex = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const patient = { firstName: 'Mo', lastName: 'V', email: 'mo@example.com', phone: '(617) 555-0101', dateOfBirth: '1980-01-01' };
		const booked = await bookOnline(ctx, { service: 'initial-consultation', providerId: alex, start, patient }, { source: 'api' });
		token = booked.confirmation.manageToken!;
		id = booked.confirmation.id;
	});
	const startOf = async () => (await handle.db.selectFrom('appointment').select('startsAt').where('id', '=', id).executeTakeFirstOrThrow()).startsAt;

	it('asks "Move from … to …?" when a new time is tapped, and moves only on Confirm', async () => {
		const before = await startOf();
		const review = await manageStep(ctx, token, { step: 'move', start: later });
		expect(review.mode).toBe('confirm-move');
		expect(review.summary.timeLabel).toContain('December 2');
		expect(review.move).toEqual({ start: later, timeLabel: expect.stringContaining('December 9') });
		expect(await startOf()).toEqual(before);

		// "Choose another time" and "Keep the current time" change nothing either.
		expect((await manageStep(ctx, token, { do: 'reschedule', start: later })).mode).toBe('times');
		expect((await manageStep(ctx, token, { do: 'view', start: later })).mode).toBe('view');
		expect(await startOf()).toEqual(before);

		const moved = await manageStep(ctx, token, { do: 'move', start: later });
		expect(moved.notice).toContain('Your appointment is moved to');
		expect(moved.summary.timeLabel).toContain('December 9');
		expect(await startOf()).not.toEqual(before);
	});
});
