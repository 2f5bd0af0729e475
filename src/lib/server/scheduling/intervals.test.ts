import { describe, expect, it } from 'vitest';
import { containing, firstEndingAfter, mergeIntervals, overlapsAny, subtractIntervals, unionOfIntervals } from './intervals';

const i = (start: number, end: number) => ({ start, end });

describe('mergeIntervals', () => {
	it('sorts, joins overlapping and touching intervals, drops empty ones, leaves the input alone', () => {
		const input = [i(50, 60), i(10, 20), i(15, 30), i(30, 35), i(40, 40), i(45, 44)];
		expect(mergeIntervals(input)).toEqual([i(10, 35), i(50, 60)]);
		expect(input[0]).toEqual(i(50, 60));
	});

	it('keeps a contained interval from shrinking the one around it', () => {
		expect(mergeIntervals([i(0, 100), i(10, 20)])).toEqual([i(0, 100)]);
	});
});

describe('overlapsAny (half-open)', () => {
	const busy = mergeIntervals([i(10, 20), i(30, 40), i(60, 70)]);

	it.each([
		[0, 10, false],
		[20, 30, false],
		[40, 60, false],
		[70, 90, false],
		[19, 21, true],
		[5, 11, true],
		[25, 65, true],
		[12, 13, true],
		[0, 100, true],
		[15, 15, false]
	])('[%i, %i) → %s', (start, end, expected) => {
		expect(overlapsAny(busy, start, end)).toBe(expected);
	});

	it('handles an empty list', () => {
		expect(overlapsAny([], 0, 10)).toBe(false);
		expect(firstEndingAfter([], 5)).toBe(0);
	});
});

describe('subtractIntervals', () => {
	it('cuts holes and trims ends', () => {
		expect(subtractIntervals(i(0, 100), [i(40, 50), i(-10, 10), i(90, 120)])).toEqual([i(10, 40), i(50, 90)]);
	});

	it('returns the source when nothing touches it and nothing when all is cut', () => {
		expect(subtractIntervals(i(0, 10), [i(10, 20), i(-5, 0)])).toEqual([i(0, 10)]);
		expect(subtractIntervals(i(0, 10), [i(0, 5), i(5, 10)])).toEqual([]);
	});
});

describe('containing', () => {
	const pieces = [i(0, 10), i(20, 30)];

	it('finds the piece that wholly holds an interval, edges included', () => {
		expect(containing(pieces, 0, 10)).toEqual(i(0, 10));
		expect(containing(pieces, 20, 25)).toEqual(i(20, 30));
		expect(containing(pieces, 5, 25)).toBeUndefined();
		expect(containing(pieces, 10, 12)).toBeUndefined();
		expect(containing(pieces, 25, 31)).toBeUndefined();
	});
});

describe('unionOfIntervals', () => {
	const union = (list: { start: number; end: number }[]) =>
		unionOfIntervals(Float64Array.from(list.map((x) => x.start)), Float64Array.from(list.map((x) => x.end)));

	it('matches mergeIntervals, nested, touching and duplicate intervals included', () => {
		const list = [i(50, 60), i(10, 20), i(15, 30), i(30, 35), i(0, 100), i(200, 210), i(205, 206), i(200, 210), i(300, 301)];
		expect(union(list)).toEqual(mergeIntervals(list));
		expect(union([])).toEqual([]);
	});

	it('agrees with mergeIntervals on random lists', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let round = 0; round < 50; round++) {
			const list = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
				const start = Math.floor(next() * 500);
				return i(start, start + 1 + Math.floor(next() * 40));
			});
			expect(union(list)).toEqual(mergeIntervals(list));
		}
	});
});
