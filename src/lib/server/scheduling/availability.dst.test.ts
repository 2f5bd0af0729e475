/**
 * The DST cases of reference/scheduling.md §3.5, plus zones whose rules differ from New York's.
 * Transition instants (tz data 2025c): New York 2026-03-08T07:00Z and 2026-11-01T06:00Z;
 * London 2026-03-29T01:00Z; Sydney 2026-04-04T16:00Z (off) and 2026-10-03T16:00Z (on);
 * Lord Howe 2026-10-03T15:30Z (+10:30 → +11, a 30-minute jump) and 2026-04-04T15:00Z.
 */
import { describe, expect, it } from 'vitest';
import { computeAvailability } from './availability';
import { type Scenario, appointment, at, everyDay, hourly, run, starts, utcStarts } from './test-fixtures';

const NY = 'America/New_York';
const halfHourly = { ...hourly, durationMinutes: 30, slotIntervalMinutes: 30 };

function day(zone: string, date: string, start: string, end: string, extra: Partial<Scenario> = {}) {
	return run({ zone, fromDate: date, now: '2026-01-01T00:00:00Z', schedule: { weeklyHours: everyDay('p1', start, end) }, ...extra });
}

describe('America/New_York spring forward, 2026-03-08', () => {
	it('09:00–17:00 with 60-minute slots gives 8 slots, 13:00Z to 20:00Z', () => {
		const slots = day(NY, '2026-03-08', '09:00', '17:00');
		expect(slots).toHaveLength(8);
		expect(utcStarts(slots)[0]).toBe('2026-03-08T13:00:00Z');
		expect(utcStarts(slots).at(-1)).toBe('2026-03-08T20:00:00Z');
	});

	it('13:00–18:00 is 17:00Z…21:00Z, not shifted an hour (cal.com#30021)', () => {
		expect(utcStarts(day(NY, '2026-03-08', '13:00', '18:00'))).toEqual([
			'2026-03-08T17:00:00Z',
			'2026-03-08T18:00:00Z',
			'2026-03-08T19:00:00Z',
			'2026-03-08T20:00:00Z',
			'2026-03-08T21:00:00Z'
		]);
	});

	it('a range inside the missing hour 02:00–03:00 gives no slot at all, never "03:00"', () => {
		expect(day(NY, '2026-03-08', '02:00', '03:00')).toEqual([]);
		expect(day(NY, '2026-03-08', '02:00', '03:00', { service: { ...halfHourly, slotIntervalMinutes: 15, durationMinutes: 15 } })).toEqual([]);
	});

	it('a range across the gap offers only times that exist, and as many as its elapsed length', () => {
		const slots = day(NY, '2026-03-08', '01:00', '04:00', { service: halfHourly });
		// 01:00 EST → 04:00 EDT is two real hours: four 30-minute slots.
		expect(starts(slots, NY)).toEqual([
			'2026-03-08T01:00:00-05:00',
			'2026-03-08T01:30:00-05:00',
			'2026-03-08T03:00:00-04:00',
			'2026-03-08T03:30:00-04:00'
		]);
		expect(slots.every((slot) => slot.endMs - slot.startMs === 30 * 60_000)).toBe(true);
	});

	it('an hour-long slot may run across the jump: 01:30 EST ends at 03:30 EDT', () => {
		const slots = day(NY, '2026-03-08', '01:30', '04:00', { service: { ...hourly, slotIntervalMinutes: 30 } });
		expect(starts(slots, NY)).toEqual(['2026-03-08T01:30:00-05:00', '2026-03-08T03:00:00-04:00']);
		expect(utcStarts(slots)).toEqual(['2026-03-08T06:30:00Z', '2026-03-08T07:00:00Z']);
	});

	it('a range starting inside the gap starts at the jump, keeping its wall-clock grid', () => {
		expect(starts(day(NY, '2026-03-08', '02:30', '04:00', { service: halfHourly }), NY)).toEqual([
			'2026-03-08T03:00:00-04:00',
			'2026-03-08T03:30:00-04:00'
		]);
		// Grid anchored at 02:45 every 30 minutes: 03:15 and 03:45. 03:00–03:15 is open time with
		// no grid point, not a reason to move the grid.
		expect(
			starts(day(NY, '2026-03-08', '02:45', '04:00', { service: { ...halfHourly, durationMinutes: 15 } }), NY)
		).toEqual(['2026-03-08T03:15:00-04:00', '2026-03-08T03:45:00-04:00']);
	});

	it('a break written across the gap removes exactly the time that exists', () => {
		const slots = run({
			zone: NY,
			fromDate: '2026-03-08',
			now: '2026-01-01T00:00:00Z',
			schedule: { weeklyHours: everyDay('p1', '00:00', '05:00'), breaks: [{ providerId: 'p1', weekday: 7, start: '01:30', end: '03:30' }] },
			service: halfHourly
		});
		expect(starts(slots, NY)).toEqual([
			'2026-03-08T00:00:00-05:00',
			'2026-03-08T00:30:00-05:00',
			'2026-03-08T01:00:00-05:00',
			'2026-03-08T03:30:00-04:00',
			'2026-03-08T04:00:00-04:00',
			'2026-03-08T04:30:00-04:00'
		]);
	});
});

describe('America/New_York fall back, 2026-11-01', () => {
	it('00:00–04:00 is five real hours: both 01:00s are offered, distinct', () => {
		const slots = day(NY, '2026-11-01', '00:00', '04:00');
		expect(utcStarts(slots)).toEqual([
			'2026-11-01T04:00:00Z',
			'2026-11-01T05:00:00Z',
			'2026-11-01T06:00:00Z',
			'2026-11-01T07:00:00Z',
			'2026-11-01T08:00:00Z'
		]);
		expect(starts(slots, NY)).toEqual([
			'2026-11-01T00:00:00-04:00',
			'2026-11-01T01:00:00-04:00',
			'2026-11-01T01:00:00-05:00',
			'2026-11-01T02:00:00-05:00',
			'2026-11-01T03:00:00-05:00'
		]);
		expect(new Set(slots.map((slot) => slot.startMs)).size).toBe(slots.length);
	});

	it('every 01:xx grid time appears twice, with different instants and offsets, in instant order', () => {
		const slots = day(NY, '2026-11-01', '01:00', '02:00', { service: halfHourly });
		expect(starts(slots, NY)).toEqual([
			'2026-11-01T01:00:00-04:00',
			'2026-11-01T01:30:00-04:00',
			'2026-11-01T01:00:00-05:00',
			'2026-11-01T01:30:00-05:00'
		]);
		expect(utcStarts(slots)).toEqual([
			'2026-11-01T05:00:00Z',
			'2026-11-01T05:30:00Z',
			'2026-11-01T06:00:00Z',
			'2026-11-01T06:30:00Z'
		]);
	});

	it('a boundary in the repeated hour means its first occurrence (RFC 5545)', () => {
		// 00:00 → first 01:30 (05:30Z): 90 minutes, so the second 01:00 does not fit.
		expect(starts(day(NY, '2026-11-01', '00:00', '01:30', { service: halfHourly }), NY)).toEqual([
			'2026-11-01T00:00:00-04:00',
			'2026-11-01T00:30:00-04:00',
			'2026-11-01T01:00:00-04:00'
		]);
	});

	it('an appointment in the first 01:00 blocks only that one', () => {
		const slots = day(NY, '2026-11-01', '00:00', '04:00', {
			appointments: [appointment('p1', '2026-11-01T01:00:00-04:00', '2026-11-01T02:00:00-04:00')]
		});
		expect(starts(slots, NY)).toEqual([
			'2026-11-01T00:00:00-04:00',
			'2026-11-01T01:00:00-05:00',
			'2026-11-01T02:00:00-05:00',
			'2026-11-01T03:00:00-05:00'
		]);
	});
});

describe('ordinary days either side of a transition are unchanged', () => {
	const nineToFive = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00'];
	const wallTimes = (slots: ReturnType<typeof day>) => starts(slots, NY).map((s) => s.slice(11, 16));

	it.each([
		['2026-03-07', '-05:00'],
		['2026-03-09', '-04:00'],
		['2026-10-31', '-04:00'],
		['2026-11-02', '-05:00'],
		['2026-02-14', '-05:00'],
		['2026-07-14', '-04:00']
	])('%s gives 09:00…16:00 at %s', (date, offset) => {
		const slots = day(NY, date, '09:00', '17:00');
		expect(wallTimes(slots)).toEqual(nineToFive);
		expect(starts(slots, NY).every((s) => s.startsWith(date) && s.endsWith(offset))).toBe(true);
	});

	it('a week spanning the spring change keeps 09:00 local on every day (cal.com#6217, #10517)', () => {
		const slots = run({
			zone: NY,
			fromDate: '2026-03-05',
			toDate: '2026-03-11',
			now: '2026-01-01T00:00:00Z',
			schedule: { weeklyHours: everyDay('p1', '09:00', '10:00') }
		});
		expect(starts(slots, NY)).toEqual([
			'2026-03-05T09:00:00-05:00',
			'2026-03-06T09:00:00-05:00',
			'2026-03-07T09:00:00-05:00',
			'2026-03-08T09:00:00-04:00',
			'2026-03-09T09:00:00-04:00',
			'2026-03-10T09:00:00-04:00',
			'2026-03-11T09:00:00-04:00'
		]);
	});
});

describe('minimum notice landing on a transition day (cal.com#12137)', () => {
	it('fall back: 18:00 EDT + 12 h is 05:00 EST, not 06:00', () => {
		const slots = run({
			zone: NY,
			fromDate: '2026-11-01',
			now: '2026-10-31T18:00:00-04:00',
			schedule: { weeklyHours: everyDay('p1', '00:00', '08:00') },
			service: { ...hourly, minNoticeMinutes: 720 }
		});
		expect(starts(slots, NY)[0]).toBe('2026-11-01T05:00:00-05:00');
	});

	it('spring forward: 20:00 EST + 12 h is 09:00 EDT, not 08:00', () => {
		const slots = run({
			zone: NY,
			fromDate: '2026-03-08',
			now: '2026-03-07T20:00:00-05:00',
			schedule: { weeklyHours: everyDay('p1', '07:00', '12:00') },
			service: { ...hourly, minNoticeMinutes: 720 }
		});
		expect(starts(slots, NY)[0]).toBe('2026-03-08T09:00:00-04:00');
	});
});

describe('other zones', () => {
	it('Europe/London spring forward (01:00 → 02:00, 2026-03-29) skips 01:xx', () => {
		expect(starts(day('Europe/London', '2026-03-29', '00:00', '03:00', { service: halfHourly }), 'Europe/London')).toEqual([
			'2026-03-29T00:00:00+00:00',
			'2026-03-29T00:30:00+00:00',
			'2026-03-29T02:00:00+01:00',
			'2026-03-29T02:30:00+01:00'
		]);
	});

	it('Europe/London fall back (2026-10-25) repeats 01:xx', () => {
		expect(starts(day('Europe/London', '2026-10-25', '00:00', '03:00'), 'Europe/London')).toEqual([
			'2026-10-25T00:00:00+01:00',
			'2026-10-25T01:00:00+01:00',
			'2026-10-25T01:00:00+00:00',
			'2026-10-25T02:00:00+00:00'
		]);
	});

	it('Australia/Sydney falls back in April: 02:xx twice on 2026-04-05', () => {
		const slots = day('Australia/Sydney', '2026-04-05', '01:00', '04:00');
		expect(starts(slots, 'Australia/Sydney')).toEqual([
			'2026-04-05T01:00:00+11:00',
			'2026-04-05T02:00:00+11:00',
			'2026-04-05T02:00:00+10:00',
			'2026-04-05T03:00:00+10:00'
		]);
		expect(utcStarts(slots)[2]).toBe('2026-04-04T16:00:00Z');
	});

	it('Australia/Sydney springs forward in October: no 02:xx on 2026-10-04', () => {
		expect(starts(day('Australia/Sydney', '2026-10-04', '01:00', '04:00'), 'Australia/Sydney')).toEqual([
			'2026-10-04T01:00:00+10:00',
			'2026-10-04T03:00:00+11:00'
		]);
	});

	it('Australia/Lord_Howe: a 30-minute jump (02:00 → 02:30) on 2026-10-04', () => {
		const slots = day('Australia/Lord_Howe', '2026-10-04', '01:00', '04:00', { service: halfHourly });
		// Three wall hours minus the 30 skipped minutes: five 30-minute slots.
		expect(starts(slots, 'Australia/Lord_Howe')).toEqual([
			'2026-10-04T01:00:00+10:30',
			'2026-10-04T01:30:00+10:30',
			'2026-10-04T02:30:00+11:00',
			'2026-10-04T03:00:00+11:00',
			'2026-10-04T03:30:00+11:00'
		]);
		expect(utcStarts(slots)[2]).toBe('2026-10-03T15:30:00Z');
	});

	it('Australia/Lord_Howe: 01:30–01:59 repeated on 2026-04-05', () => {
		expect(starts(day('Australia/Lord_Howe', '2026-04-05', '01:00', '03:00', { service: halfHourly }), 'Australia/Lord_Howe')).toEqual([
			'2026-04-05T01:00:00+11:00',
			'2026-04-05T01:30:00+11:00',
			'2026-04-05T01:30:00+10:30',
			'2026-04-05T02:00:00+10:30',
			'2026-04-05T02:30:00+10:30'
		]);
	});

	it('Asia/Kolkata (+05:30) keeps a wall-clock grid on the half hour of UTC', () => {
		const slots = day('Asia/Kolkata', '2026-03-08', '09:00', '10:30', { service: halfHourly });
		expect(starts(slots, 'Asia/Kolkata')).toEqual([
			'2026-03-08T09:00:00+05:30',
			'2026-03-08T09:30:00+05:30',
			'2026-03-08T10:00:00+05:30'
		]);
		expect(utcStarts(slots)[0]).toBe('2026-03-08T03:30:00Z');
	});

	it('Asia/Kathmandu (+05:45) too', () => {
		const slots = day('Asia/Kathmandu', '2026-06-01', '09:00', '10:00', { service: { ...halfHourly, slotIntervalMinutes: 15, durationMinutes: 15 } });
		expect(utcStarts(slots)).toEqual([
			'2026-06-01T03:15:00Z',
			'2026-06-01T03:30:00Z',
			'2026-06-01T03:45:00Z',
			'2026-06-01T04:00:00Z'
		]);
	});

	it('America/Santiago, where midnight itself is skipped (2026-09-06), still starts the day right', () => {
		// Chile moves 00:00 → 01:00, so the first instant of the day is 01:00 -03:00.
		const slots = day('America/Santiago', '2026-09-06', '00:00', '03:00');
		expect(starts(slots, 'America/Santiago')).toEqual(['2026-09-06T01:00:00-03:00', '2026-09-06T02:00:00-03:00']);
	});
});

describe('cross-zone booker (provider in Berlin, patient in New York)', () => {
	const berlin = (date: string) =>
		run({ zone: 'Europe/Berlin', fromDate: date, now: '2026-01-01T00:00:00Z', schedule: { weeklyHours: everyDay('p1', '09:00', '10:00') } });

	it('the offset difference is 5 h between 2026-03-08 and 2026-03-29, 6 h outside', () => {
		expect(starts(berlin('2026-03-02'), NY)).toEqual(['2026-03-02T03:00:00-05:00']);
		expect(starts(berlin('2026-03-16'), NY)).toEqual(['2026-03-16T04:00:00-04:00']);
		expect(starts(berlin('2026-03-30'), NY)).toEqual(['2026-03-30T03:00:00-04:00']);
		expect(starts(berlin('2026-03-16'), 'Europe/Berlin')).toEqual(['2026-03-16T09:00:00+01:00']);
	});
});

describe('date line: the day is the clinic zone’s day', () => {
	it('Pacific/Auckland 2026-06-15 09:00 is 2026-06-14T21:00Z and belongs to the 15th', () => {
		const base = { zone: 'Pacific/Auckland', now: '2026-01-01T00:00:00Z', schedule: { weeklyHours: everyDay('p1', '09:00', '10:00') } };
		expect(utcStarts(run({ ...base, fromDate: '2026-06-15' }))).toEqual(['2026-06-14T21:00:00Z']);
		expect(utcStarts(run({ ...base, fromDate: '2026-06-14' }))).toEqual(['2026-06-13T21:00:00Z']);
	});
});

describe('process time zone independence', () => {
	it('gives the same slots whatever process.env.TZ says while it runs', () => {
		const input = {
			schedule: { weeklyHours: everyDay('p1', '00:00', '24:00') },
			service: { ...hourly, slotIntervalMinutes: 30 },
			appointments: [],
			query: { zone: NY, fromDate: '2026-10-31', toDate: '2026-11-02', nowMs: at('2026-10-01T00:00:00Z'), providers: ['p1'] }
		};
		const original = process.env.TZ;
		try {
			const results = ['UTC', 'Asia/Kolkata', 'Pacific/Chatham', 'America/New_York'].map((tz) => {
				process.env.TZ = tz;
				return computeAvailability(input);
			});
			// 24 + 25 + 24 hours of 30-minute steps, minus the last start of each day that would overrun.
			expect(results[0]).toHaveLength(48 + 50 + 48 - 3);
			for (const result of results) expect(result).toEqual(results[0]);
		} finally {
			if (original === undefined) delete process.env.TZ;
			else process.env.TZ = original;
		}
	});
});
