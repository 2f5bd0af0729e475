import { describe, expect, it } from 'vitest';
import { availabilityParams, toAvailabilityResponse } from './availability-api';
import { at, everyDay, run } from './test-fixtures';

describe('availabilityParams', () => {
	const ok = { service: 'dry-needling-30-min', from: '2026-06-01', to: '2026-08-01' };

	it('accepts a slug, an inclusive span of up to 62 days and an optional provider', () => {
		expect(availabilityParams.parse(ok)).toEqual(ok);
		expect(availabilityParams.parse({ ...ok, provider: 'abc' }).provider).toBe('abc');
		expect(availabilityParams.safeParse({ ...ok, from: '2026-06-01', to: '2026-06-01' }).success).toBe(true);
	});

	it.each([
		['63 days', { ...ok, to: '2026-08-02' }],
		['an end before the start', { ...ok, to: '2026-05-31' }],
		['an impossible date', { ...ok, from: '2026-02-30' }],
		['a date-time', { ...ok, from: '2026-06-01T00:00:00Z' }],
		['an upper-case slug', { ...ok, service: 'Dry-Needling' }],
		['a missing service', { from: ok.from, to: ok.to }],
		['an empty provider', { ...ok, provider: '' }]
	])('refuses %s', (_label, params) => {
		expect(availabilityParams.safeParse(params).success).toBe(false);
	});
});

describe('toAvailabilityResponse', () => {
	it('writes each time with the offset in force then, keeping the engine order', () => {
		const slots = run({
			zone: 'America/New_York',
			fromDate: '2026-11-01',
			now: '2026-10-01T00:00:00Z',
			schedule: { weeklyHours: [...everyDay('p2', '01:00', '02:00'), ...everyDay('p1', '01:00', '02:00')] },
			providers: ['p2', 'p1'],
			service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, slotIntervalMinutes: 30, minNoticeMinutes: 0 }
		});
		const body = toAvailabilityResponse(slots, 'America/New_York');
		expect(body.timeZone).toBe('America/New_York');
		expect(body.slots.map((s) => `${s.start} ${s.end} ${s.providerId}`)).toEqual([
			'2026-11-01T01:00:00-04:00 2026-11-01T01:30:00-04:00 p1',
			'2026-11-01T01:00:00-04:00 2026-11-01T01:30:00-04:00 p2',
			'2026-11-01T01:30:00-04:00 2026-11-01T01:00:00-05:00 p1',
			'2026-11-01T01:30:00-04:00 2026-11-01T01:00:00-05:00 p2',
			'2026-11-01T01:00:00-05:00 2026-11-01T01:30:00-05:00 p1',
			'2026-11-01T01:00:00-05:00 2026-11-01T01:30:00-05:00 p2',
			'2026-11-01T01:30:00-05:00 2026-11-01T02:00:00-05:00 p1',
			'2026-11-01T01:30:00-05:00 2026-11-01T02:00:00-05:00 p2'
		]);
		expect(body.slots[0]).toEqual({ start: '2026-11-01T01:00:00-04:00', end: '2026-11-01T01:30:00-04:00', providerId: 'p1', locationId: 'main' });
		expect(at(body.slots[4]!.start)).toBe(at('2026-11-01T06:00:00Z'));
	});
});
