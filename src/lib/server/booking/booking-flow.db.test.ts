import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import type { BookingView } from '../../shared/booking-view';
import { bookingStep } from './booking-flow';

/** The no-JavaScript booking pages as a sequence of posts. TEST_NOW: Friday 2026-11-27 10:00 Boston. */
describeEachEngine('booking pages', (handle) => {
	let ctx: Ctx;
	let alex = '';
	const details = { firstName: 'Flo', lastName: 'W', email: 'flo@example.com', phone: '(617) 555-0100', dateOfBirth: '1990-05-05', note: '' };
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		ctx = testCtx(handle.db, anonymous);
		alex = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
	});
	const post = (form: Record<string, string>) => bookingStep(ctx, form, 'https://clinic.example');
	const kind = (view: BookingView) => view.kind;

	it('walks service → provider → time → details → review → confirmed, carrying earlier choices', async () => {
		expect(kind(await post({}))).toBe('service');
		const provider = await post({ step: 'service', service: 'follow-up' });
		expect(provider.kind === 'provider' && provider.providers.map((p) => p.name)).toContain('Dr. Alex Chen');
		const time = await post({ step: 'provider', service: 'follow-up', provider: alex });
		if (time.kind !== 'time') throw new Error(time.kind);
		expect(time.carried).toEqual({ service: 'follow-up', provider: alex });
		expect(time.zoneLabel).toBe('Eastern Standard Time (America/New_York)');
		expect(time.days[0]!.times).toEqual([]); // Friday: nothing left after 12 h notice from 10:00
		expect(time.days[1]!.times[0]!.value).toBe('2026-11-28T08:00:00-05:00');
		const start = time.days[3]!.times[0]!.value;
		expect(kind(await post({ step: 'time', service: 'follow-up', provider: alex, start }))).toBe('details');
		const invalid = await post({ step: 'details', service: 'follow-up', provider: alex, start, ...details, email: 'nope' });
		expect(invalid.kind === 'details' && invalid.errors).toHaveProperty('email');
		const review = await post({ step: 'details', service: 'follow-up', provider: alex, start, ...details });
		if (review.kind !== 'review') throw new Error(review.kind);
		const confirm = { ...review.carried, step: 'confirm', submission: review.submission };
		const [a, b] = await Promise.all([post(confirm), post(confirm)]);
		expect(a.kind).toBe('confirmed');
		expect(b).toEqual(a); // a double click books once and shows the same confirmation
		const rows = await handle.db.selectFrom('appointment').select('id').where('providerId', '=', alex).execute();
		expect(rows).toHaveLength(1);
		if (a.kind === 'confirmed') expect(a.manageUrl).toMatch(/^https:\/\/clinic\.example\/appointments\/manage\/[A-Za-z0-9_-]{43}$/);
	});

	it('goes back a step with "back", and refuses a provider who does not offer the service', async () => {
		expect(kind(await post({ step: 'provider', nav: 'back', service: 'follow-up', provider: alex }))).toBe('service');
		expect(kind(await post({ step: 'details', nav: 'back', service: 'follow-up', provider: alex, start: '2026-12-01T09:00:00-05:00' }))).toBe('time');
		const lin = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'lin.zhao@boston-spine.example').executeTakeFirstOrThrow()).id;
		const refused = await post({ step: 'provider', service: 'dry-needling', provider: lin });
		expect(refused.kind === 'provider' && refused.error).toBeTruthy();
		const nav = await post({ step: 'time', nav: 'week:2026-12-07', service: 'follow-up', provider: 'any' });
		expect(nav.kind === 'time' && nav.days[0]!.date).toBe('2026-12-07');
	});

	it('keeps the details and offers nearby times when the time went meanwhile', async () => {
		const start = '2026-12-02T09:00:00-05:00';
		const base = { service: 'follow-up', provider: alex, start, ...details };
		const first = await post({ ...base, step: 'confirm', submission: '11111111-1111-4111-8111-111111111111', email: 'first@example.com' });
		expect(first.kind).toBe('confirmed');
		const second = await post({ ...base, step: 'confirm', submission: '22222222-2222-4222-8222-222222222222' });
		if (second.kind !== 'time') throw new Error(second.kind);
		expect(second.message).toContain('just booked by someone else');
		expect(second.alternatives!.length).toBeGreaterThan(0);
		expect(second.carried).toMatchObject({ email: 'flo@example.com', firstName: 'Flo' });
	});
});
