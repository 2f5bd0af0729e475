import { describe, expect, it } from 'vitest';
import {
	DEFAULT_HORIZON_DAYS,
	DEFAULT_MIN_NOTICE_MINUTES,
	clinicClosureSchema,
	dateOverrideSchema,
	resolveServiceRules,
	weeklyHoursSchema
} from './schedule';

describe('schemas for schedule rows', () => {
	it('accepts weekly hours up to 24:00 and refuses backwards or malformed ranges', () => {
		const row = { providerId: 'p1', locationId: 'main', weekday: 1, start: '09:00', end: '24:00' };
		expect(weeklyHoursSchema.safeParse(row).success).toBe(true);
		expect(weeklyHoursSchema.safeParse({ ...row, start: '17:00', end: '09:00' }).success).toBe(false);
		expect(weeklyHoursSchema.safeParse({ ...row, start: '9:00' }).success).toBe(false);
		expect(weeklyHoursSchema.safeParse({ ...row, weekday: 0 }).success).toBe(false);
	});

	it('time off is whole-day without times, partial with both, invalid with one', () => {
		const base = { kind: 'time_off', providerId: 'p1', date: '2026-06-08' };
		expect(dateOverrideSchema.safeParse(base).success).toBe(true);
		expect(dateOverrideSchema.safeParse({ ...base, start: '12:00', end: '13:00' }).success).toBe(true);
		expect(dateOverrideSchema.safeParse({ ...base, start: '12:00' }).success).toBe(false);
		expect(dateOverrideSchema.safeParse({ ...base, date: '2026-02-30' }).success).toBe(false);
	});

	it('extra hours need a location and both times', () => {
		const extra = { kind: 'extra_hours', providerId: 'p1', locationId: 'main', date: '2026-06-13', start: '10:00', end: '12:00' };
		expect(dateOverrideSchema.safeParse(extra).success).toBe(true);
		const { locationId: _l, ...noLocation } = extra;
		expect(dateOverrideSchema.safeParse(noLocation).success).toBe(false);
		const { end: _e, ...noEnd } = extra;
		expect(dateOverrideSchema.safeParse(noEnd).success).toBe(false);
	});

	it('closures may name a location and may be partial', () => {
		expect(clinicClosureSchema.safeParse({ date: '2026-12-25' }).success).toBe(true);
		expect(clinicClosureSchema.safeParse({ date: '2026-12-24', start: '13:00', end: '24:00', locationId: 'main' }).success).toBe(true);
		expect(clinicClosureSchema.safeParse({ date: '2026-12-24', end: '13:00' }).success).toBe(false);
	});
});

describe('resolveServiceRules', () => {
	it('fills in 12 h notice, a 60-day horizon and a 15-minute grid', () => {
		expect(resolveServiceRules({ durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10 })).toEqual({
			durationMinutes: 30,
			bufferBeforeMinutes: 0,
			bufferAfterMinutes: 10,
			slotIntervalMinutes: 15,
			minNoticeMinutes: 720,
			horizonDays: 60
		});
		expect(DEFAULT_MIN_NOTICE_MINUTES).toBe(720);
		expect(DEFAULT_HORIZON_DAYS).toBe(60);
	});

	it('keeps explicit zeros and refuses fractions and negatives', () => {
		expect(resolveServiceRules({ durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 0 })).toMatchObject({
			minNoticeMinutes: 0,
			horizonDays: 0
		});
		expect(() => resolveServiceRules({ durationMinutes: 30.5, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })).toThrow(RangeError);
		expect(() => resolveServiceRules({ durationMinutes: 30, bufferBeforeMinutes: -5, bufferAfterMinutes: 0 })).toThrow(RangeError);
	});
});
