import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import type { BookingView } from '../../shared/booking-view';
import { bookingPage, bookingPost, type BookingState } from './booking-flow';

const ORIGIN = 'https://clinic.example';

/**
 * The booking pages as a browser meets them: each post answers a redirect to the next step (or
 * the same page with a reason), and each step is a GET rendered from the draft alone.
 * TEST_NOW: Friday 2026-11-27 10:00 Boston.
 */
describeEachEngine('booking pages', (handle) => {
	let ctx: Ctx;
	const staffId = async (email: string) => (await handle.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
	let alex = '';
	let lin = '';
	const details = { firstName: 'Flo', lastName: 'W', email: 'flo@example.com', phone: '(617) 555-0100', dateOfBirth: '1990-05-05', note: '' };
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		ctx = testCtx(handle.db, anonymous);
		alex = await staffId('alex.chen@boston-spine.example');
		lin = await staffId('lin.zhao@boston-spine.example');
	});

	/** One browser: the draft it holds, and where the last post sent it. */
	function browser() {
		let state: BookingState = {};
		return {
			get state() {
				return state;
			},
			async post(form: Record<string, string>) {
				const result = await bookingPost(ctx, state, form, ORIGIN);
				state = result.state;
				return result;
			},
			async get(step: string): Promise<BookingView> {
				const result = await bookingPage(ctx, state, step, ORIGIN);
				state = result.state;
				return result.view;
			}
		};
	}
	const redirectOf = (r: Awaited<ReturnType<typeof bookingPost>>) => (r.kind === 'redirect' ? r.step : `render ${r.view.kind} ${r.status}`);

	it('walks service → provider → time → details → review → confirmed with every step a GET that shows what was chosen', async () => {
		const b = browser();
		expect((await b.get('')).kind).toBe('service');
		expect(redirectOf(await b.post({ step: 'service', service: 'initial-consultation' }))).toBe('provider');
		const provider = await b.get('provider');
		expect(provider.kind === 'provider' && provider.providers.map((p) => p.name)).toContain('Dr. Alex Chen');
		expect(redirectOf(await b.post({ step: 'provider', provider: alex }))).toBe('time');
		const time = await b.get('time');
		if (time.kind !== 'time') throw new Error(time.kind);
		expect(time.zoneLabel).toBe('Eastern Standard Time (America/New_York)');
		expect(time.days[0]!.times).toEqual([]); // Friday: nothing left after 12 h notice from 10:00
		expect(time.days[1]!.times[0]!.value).toBe('2026-11-28T08:00:00-05:00');
		const start = time.days[3]!.times[0]!.value;
		expect(redirectOf(await b.post({ step: 'time', start }))).toBe('details');
		const invalid = await b.post({ step: 'details', ...details, email: 'nope' });
		expect(invalid.kind === 'render' && invalid.status).toBe(400);
		expect(invalid.kind === 'render' && invalid.view.kind === 'details' && invalid.view.errors).toHaveProperty('email');
		expect(redirectOf(await b.post({ step: 'details', ...details }))).toBe('review');

		// Back and Forward: earlier steps render again from the draft, with the choices made.
		const service = await b.get('service');
		expect(service.kind === 'service' && service.selected).toBe('initial-consultation');
		const again = await b.get('provider');
		expect(again.kind === 'provider' && again.selected).toBe(alex);
		const typed = await b.get('details');
		expect(typed.kind === 'details' && typed.values).toMatchObject({ email: 'flo@example.com', dateOfBirth: '1990-05-05' });
		const review = await b.get('review');
		if (review.kind !== 'review') throw new Error(review.kind);
		expect(review.details.email).toBe('flo@example.com');

		const confirm = { step: 'confirm', submission: review.submission };
		const [a, second] = await Promise.all([b.post(confirm), bookingPost(ctx, { ...b.state }, confirm, ORIGIN)]);
		expect(redirectOf(a)).toBe('confirmed');
		expect(redirectOf(second)).toBe('confirmed');
		const confirmed = await b.get('confirmed');
		if (confirmed.kind !== 'confirmed') throw new Error(confirmed.kind);
		// A double click books once and shows the same confirmation.
		expect(second.state.confirmed).toEqual(confirmed);
		expect(await handle.db.selectFrom('appointment').select('id').where('providerId', '=', alex).execute()).toHaveLength(1);
		expect(confirmed.manageUrl).toMatch(/^https:\/\/clinic\.example\/appointments\/manage\/[A-Za-z0-9_-]{43}$/);
		// Only the confirmation is left in the draft: no details, no choices.
		expect(Object.keys(b.state)).toEqual(['confirmed']);
	});

	it('goes back a step with "back", pages through weeks, and refuses a provider who does not offer the service', async () => {
		const b = browser();
		await b.post({ step: 'service', service: 'initial-consultation' });
		expect(redirectOf(await b.post({ step: 'provider', nav: 'back' }))).toBe('service');
		await b.post({ step: 'provider', provider: 'any' });
		expect(redirectOf(await b.post({ step: 'time', nav: 'week:2026-12-07' }))).toBe('time');
		const week = await b.get('time');
		expect(week.kind === 'time' && week.days[0]!.date).toBe('2026-12-07');
		await b.post({ step: 'time', start: '2026-12-08T09:00:00-05:00' });
		expect(redirectOf(await b.post({ step: 'details', nav: 'back', ...details, firstName: 'Kept' }))).toBe('time');
		expect(b.state.details?.firstName).toBe('Kept');

		const other = browser();
		await other.post({ step: 'service', service: 'dry-needling' });
		await other.post({ step: 'visit', visit: 'returning' });
		const refused = await other.post({ step: 'provider', provider: lin });
		expect(refused.kind === 'render' && refused.status).toBe(400);
		expect(refused.kind === 'render' && refused.view.kind === 'provider' && refused.view.error).toBeTruthy();
	});

	it('keeps the details and offers nearby times when the time went meanwhile', async () => {
		const start = '2026-12-02T09:00:00-05:00';
		const first = browser();
		const steps: Record<string, string>[] = [
			{ step: 'service', service: 'initial-consultation' },
			{ step: 'provider', provider: alex },
			{ step: 'time', start },
			{ step: 'details', ...details }
		];
		for (const form of steps) await first.post(form.step === 'details' ? { ...form, email: 'first@example.com' } : form);
		const second = browser();
		for (const form of steps) await second.post(form);
		expect(redirectOf(await first.post({ step: 'confirm', submission: '11111111-1111-4111-8111-111111111111' }))).toBe('confirmed');
		const taken = await second.post({ step: 'confirm', submission: '22222222-2222-4222-8222-222222222222' });
		if (taken.kind !== 'render' || taken.view.kind !== 'time') throw new Error(redirectOf(taken));
		expect(taken.status).toBe(409);
		expect(taken.view.message).toContain('just booked by someone else');
		expect(taken.view.alternatives!.length).toBeGreaterThan(0);
		expect(second.state.details).toMatchObject({ email: 'flo@example.com', firstName: 'Flo' });
	});

	it('asks a first-time question at the service step and keeps the intended therapy for the consultation', async () => {
		const b = browser();
		expect(redirectOf(await b.post({ step: 'service', service: 'dry-needling' }))).toBe('visit');
		const visit = await b.get('visit');
		if (visit.kind !== 'visit') throw new Error(visit.kind);
		expect(visit.service.slug).toBe('dry-needling');
		expect(visit.consultation?.slug).toBe('initial-consultation');
		expect(redirectOf(await b.post({ step: 'visit', visit: 'new' }))).toBe('provider');
		const provider = await b.get('provider');
		if (provider.kind !== 'provider') throw new Error(provider.kind);
		expect(provider.service.slug).toBe('initial-consultation');
		expect(provider.intended?.slug).toBe('dry-needling');
		// The acupuncturist gives consultations but not dry needling.
		expect(provider.providers.map((p) => p.id)).not.toContain(lin);
		expect(provider.providers.length).toBeGreaterThan(0);

		// A time when only the acupuncturist is free for a consultation is not offered to "first available".
		const linOnly = browser();
		await linOnly.post({ step: 'service', service: 'initial-consultation' });
		await linOnly.post({ step: 'provider', provider: lin });
		await b.post({ step: 'provider', provider: 'any' });
		await linOnly.post({ step: 'time', nav: 'week:2026-12-01' });
		await b.post({ step: 'time', nav: 'week:2026-12-01' });
		const linTimes = await linOnly.get('time');
		const anyTimes = await b.get('time');
		if (linTimes.kind !== 'time' || anyTimes.kind !== 'time') throw new Error('times');
		const offered = new Set(anyTimes.days.flatMap((d) => d.times.map((t) => t.value)));
		const onlyLin = linTimes.days.flatMap((d) => d.times.map((t) => t.value)).find((v) => !offered.has(v));
		expect(onlyLin).toBeDefined();
		await b.post({ step: 'time', start: onlyLin! });
		await b.post({ step: 'details', ...details, email: 'needling-newcomer@example.com' });
		const result = await b.post({ step: 'confirm', submission: '33333333-3333-4333-8333-333333333333' });
		expect(result.kind === 'render' && result.status).toBe(409);
		expect(await handle.db.selectFrom('appointment').select('id').where('providerId', '=', lin).execute()).toHaveLength(0);

		// At a time a dry-needling clinician has free, the consultation is booked with one of them.
		const fine = [...offered][0]!;
		await b.post({ step: 'time', start: fine });
		expect(redirectOf(await b.post({ step: 'confirm', submission: '44444444-4444-4444-8444-444444444444' }))).toBe('confirmed');
		const row = await handle.db
			.selectFrom('appointment as a')
			.innerJoin('patient as p', 'p.id', 'a.patientId')
			.innerJoin('service as s', 's.id', 'a.serviceId')
			.select(['a.providerId', 's.slug'])
			.where('p.email', '=', 'needling-newcomer@example.com')
			.executeTakeFirstOrThrow();
		expect(row.slug).toBe('initial-consultation');
		expect(provider.providers.map((p) => p.id)).toContain(row.providerId);
	});

	it('steers a brand-new patient from a follow-up visit to the initial consultation', async () => {
		const b = browser();
		expect(redirectOf(await b.post({ step: 'service', service: 'follow-up' }))).toBe('visit');
		await b.post({ step: 'visit', visit: 'returning' });
		await b.post({ step: 'provider', provider: alex });
		await b.post({ step: 'time', start: '2026-12-03T09:00:00-05:00' });
		await b.post({ step: 'details', ...details, email: 'never-been@example.com' });
		expect(redirectOf(await b.post({ step: 'confirm', submission: '55555555-5555-4555-8555-555555555555' }))).toBe('consultation');
		const steer = await b.get('consultation');
		expect(steer.kind === 'consultation' && steer.consultation?.slug).toBe('initial-consultation');
		expect(redirectOf(await b.post({ step: 'visit', visit: 'new' }))).toBe('provider');
		expect(b.state).toMatchObject({ service: 'initial-consultation', intended: 'follow-up' });
		expect(b.state.details?.email).toBe('never-been@example.com');

		// With the consultation booked, a follow-up after it goes through.
		await b.post({ step: 'provider', provider: alex });
		await b.post({ step: 'time', start: '2026-12-03T09:00:00-05:00' });
		expect(redirectOf(await b.post({ step: 'confirm', submission: '66666666-6666-4666-8666-666666666666' }))).toBe('confirmed');
		const later = browser();
		await later.post({ step: 'service', service: 'follow-up' });
		await later.post({ step: 'visit', visit: 'returning' });
		await later.post({ step: 'provider', provider: alex });
		await later.post({ step: 'time', start: '2026-12-10T09:00:00-05:00' });
		await later.post({ step: 'details', ...details, email: 'never-been@example.com' });
		expect(redirectOf(await later.post({ step: 'confirm', submission: '77777777-7777-4777-8777-777777777777' }))).toBe('confirmed');
	});

	it('refuses a date of birth in the future or before 1900 at the details step', async () => {
		const b = browser();
		const steps: Record<string, string>[] = [
			{ step: 'service', service: 'initial-consultation' },
			{ step: 'provider', provider: 'any' },
			{ step: 'time', start: '2026-12-03T09:00:00-05:00' }
		];
		for (const form of steps) await b.post(form);
		for (const [dateOfBirth, message] of [
			['2026-11-28', 'Date of birth cannot be in the future.'],
			['1899-12-31', 'Check the year of your date of birth.']
		] as const) {
			const result = await b.post({ step: 'details', ...details, dateOfBirth });
			if (result.kind !== 'render' || result.view.kind !== 'details') throw new Error(redirectOf(result));
			expect(result.status).toBe(400);
			expect(result.view.errors.dateOfBirth).toBe(message);
			expect(result.view.values.dateOfBirth).toBe(dateOfBirth);
		}
		expect(redirectOf(await b.post({ step: 'details', ...details, dateOfBirth: '2026-11-27' }))).toBe('review');
		// A review link with a bad date in the draft goes back to the details.
		const stale = await bookingPage(ctx, { ...b.state, details: { ...details, dateOfBirth: '2030-01-01' } }, 'review', ORIGIN);
		expect(stale.view.kind).toBe('details');
	});
});
