/**
 * The slot engine on ordinary days (DST is in availability.dst.test.ts). Clinic zone New York;
 * 2026-06-08 is a Monday, EDT (−04:00), far from any transition.
 */
import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, computeAvailability } from './availability';
import type { BusyAppointment, Schedule, ServiceRules, WeeklyHours } from './schedule';
import { type Scenario, appointment, at, everyDay, run, starts } from './test-fixtures';

const NY = 'America/New_York';
const MON = '2026-06-08';
const TUE = '2026-06-09';
const EARLY = '2026-06-01T00:00:00Z';

/** 30-minute service on a 15-minute grid, no buffers or notice. */
const thirty: ServiceRules = {
	durationMinutes: 30,
	bufferBeforeMinutes: 0,
	bufferAfterMinutes: 0,
	slotIntervalMinutes: 15,
	minNoticeMinutes: 0,
	horizonDays: 1000
};

function hours(providerId: string, weekday: number, start: string, end: string, locationId = 'main'): WeeklyHours {
	return { providerId, locationId, weekday, start, end };
}

function weekdays(providerId: string, start: string, end: string, locationId = 'main'): WeeklyHours[] {
	return [1, 2, 3, 4, 5].map((weekday) => hours(providerId, weekday, start, end, locationId));
}

function monday(schedule: Schedule, extra: Partial<Scenario> = {}) {
	return run({ zone: NY, fromDate: MON, now: EARLY, schedule, service: thirty, ...extra });
}

/** 'HH:MM' of each slot start in New York; enough for single-day tests. */
function wall(slots: ReturnType<typeof run>): string[] {
	return starts(slots, NY).map((s) => s.slice(11, 16));
}

function grid(from: string, to: string, stepMinutes: number): string[] {
	const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	const out: string[] = [];
	for (let m = toMinutes(from); m <= toMinutes(to); m += stepMinutes) {
		out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
	}
	return out;
}

const ny = (date: string, time: string) => `${date}T${time}:00-04:00`;

describe('grid', () => {
	it('steps by the slot interval from the range start while the whole slot fits', () => {
		const slots = monday({ weeklyHours: [hours('p1', 1, '09:00', '12:00')] });
		expect(wall(slots)).toEqual(grid('09:00', '11:30', 15));
		expect(slots[0]).toEqual({ startMs: at(ny(MON, '09:00')), endMs: at(ny(MON, '09:30')), providerId: 'p1', locationId: 'main' });
	});

	it('is anchored at the range start, not at the hour', () => {
		expect(wall(monday({ weeklyHours: [hours('p1', 1, '09:10', '10:00')] }))).toEqual(['09:10', '09:25']);
	});

	it('uses a 15-minute interval when the service has none', () => {
		const { slotIntervalMinutes: _omit, ...noInterval } = thirty;
		expect(wall(monday({ weeklyHours: [hours('p1', 1, '09:00', '10:00')] }, { service: noInterval }))).toEqual(['09:00', '09:15', '09:30']);
	});

	it('an interval longer than the service leaves gaps; a range shorter than the service gives nothing', () => {
		expect(wall(monday({ weeklyHours: [hours('p1', 1, '09:00', '11:00')] }, { service: { ...thirty, slotIntervalMinutes: 45 } }))).toEqual([
			'09:00',
			'09:45',
			'10:30'
		]);
		expect(monday({ weeklyHours: [hours('p1', 1, '09:00', '09:20')] })).toEqual([]);
	});

	it('several ranges a day each keep their own grid', () => {
		const slots = monday(
			{ weeklyHours: [hours('p1', 1, '14:10', '15:10'), hours('p1', 1, '09:00', '10:00')] },
			{ service: { ...thirty, slotIntervalMinutes: 30 } }
		);
		expect(wall(slots)).toEqual(['09:00', '09:30', '14:10', '14:40']);
	});

	it('touching or overlapping ranges are one range: a slot may straddle 12:00, and nothing is doubled', () => {
		const service = { ...thirty, durationMinutes: 60, slotIntervalMinutes: 30 };
		const touching = monday({ weeklyHours: [hours('p1', 1, '09:00', '12:00'), hours('p1', 1, '12:00', '14:00')] }, { service });
		expect(wall(touching)).toEqual(grid('09:00', '13:00', 30));
		const overlapping = monday({ weeklyHours: [hours('p1', 1, '09:00', '12:00'), hours('p1', 1, '11:00', '13:00')] }, { service });
		expect(wall(overlapping)).toEqual(grid('09:00', '12:00', 30));
	});

	it('a range may end at 24:00', () => {
		expect(wall(monday({ weeklyHours: [hours('p1', 1, '23:00', '24:00')] }))).toEqual(['23:00', '23:15', '23:30']);
	});
});

describe('buffers', () => {
	const schedule = { weeklyHours: [hours('p1', 1, '09:00', '12:00')] };

	it("the candidate's padded span and the appointment's padded span may not meet (asymmetric on both sides)", () => {
		// Appointment 10:00–10:45 with 5 min before and 15 after blocks 09:55–11:00. The service
		// needs 10 min before and 5 after: [t−10, t+35) must avoid it and stay inside 09:00–12:00.
		const slots = monday(schedule, {
			service: { ...thirty, bufferBeforeMinutes: 10, bufferAfterMinutes: 5 },
			appointments: [appointment('p1', ny(MON, '10:00'), ny(MON, '10:45'), 5, 15)]
		});
		expect(wall(slots)).toEqual(['09:15', '11:15']);
	});

	it("the appointment's own buffers block on their own", () => {
		const slots = monday(schedule, { appointments: [appointment('p1', ny(MON, '10:00'), ny(MON, '10:45'), 5, 15)] });
		expect(wall(slots)).toEqual(['09:00', '09:15', '11:00', '11:15', '11:30']);
	});

	it("the new service's buffer before only looks back, its buffer after only forward", () => {
		const busy = [appointment('p1', ny(MON, '10:00'), ny(MON, '10:30'))];
		expect(wall(monday(schedule, { service: { ...thirty, bufferBeforeMinutes: 15 }, appointments: busy }))).toEqual([
			'09:15',
			'09:30',
			'10:45',
			'11:00',
			'11:15',
			'11:30'
		]);
		expect(wall(monday(schedule, { service: { ...thirty, bufferAfterMinutes: 15 }, appointments: busy }))).toEqual([
			'09:00',
			'09:15',
			'10:30',
			'10:45',
			'11:00',
			'11:15'
		]);
	});

	it('buffers must stay inside working hours and out of breaks', () => {
		const slots = monday(
			{ weeklyHours: [hours('p1', 1, '09:00', '13:00')], breaks: [{ providerId: 'p1', weekday: 1, start: '11:00', end: '12:00' }] },
			{ service: { ...thirty, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 } }
		);
		// [t−10, t+40) must sit in 09:00–11:00 or in 12:00–13:00.
		expect(wall(slots)).toEqual(['09:15', '09:30', '09:45', '10:00', '10:15', '12:15']);
	});

	it('back to back is allowed: intervals are half-open', () => {
		const slots = monday(schedule, {
			service: { ...thirty, slotIntervalMinutes: 30 },
			appointments: [appointment('p1', ny(MON, '10:00'), ny(MON, '10:30'))]
		});
		expect(wall(slots)).toEqual(['09:00', '09:30', '10:30', '11:00', '11:30']);
	});
});

describe('overlap with appointments of different lengths', () => {
	const schedule = { weeklyHours: [hours('p1', 1, '09:00', '12:00')] };
	const halfHourBooked = [appointment('p1', ny(MON, '10:00'), ny(MON, '10:30'))];

	it('a 30-minute service fits either side of a 30-minute appointment', () => {
		expect(wall(monday(schedule, { appointments: halfHourBooked }))).toEqual([
			'09:00',
			'09:15',
			'09:30',
			'10:30',
			'10:45',
			'11:00',
			'11:15',
			'11:30'
		]);
	});

	it('a 45-minute service needs 45 free minutes: 09:30 would run into 10:00', () => {
		expect(wall(monday(schedule, { service: { ...thirty, durationMinutes: 45 }, appointments: halfHourBooked }))).toEqual([
			'09:00',
			'09:15',
			'10:30',
			'10:45',
			'11:00',
			'11:15'
		]);
	});

	it('an existing 45-minute appointment blocks every 30-minute slot it partly overlaps', () => {
		const slots = monday(schedule, { appointments: [appointment('p1', ny(MON, '09:30'), ny(MON, '10:15'))] });
		expect(wall(slots)).toEqual(['09:00', ...grid('10:15', '11:30', 15)]);
	});

	it('overlapping and multi-day appointments block their union', () => {
		const slots = run({
			zone: NY,
			fromDate: MON,
			toDate: '2026-06-10',
			now: EARLY,
			schedule: { weeklyHours: weekdays('p1', '09:00', '12:00') },
			service: thirty,
			appointments: [
				appointment('p1', ny(MON, '09:00'), ny(MON, '10:00')),
				appointment('p1', ny(MON, '09:30'), ny(MON, '11:00')),
				// A course away from Monday 11:30 to Tuesday noon.
				appointment('p1', ny(MON, '11:30'), ny(TUE, '12:00'))
			]
		});
		expect(starts(slots, NY)).toEqual([
			ny(MON, '11:00'),
			...grid('09:00', '11:30', 15).map((t) => ny('2026-06-10', t))
		]);
	});

	it("only the provider's own appointments count, and providers not asked for are ignored", () => {
		const slots = run({
			zone: NY,
			fromDate: MON,
			now: EARLY,
			schedule: { weeklyHours: [hours('p1', 1, '09:00', '10:00'), hours('p2', 1, '09:00', '10:00')] },
			service: { ...thirty, slotIntervalMinutes: 30 },
			providers: ['p1'],
			appointments: [appointment('p2', ny(MON, '09:00'), ny(MON, '10:00'))]
		});
		expect(slots.map((s) => `${s.providerId} ${wall([s])[0]}`)).toEqual(['p1 09:00', 'p1 09:30']);
	});

	it('cancelled appointments are simply not passed in, and their time is offered again', () => {
		const booked = appointment('p1', ny(MON, '10:00'), ny(MON, '10:30'));
		const withIt = monday(schedule, { appointments: [booked] });
		const cancelled = monday(schedule, { appointments: [] });
		expect(wall(withIt)).not.toContain('10:00');
		expect(wall(cancelled)).toContain('10:00');
	});
});

describe('breaks, time off, extra hours, closures', () => {
	const nineToFive = { weeklyHours: weekdays('p1', '09:00', '17:00') };
	const halfHour = { ...thirty, slotIntervalMinutes: 30 };

	it('a recurring break removes its time on its weekday only', () => {
		const schedule = { ...nineToFive, breaks: [{ providerId: 'p1', weekday: 1, start: '12:00', end: '13:00' }] };
		const slots = run({ zone: NY, fromDate: MON, toDate: TUE, now: EARLY, schedule, service: halfHour });
		const mon = wall(slots.filter((s) => s.startMs < at(ny(TUE, '00:00'))));
		const tue = wall(slots.filter((s) => s.startMs >= at(ny(TUE, '00:00'))));
		expect(mon).toEqual([...grid('09:00', '11:30', 30), ...grid('13:00', '16:30', 30)]);
		expect(tue).toEqual(grid('09:00', '16:30', 30));
	});

	it('a break modelled as a gap between two ranges works the same', () => {
		const schedule = { weeklyHours: [hours('p1', 1, '09:00', '12:00'), hours('p1', 1, '13:00', '17:00')] };
		expect(wall(monday(schedule, { service: halfHour }))).toEqual([...grid('09:00', '11:30', 30), ...grid('13:00', '16:30', 30)]);
	});

	it('whole-day time off removes that date only', () => {
		const schedule = { ...nineToFive, overrides: [{ kind: 'time_off' as const, providerId: 'p1', date: TUE }] };
		const slots = run({ zone: NY, fromDate: MON, toDate: '2026-06-10', now: EARLY, schedule, service: halfHour });
		const dates = new Set(starts(slots, NY).map((s) => s.slice(0, 10)));
		expect([...dates]).toEqual([MON, '2026-06-10']);
	});

	it('partial time off removes just its hours', () => {
		const schedule = { ...nineToFive, overrides: [{ kind: 'time_off' as const, providerId: 'p1', date: MON, start: '14:00', end: '15:15' }] };
		expect(wall(monday(schedule, { service: halfHour }))).toEqual([...grid('09:00', '13:30', 30), ...grid('15:30', '16:30', 30)]);
	});

	it('time off for another provider changes nothing', () => {
		const schedule = { ...nineToFive, overrides: [{ kind: 'time_off' as const, providerId: 'p2', date: MON }] };
		expect(monday(schedule, { service: halfHour })).toHaveLength(16);
	});

	it('extra hours open a day without weekly hours, and join weekly hours they touch', () => {
		const saturday = '2026-06-13';
		const schedule: Schedule = {
			weeklyHours: weekdays('p1', '09:00', '12:00'),
			overrides: [
				{ kind: 'extra_hours', providerId: 'p1', locationId: 'main', date: saturday, start: '10:00', end: '11:00' },
				{ kind: 'extra_hours', providerId: 'p1', locationId: 'main', date: MON, start: '12:00', end: '13:00' }
			]
		};
		const service = { ...thirty, durationMinutes: 60, slotIntervalMinutes: 30 };
		expect(wall(run({ zone: NY, fromDate: saturday, now: EARLY, schedule, service }))).toEqual(['10:00']);
		expect(wall(monday(schedule, { service }))).toEqual(grid('09:00', '12:00', 30));
	});

	it('time off beats extra hours on the same date', () => {
		const schedule: Schedule = {
			weeklyHours: [],
			overrides: [
				{ kind: 'extra_hours', providerId: 'p1', locationId: 'main', date: MON, start: '10:00', end: '12:00' },
				{ kind: 'time_off', providerId: 'p1', date: MON }
			]
		};
		expect(monday(schedule)).toEqual([]);
	});

	it('a clinic closure applies to every provider, whole day or partly', () => {
		const base = { weeklyHours: [...weekdays('p1', '09:00', '12:00'), ...weekdays('p2', '09:00', '12:00')] };
		const providers = ['p1', 'p2'];
		expect(monday({ ...base, closures: [{ date: MON }] }, { providers })).toEqual([]);
		const partly = monday({ ...base, closures: [{ date: MON, start: '10:00', end: '11:00' }] }, { providers, service: halfHour });
		expect(wall(partly)).toEqual(['09:00', '09:00', '09:30', '09:30', '11:00', '11:00', '11:30', '11:30']);
		const otherDay = monday({ ...base, closures: [{ date: TUE }] }, { providers, service: halfHour });
		expect(otherDay).toHaveLength(12);
	});

	it('a closure of one location leaves the other open', () => {
		const schedule: Schedule = {
			weeklyHours: [hours('p1', 1, '09:00', '10:00', 'back-bay'), hours('p2', 1, '09:00', '10:00', 'cambridge')],
			closures: [{ date: MON, locationId: 'back-bay' }]
		};
		const slots = monday(schedule, { providers: ['p1', 'p2'], service: halfHour });
		expect(slots.map((s) => `${s.providerId}@${s.locationId}`)).toEqual(['p2@cambridge', 'p2@cambridge']);
	});
});

describe('locations', () => {
	const schedule: Schedule = {
		weeklyHours: [hours('p1', 1, '09:00', '10:00', 'back-bay'), hours('p1', 2, '09:00', '10:00', 'cambridge')]
	};

	it('each slot names the location of its range, and a location filter keeps only that one', () => {
		const all = run({ zone: NY, fromDate: MON, toDate: TUE, now: EARLY, schedule, service: { ...thirty, slotIntervalMinutes: 30 } });
		expect(all.map((s) => s.locationId)).toEqual(['back-bay', 'back-bay', 'cambridge', 'cambridge']);
		const cambridge = run({
			zone: NY,
			fromDate: MON,
			toDate: TUE,
			now: EARLY,
			schedule,
			service: { ...thirty, slotIntervalMinutes: 30 },
			locationId: 'cambridge'
		});
		expect(starts(cambridge, NY)).toEqual([ny(TUE, '09:00'), ny(TUE, '09:30')]);
	});

	it('an appointment at one location blocks the provider everywhere', () => {
		const twoPlaces: Schedule = {
			weeklyHours: [hours('p1', 1, '09:00', '10:00', 'back-bay'), hours('p1', 1, '10:00', '11:00', 'cambridge')]
		};
		const slots = monday(twoPlaces, {
			service: { ...thirty, slotIntervalMinutes: 30 },
			appointments: [appointment('p1', ny(MON, '09:30'), ny(MON, '10:30'))]
		});
		expect(slots.map((s) => `${wall([s])[0]} ${s.locationId}`)).toEqual(['09:00 back-bay', '10:30 cambridge']);
	});

	it('touching ranges at different locations are not joined (no slot spans two sites)', () => {
		const twoPlaces: Schedule = {
			weeklyHours: [hours('p1', 1, '09:00', '10:00', 'back-bay'), hours('p1', 1, '10:00', '11:00', 'cambridge')]
		};
		expect(wall(monday(twoPlaces, { service: { ...thirty, durationMinutes: 60, slotIntervalMinutes: 30 } }))).toEqual(['09:00', '10:00']);
	});
});

describe('minimum notice and horizon', () => {
	const schedule = { weeklyHours: weekdays('p1', '09:00', '17:00') };
	const { minNoticeMinutes: _n, horizonDays: _h, ...noDefaults } = thirty;

	it('defaults to 12 hours of notice', () => {
		const slots = run({ zone: NY, fromDate: MON, toDate: TUE, now: ny(MON, '08:00'), schedule, service: noDefaults });
		expect(starts(slots, NY)[0]).toBe(ny(TUE, '09:00'));
		const later = run({ zone: NY, fromDate: TUE, now: ny(MON, '21:10'), schedule, service: noDefaults });
		expect(starts(later, NY)[0]).toBe(ny(TUE, '09:15'));
	});

	it('a slot exactly at now + notice is offered, one a minute earlier is not', () => {
		const service = { ...thirty, minNoticeMinutes: 60 };
		expect(starts(monday(schedule, { now: ny(MON, '09:00'), service }), NY)[0]).toBe(ny(MON, '10:00'));
		expect(starts(monday(schedule, { now: ny(MON, '09:01'), service }), NY)[0]).toBe(ny(MON, '10:15'));
	});

	it('past days and past times are never offered', () => {
		const slots = run({ zone: NY, fromDate: '2026-06-01', toDate: TUE, now: ny(MON, '12:05'), schedule, service: thirty });
		expect(starts(slots, NY)[0]).toBe(ny(MON, '12:15'));
	});

	it('the horizon counts clinic-zone days from today, the last one included', () => {
		const slots = run({ zone: NY, fromDate: MON, toDate: '2026-06-20', now: ny(MON, '10:00'), schedule, service: { ...thirty, horizonDays: 3 } });
		expect(starts(slots, NY).at(-1)).toBe(ny('2026-06-11', '16:30'));
		const todayOnly = run({ zone: NY, fromDate: MON, toDate: TUE, now: ny(MON, '10:00'), schedule, service: { ...thirty, horizonDays: 0 } });
		expect(new Set(starts(todayOnly, NY).map((s) => s.slice(0, 10)))).toEqual(new Set([MON]));
	});

	it('defaults to 60 days: from Monday 2026-06-08 the last bookable day is 2026-08-07', () => {
		const slots = run({ zone: NY, fromDate: '2026-08-01', toDate: '2026-08-14', now: ny(MON, '10:00'), schedule, service: noDefaults });
		expect(starts(slots, NY).at(-1)?.slice(0, 10)).toBe('2026-08-07');
		expect(run({ zone: NY, fromDate: '2026-08-08', toDate: '2026-08-14', now: ny(MON, '10:00'), schedule, service: noDefaults })).toEqual([]);
	});

	it('"today" is the clinic’s date, not UTC’s: 22:00 in New York is already tomorrow in UTC', () => {
		// now = Monday 22:00 EDT = Tuesday 02:00Z. Counting from the UTC date would open Wednesday too.
		const slots = run({ zone: NY, fromDate: MON, toDate: '2026-06-12', now: ny(MON, '22:00'), schedule, service: { ...thirty, horizonDays: 1 } });
		expect([...new Set(starts(slots, NY).map((s) => s.slice(0, 10)))]).toEqual([TUE]);
	});
});

describe('date range', () => {
	const schedule = { weeklyHours: everyDay('p1', '09:00', '10:00') };
	const hourly = { ...thirty, durationMinutes: 60, slotIntervalMinutes: 60 };

	it('from and to are both included', () => {
		const slots = run({ zone: NY, fromDate: TUE, toDate: '2026-06-11', now: EARLY, schedule, service: hourly });
		expect(starts(slots, NY)).toEqual([ny(TUE, '09:00'), ny('2026-06-10', '09:00'), ny('2026-06-11', '09:00')]);
	});

	it('an evening slot belongs to its clinic date even though it is the next day in UTC', () => {
		const evening = { weeklyHours: everyDay('p1', '20:00', '24:00') };
		const slots = run({ zone: NY, fromDate: MON, now: EARLY, schedule: evening, service: hourly });
		expect(starts(slots, NY)).toEqual([ny(MON, '20:00'), ny(MON, '21:00'), ny(MON, '22:00'), ny(MON, '23:00')]);
		expect(new Date(slots[0]!.startMs).toISOString()).toBe('2026-06-09T00:00:00.000Z');
		expect(slots.at(-1)!.endMs).toBe(at(ny(TUE, '00:00')));
	});

	it('accepts 62 days and refuses 63, or an end before the start', () => {
		const query = (toDate: string) => ({ zone: NY, fromDate: '2026-06-01', toDate, now: EARLY, schedule, service: hourly });
		expect(run(query('2026-08-01'))).toHaveLength(62);
		expect(() => run(query('2026-08-02'))).toThrow(RangeError);
		expect(() => run(query('2026-05-31'))).toThrow(RangeError);
	});
});

describe('several providers', () => {
	it('sorts by start, then provider id (code-unit order), whatever order the inputs come in', () => {
		const schedule: Schedule = {
			weeklyHours: [hours('bob', 1, '09:30', '11:00'), hours('Zed', 1, '09:00', '10:00'), hours('alice', 1, '09:00', '10:30')]
		};
		const slots = monday(schedule, { providers: ['bob', 'alice', 'Zed'], service: { ...thirty, slotIntervalMinutes: 30 } });
		expect(slots.map((s) => `${wall([s])[0]} ${s.providerId}`)).toEqual([
			'09:00 Zed',
			'09:00 alice',
			'09:30 Zed',
			'09:30 alice',
			'09:30 bob',
			'10:00 alice',
			'10:00 bob',
			'10:30 bob'
		]);
	});

	it('a provider asked for twice is computed once; a provider with no hours gives nothing', () => {
		const schedule = { weeklyHours: [hours('p1', 1, '09:00', '10:00')] };
		expect(monday(schedule, { providers: ['p1', 'p1', 'ghost'], service: { ...thirty, slotIntervalMinutes: 30 } })).toHaveLength(2);
		expect(monday(schedule, { providers: [] })).toEqual([]);
	});
});

describe('bad input fails loudly', () => {
	const base: AvailabilityInput = {
		schedule: { weeklyHours: [hours('p1', 1, '09:00', '10:00')] },
		service: thirty,
		appointments: [],
		query: { zone: NY, fromDate: MON, toDate: MON, nowMs: at(EARLY), providers: ['p1'] }
	};

	it.each([
		['a fixed-offset zone', { ...base, query: { ...base.query, zone: '-05:00' } }],
		['an abbreviation', { ...base, query: { ...base.query, zone: 'EST' } }],
		['an unknown zone', { ...base, query: { ...base.query, zone: 'Mars/Olympus_Mons' } }],
		['an impossible date', { ...base, query: { ...base.query, toDate: '2026-02-30' } }],
		['a non-integer now', { ...base, query: { ...base.query, nowMs: 1.5 } }],
		['a sloppy time', { ...base, schedule: { weeklyHours: [hours('p1', 1, '9:00', '10:00')] } }],
		['a range ending before it starts', { ...base, schedule: { weeklyHours: [hours('p1', 1, '10:00', '09:00')] } }],
		['weekday 8', { ...base, schedule: { weeklyHours: [hours('p1', 8, '09:00', '10:00')] } }],
		['a zero-length service', { ...base, service: { ...thirty, durationMinutes: 0 } }],
		['a zero slot interval', { ...base, service: { ...thirty, slotIntervalMinutes: 0 } }],
		['negative notice', { ...base, service: { ...thirty, minNoticeMinutes: -1 } }],
		[
			'an appointment with no end',
			{ ...base, appointments: [{ providerId: 'p1', startMs: at(EARLY), endMs: Number.NaN, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 }] }
		],
		[
			'time off with only a start',
			{ ...base, schedule: { ...base.schedule, overrides: [{ kind: 'time_off' as const, providerId: 'p1', date: MON, start: '09:00' }] } }
		]
	])('refuses %s', (_label, input) => {
		expect(() => computeAvailability(input)).toThrow(RangeError);
	});
});

/** mulberry32: a tiny seeded PRNG, so the randomised check is the same on every run. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('against a brute-force check', () => {
	it('offers exactly the grid points whose padded span avoids every appointment (random, seeded)', () => {
		const random = prng(20260608);
		const service = { ...thirty, durationMinutes: 45, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 };
		const providers = ['p1', 'p2', 'p3'];
		const schedule = { weeklyHours: providers.flatMap((p) => weekdays(p, '08:00', '18:00')) };
		const appointments: BusyAppointment[] = [];
		for (let i = 0; i < 300; i++) {
			const day = 8 + Math.floor(random() * 12);
			const startMinute = 7 * 60 + Math.floor(random() * 12 * 12) * 5;
			const startMs = at(`2026-06-${String(day).padStart(2, '0')}T00:00:00-04:00`) + startMinute * 60_000;
			appointments.push({
				providerId: providers[Math.floor(random() * providers.length)]!,
				startMs,
				endMs: startMs + (15 + Math.floor(random() * 4) * 15) * 60_000,
				bufferBeforeMinutes: Math.floor(random() * 3) * 5,
				bufferAfterMinutes: Math.floor(random() * 3) * 5
			});
		}
		const slots = run({ zone: NY, fromDate: MON, toDate: '2026-06-19', now: EARLY, schedule, service, appointments, providers });

		const expected: string[] = [];
		for (let day = 8; day <= 19; day++) {
			const date = `2026-06-${String(day).padStart(2, '0')}`;
			const weekday = ((day - 8) % 7) + 1;
			if (weekday > 5) continue;
			const open = at(`${date}T08:00:00-04:00`);
			const close = at(`${date}T18:00:00-04:00`);
			for (const providerId of providers) {
				for (let t = open; t < close; t += 15 * 60_000) {
					const padStart = t - 5 * 60_000;
					const padEnd = t + 55 * 60_000;
					if (padStart < open || padEnd > close) continue;
					const clash = appointments.some(
						(a) =>
							a.providerId === providerId &&
							a.startMs - a.bufferBeforeMinutes * 60_000 < padEnd &&
							padStart < a.endMs + a.bufferAfterMinutes * 60_000
					);
					if (!clash) expected.push(`${t} ${providerId}`);
				}
			}
		}
		expected.sort((a, b) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]) || (a < b ? -1 : 1));
		expect(slots.map((s) => `${s.startMs} ${s.providerId}`)).toEqual(expected);
		expect(slots.length).toBeGreaterThan(100);
		expect(slots.length).toBeLessThan(providers.length * 10 * 37);
	});
});
