import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { availabilityCache } from './availability-cache';
import { staffActor } from '../testing/test-context';
import { getService, updateService } from '../clinic/clinic-service.service';
import { serviceFormValues } from '../forms/service-form';
import { getAvailability, getAvailabilityJson } from './availability.service';

/** TEST_NOW is Friday 2026-11-27 10:00 in Boston. */
describeEachEngine('availability from the database', (handle) => {
	let alex = '';
	let lin = '';
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		availabilityCache.clear();
		const staff = await handle.db.selectFrom('staff').select(['id', 'email']).execute();
		alex = staff.find((s) => s.email.startsWith('alex'))!.id;
		lin = staff.find((s) => s.email.startsWith('lin'))!.id;
	});
	const query = (over: Record<string, string> = {}) => ({ service: 'dry-needling', from: '2026-11-30', to: '2026-12-06', ...over });

	it('offers the seeded hours of qualified providers only, lunch and Sunday excluded, in the clinic zone', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const { timeZone, slots } = await getAvailability(ctx, query({ provider: alex }));
		expect(timeZone).toBe('America/New_York');
		expect(slots[0]).toEqual({ start: '2026-11-30T08:00:00-05:00', end: '2026-11-30T08:30:00-05:00', providerId: alex, locationId: expect.any(String) });
		const monday = slots.filter((s) => s.start.startsWith('2026-11-30')).map((s) => s.start.slice(11, 16));
		expect(monday).not.toContain('11:30'); // 11:30 + 30 min + 10 min buffer runs into lunch at 12:00
		expect(monday).toContain('11:15');
		expect(monday).not.toContain('12:30');
		expect(monday).toContain('13:00');
		expect(monday.at(-1)).toBe('16:15');
		expect(slots.some((s) => s.start.startsWith('2026-12-06'))).toBe(false);
		const all = await getAvailability(ctx, query());
		expect(new Set(all.slots.map((s) => s.providerId))).not.toContain(lin);
		expect((await domainError(getAvailability(ctx, query({ provider: lin })))).fieldErrors).toHaveProperty('provider');
	});

	it('reuses an answer until a booking moves the booking version, then recomputes', async () => {
		const ctx = testCtx(handle.db, anonymous);
		const first = await getAvailabilityJson(ctx, query({ service: 'initial-consultation', provider: alex }));
		expect(await getAvailabilityJson(ctx, query({ service: 'initial-consultation', provider: alex }))).toBe(first);
		expect(first).toContain('"2026-12-01T09:00:00-05:00"');
		await bookOnline(ctx, { service: 'initial-consultation', providerId: alex, start: '2026-12-01T09:00:00-05:00', patient: { firstName: 'A', lastName: 'B', email: 'ab@example.com', phone: '(617) 555-0100', dateOfBirth: '1990-01-01' } }, { source: 'api' });
		const after = await getAvailabilityJson(ctx, query({ service: 'initial-consultation', provider: alex }));
		expect(after).not.toContain('"2026-12-01T09:00:00-05:00"');
	});

	it('does not reuse an answer once its earliest slot is inside the minimum notice', async () => {
		// 19:59:50 in Boston: 08:00 tomorrow is 12 h 10 s away, so it is offered for 10 more seconds.
		const clock = fixedClock(new Date('2026-11-28T00:59:50Z'));
		const ctx = testCtx(handle.db, anonymous, clock);
		const q = query({ service: 'follow-up', from: '2026-11-28', to: '2026-11-28', provider: alex });
		const early = await getAvailabilityJson(ctx, q);
		expect(early).toContain('"2026-11-28T08:00:00-05:00"');
		clock.advance(5_000);
		expect(await getAvailabilityJson(ctx, q)).toBe(early);
		clock.advance(10_000); // inside the 30 s reuse limit, but past the notice of the 08:00 slot
		const later = await getAvailabilityJson(ctx, q);
		expect(later).not.toContain('"2026-11-28T08:00:00-05:00"');
		expect(later).toContain('"2026-11-28T08:15:00-05:00"');
	});

	it('follows the booking rules an admin sets on the service form', async () => {
		const admin = testCtx(handle.db, await staffActor(handle.db, 'admin'));
		const id = (await handle.db.selectFrom('service').select('id').where('slug', '=', 'dry-needling').executeTakeFirstOrThrow()).id;
		const values = serviceFormValues(await getService(admin, id));
		expect(values).toMatchObject({ slotIntervalMinutes: 15, minNoticeHours: 12, horizonDays: 60, newPatientsNeedConsultation: true });
		await updateService(admin, id, { ...values, price: '95', credentials: ['DC', 'DPT', 'PT'], bookableOnline: 'on', active: 'on', requiresDryNeedlingCertification: 'on', newPatientsNeedConsultation: 'on', slotIntervalMinutes: '30', minNoticeHours: '0', horizonDays: '7' });
		const saved = await getService(admin, id);
		expect(saved).toMatchObject({ slotIntervalMinutes: 30, minNoticeMinutes: 0, horizonDays: 7, newPatientsNeedConsultation: true });
		const ctx = testCtx(handle.db, anonymous);
		const { slots } = await getAvailability(ctx, query({ provider: alex, from: '2026-11-27', to: '2026-12-31' }));
		expect(slots[0]!.start).toBe('2026-11-27T10:00:00-05:00'); // now, with no notice
		expect(new Set(slots.map((s) => s.start.slice(14, 16)))).toEqual(new Set(['00', '30']));
		expect(slots.at(-1)!.start.slice(0, 10) <= '2026-12-04').toBe(true);
		const bad = await domainError(updateService(admin, id, { ...values, price: '95', credentials: ['DPT'], slotIntervalMinutes: '1' }));
		expect(bad.fieldErrors).toHaveProperty('slotIntervalMinutes');
	});
});
