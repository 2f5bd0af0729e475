import { describe, expect, it } from 'vitest';
import { at } from './test-fixtures';
import {
	addDays,
	assertTimeZone,
	daysBetween,
	isTimeZone,
	localDateOf,
	localDay,
	localDays,
	parseLocalDate,
	parseWallTime
} from './zoned-time';

const NY = 'America/New_York';
const HOUR = 3_600_000;

describe('parsing', () => {
	it('reads wall-clock times as minutes, 24:00 included', () => {
		expect(parseWallTime('00:00')).toBe(0);
		expect(parseWallTime('09:05')).toBe(545);
		expect(parseWallTime('23:59')).toBe(1439);
		expect(parseWallTime('24:00')).toBe(1440);
	});

	it.each(['9:00', '24:01', '25:00', '12:60', '12:00:00', ' 12:00', ''])('refuses the time %j', (text) => {
		expect(() => parseWallTime(text)).toThrow(RangeError);
	});

	it('reads real dates only', () => {
		expect(parseLocalDate('2028-02-29').toString()).toBe('2028-02-29');
		for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-6-1', '20260601', '2026-06-01T00:00']) {
			expect(() => parseLocalDate(bad), bad).toThrow(RangeError);
		}
	});

	it('accepts IANA zones and UTC, refuses offsets, abbreviations and unknown names', () => {
		for (const zone of ['America/New_York', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'UTC']) expect(isTimeZone(zone), zone).toBe(true);
		for (const zone of ['+05:30', '-04:00', 'EST', 'Mars/Base', '', 'America/New York']) expect(isTimeZone(zone), zone).toBe(false);
		expect(() => assertTimeZone('EST')).toThrow(RangeError);
	});
});

describe('calendar days', () => {
	it('adds and counts days across month, year and DST boundaries', () => {
		expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-06-08', 60)).toBe('2026-08-07');
		expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
		expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
	});

	it("gives an instant's date in the clinic zone, not the process's", () => {
		expect(localDateOf(at('2026-06-09T02:00:00Z'), NY)).toBe('2026-06-08');
		expect(localDateOf(at('2026-06-09T02:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-09');
		expect(localDateOf(at('2026-06-14T21:00:00Z'), 'Pacific/Auckland')).toBe('2026-06-15');
	});
});

describe('localDay', () => {
	it('an ordinary day is 24 h, uniform, and wall minute m is start + m minutes', () => {
		const day = localDay(NY, '2026-06-08');
		expect(day).toMatchObject({ date: '2026-06-08', weekday: 1, uniform: true, startMs: at('2026-06-08T04:00:00Z') });
		expect(day.endMs - day.startMs).toBe(24 * HOUR);
		expect(day.instantsAt(9 * 60)).toEqual([at('2026-06-08T13:00:00Z')]);
		expect(day.boundaryAt(1440)).toBe(day.endMs);
	});

	it('spring forward is 23 h; 02:xx has no instant; a boundary in the gap is the jump', () => {
		const day = localDay(NY, '2026-03-08');
		expect(day.uniform).toBe(false);
		expect(day.weekday).toBe(7);
		expect(day.endMs - day.startMs).toBe(23 * HOUR);
		expect(day.instantsAt(2 * 60)).toEqual([]);
		expect(day.instantsAt(2 * 60 + 59)).toEqual([]);
		expect(day.instantsAt(3 * 60)).toEqual([at('2026-03-08T07:00:00Z')]);
		expect(day.instantsAt(60 + 59)).toEqual([at('2026-03-08T06:59:00Z')]);
		expect(day.boundaryAt(2 * 60 + 30)).toBe(at('2026-03-08T07:00:00Z'));
		expect(day.boundaryAt(1440)).toBe(day.endMs);
	});

	it('fall back is 25 h; 01:xx has two instants, earlier first; a boundary there is the first', () => {
		const day = localDay(NY, '2026-11-01');
		expect(day.uniform).toBe(false);
		expect(day.endMs - day.startMs).toBe(25 * HOUR);
		expect(day.instantsAt(90)).toEqual([at('2026-11-01T05:30:00Z'), at('2026-11-01T06:30:00Z')]);
		expect(day.instantsAt(0)).toEqual([at('2026-11-01T04:00:00Z')]);
		expect(day.instantsAt(120)).toEqual([at('2026-11-01T07:00:00Z')]);
		expect(day.boundaryAt(90)).toBe(at('2026-11-01T05:30:00Z'));
	});

	it('the days either side of a change are uniform', () => {
		expect(localDays(NY, '2026-03-07', '2026-03-09').map((d) => d.uniform)).toEqual([true, false, true]);
		expect(localDays(NY, '2026-10-31', '2026-11-02').map((d) => d.uniform)).toEqual([true, false, true]);
	});

	it('a day whose midnight is skipped starts at 01:00 and is not treated as uniform', () => {
		const day = localDay('America/Santiago', '2026-09-06');
		expect(day.uniform).toBe(false);
		expect(day.startMs).toBe(at('2026-09-06T04:00:00Z'));
		expect(day.instantsAt(0)).toEqual([]);
		expect(day.boundaryAt(0)).toBe(day.startMs);
	});

	it('consecutive days share their boundary, and an empty range gives no days', () => {
		const days = localDays(NY, '2026-02-27', '2026-03-02');
		expect(days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
		for (let i = 1; i < days.length; i++) expect(days[i]!.startMs).toBe(days[i - 1]!.endMs);
		expect(localDays(NY, '2026-03-02', '2026-03-01')).toEqual([]);
	});

	it('refuses minutes outside the day', () => {
		const day = localDay(NY, '2026-06-08');
		expect(() => day.instantsAt(1441)).toThrow(RangeError);
		expect(() => localDay(NY, '2026-11-01').boundaryAt(-1)).toThrow(RangeError);
	});
});
