import { describe, expect, it } from 'vitest';
import { createInstantFormatter, formatInstant, parseInstant, rfc3339Instant } from './rfc3339';
import { at } from './test-fixtures';

const NY = 'America/New_York';

describe('formatInstant', () => {
	it.each([
		['2026-07-14T13:00:00Z', NY, '2026-07-14T09:00:00-04:00'],
		['2026-01-14T14:00:00Z', NY, '2026-01-14T09:00:00-05:00'],
		['2026-11-01T05:30:00Z', NY, '2026-11-01T01:30:00-04:00'],
		['2026-11-01T06:30:00Z', NY, '2026-11-01T01:30:00-05:00'],
		['2026-03-08T07:00:00Z', NY, '2026-03-08T03:00:00-04:00'],
		['2026-03-08T06:59:00Z', NY, '2026-03-08T01:59:00-05:00'],
		['2026-06-01T12:00:00Z', 'UTC', '2026-06-01T12:00:00+00:00'],
		['2026-06-01T12:00:00Z', 'Asia/Kolkata', '2026-06-01T17:30:00+05:30'],
		['2026-06-01T12:00:00Z', 'Asia/Kathmandu', '2026-06-01T17:45:00+05:45'],
		['2026-10-03T15:30:00Z', 'Australia/Lord_Howe', '2026-10-04T02:30:00+11:00'],
		['2026-06-14T21:00:00Z', 'Pacific/Auckland', '2026-06-15T09:00:00+12:00']
	])('%s in %s is %s', (instant, zone, expected) => {
		expect(formatInstant(at(instant), zone)).toBe(expected);
		expect(createInstantFormatter(zone)(at(instant))).toBe(expected);
	});

	it('drops sub-second parts rather than rounding into the next second', () => {
		expect(formatInstant(at('2026-06-01T12:00:59.999Z'), 'UTC')).toBe('2026-06-01T12:00:59+00:00');
		expect(createInstantFormatter('UTC')(at('2026-06-01T12:00:59.999Z'))).toBe('2026-06-01T12:00:59+00:00');
	});

	it('the fast formatter agrees with Temporal every 5 minutes across a year of transitions, in any order', () => {
		const zones = [NY, 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'];
		const step = 5 * 60_000;
		for (const zone of zones) {
			const instants: number[] = [];
			// Two days around each month boundary of 2026 catches every 2026 transition of these zones.
			for (let month = 0; month < 12; month++) {
				for (const day of [3, 4, 5, 6, 7, 8, 24, 25, 26, 27, 28, 29, 30]) {
					const base = Date.UTC(2026, month, day);
					for (let t = base; t < base + 86_400_000; t += step * 7) instants.push(t);
				}
			}
			const forward = createInstantFormatter(zone);
			const backward = createInstantFormatter(zone);
			const expected = instants.map((t) => formatInstant(t, zone));
			expect(instants.map(forward)).toEqual(expected);
			expect([...instants].reverse().map(backward)).toEqual([...expected].reverse());
		}
	});

	it('walks through the New York fall-back hour minute by minute without a repeat or a gap', () => {
		const format = createInstantFormatter(NY);
		const out: string[] = [];
		for (let t = at('2026-11-01T04:58:00Z'); t <= at('2026-11-01T06:02:00Z'); t += 60_000) out.push(format(t));
		expect(out[0]).toBe('2026-11-01T00:58:00-04:00');
		expect(out).toContain('2026-11-01T01:59:00-04:00');
		expect(out).toContain('2026-11-01T01:00:00-05:00');
		expect(out.at(-1)).toBe('2026-11-01T01:02:00-05:00');
		expect(new Set(out).size).toBe(out.length);
	});
});

describe('parseInstant', () => {
	it.each([
		['2026-11-01T01:30:00-04:00', '2026-11-01T05:30:00Z'],
		['2026-11-01T01:30:00-05:00', '2026-11-01T06:30:00Z'],
		['2026-06-01T17:30:00+05:30', '2026-06-01T12:00:00Z'],
		['2026-06-01T12:00:00Z', '2026-06-01T12:00:00Z'],
		['2026-06-01t12:00:00z', '2026-06-01T12:00:00Z'],
		['2026-06-01T12:00:00.250Z', '2026-06-01T12:00:00.250Z'],
		['2026-06-01T12:00:00-00:00', '2026-06-01T12:00:00Z']
	])('reads %s as %s', (text, instant) => {
		expect(parseInstant(text)).toBe(at(instant));
	});

	it.each([
		['no offset', '2026-06-01T12:00:00'],
		['a date only', '2026-06-01'],
		['no seconds', '2026-06-01T12:00-04:00'],
		['a space instead of T', '2026-06-01 12:00:00Z'],
		['an impossible day', '2026-02-30T12:00:00Z'],
		['February 29 in a common year', '2026-02-29T12:00:00Z'],
		['month 13', '2026-13-01T12:00:00Z'],
		['hour 24', '2026-06-01T24:00:00Z'],
		['a leap second', '2026-06-30T23:59:60Z'],
		['an offset of 24 hours', '2026-06-01T12:00:00+24:00'],
		['an offset without a colon', '2026-06-01T12:00:00+0530'],
		['a bracketed zone', '2026-06-01T12:00:00-04:00[America/New_York]'],
		['a zone name instead of an offset', '2026-06-01T12:00:00 EST'],
		['trailing text', '2026-06-01T12:00:00Z '],
		['an empty string', '']
	])('refuses %s', (_label, text) => {
		expect(parseInstant(text)).toBeNull();
	});

	it('round-trips what formatInstant writes, on both sides of a fall-back', () => {
		for (const instant of ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-03-08T07:00:00Z']) {
			expect(parseInstant(formatInstant(at(instant), NY))).toBe(at(instant));
		}
	});

	it('gives the same instant whatever the process time zone', () => {
		const original = process.env.TZ;
		try {
			const seen = ['UTC', 'Asia/Kolkata', 'America/New_York'].map((tz) => {
				process.env.TZ = tz;
				return [parseInstant('2026-11-01T01:30:00-05:00'), formatInstant(at('2026-11-01T06:30:00Z'), NY)];
			});
			expect(new Set(seen.map((pair) => JSON.stringify(pair))).size).toBe(1);
		} finally {
			if (original === undefined) delete process.env.TZ;
			else process.env.TZ = original;
		}
	});
});

describe('rfc3339Instant schema', () => {
	it('turns a valid string into epoch ms and explains a bad one', () => {
		expect(rfc3339Instant.parse('2026-11-01T01:30:00-05:00')).toBe(at('2026-11-01T06:30:00Z'));
		const bad = rfc3339Instant.safeParse('2026-11-01T01:30:00');
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]?.message).toMatch(/offset/);
		expect(rfc3339Instant.safeParse(1_700_000_000_000).success).toBe(false);
	});
});
