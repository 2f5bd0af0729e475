import { describe, expect, it } from 'vitest';
import { emptyCounts, firstDayOfWeeks, sumCounts, weekStartOf, weeklyTotals } from './screening-stats';

describe('weekStartOf', () => {
	it.each([
		['2026-11-30', '2026-11-30'], // Monday
		['2026-12-06', '2026-11-30'], // Sunday
		['2026-11-28', '2026-11-23'], // Saturday
		['2027-01-01', '2026-12-28'], // across a year end
		['2026-03-08', '2026-03-02'] // US clocks change that day; calendar maths does not care
	])('%s → %s', (date, monday) => {
		expect(weekStartOf(date)).toBe(monday);
	});
});

describe('weeklyTotals', () => {
	const today = '2026-11-28';

	it('lists every week newest first, including empty ones', () => {
		const weeks = weeklyTotals([], today, 3);
		expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-23', '2026-11-16', '2026-11-09']);
		expect(weeks.every((w) => w.total === 0 && sumCounts(w.byOutcome) === 0)).toBe(true);
		expect(firstDayOfWeeks(today, 3)).toBe('2026-11-09');
	});

	it('adds days into their week by outcome and ignores days outside the range', () => {
		const weeks = weeklyTotals(
			[
				{ day: '2026-11-01', recommendation: 'either', count: 50 },
				{ day: '2026-11-09', recommendation: 'dry_needling', count: 2 },
				{ day: '2026-11-15', recommendation: 'dry_needling', count: 3 },
				{ day: '2026-11-15', recommendation: 'physician_first', count: 1 },
				{ day: '2026-11-23', recommendation: 'acupuncture', count: 4 },
				{ day: '2026-11-28', recommendation: 'acupuncture', count: 1 }
			],
			today,
			3
		);
		expect(weeks.map((w) => w.total)).toEqual([5, 0, 6]);
		expect(weeks[0]!.byOutcome).toEqual({ ...emptyCounts(), acupuncture: 5 });
		expect(weeks[2]!.byOutcome).toEqual({ ...emptyCounts(), dry_needling: 5, physician_first: 1 });
	});
});
