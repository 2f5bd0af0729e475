import { describe, expect, it } from 'vitest';
import { openingStatus, openingStatusText } from './opening-status';

const HOURS = [
	...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:30', closes: '19:00' })),
	{ weekday: 6, opens: '08:00', closes: '12:00' }
];
const ZONE = 'America/New_York';

describe('openingStatus', () => {
	it('is open on a weekday afternoon in Boston, whatever the server zone', () => {
		// 2026-11-27 is a Friday; 15:00 UTC is 10:00 in Boston (EST).
		const status = openingStatus(HOURS, ZONE, new Date('2026-11-27T15:00:00Z'));
		expect(status).toEqual({ open: true, closes: '7:00 pm' });
		expect(openingStatusText(status)).toBe('Open now · closes at 7:00 pm');
	});

	it('is closed before opening, and says it opens later today', () => {
		// 12:00 UTC = 07:00 EST.
		expect(openingStatus(HOURS, ZONE, new Date('2026-11-27T12:00:00Z'))).toEqual({ open: false, next: { when: 'today', opens: '7:30 am' } });
	});

	it('is closed at the closing minute and late in the evening (already the next UTC day)', () => {
		// 2026-11-28T00:00Z is Friday 19:00 in Boston.
		expect(openingStatus(HOURS, ZONE, new Date('2026-11-28T00:00:00Z'))).toEqual({ open: false, next: { when: 'tomorrow', opens: '8:00 am' } });
	});

	it('names the weekday when the next opening is further away', () => {
		// Saturday 13:00 EST → Monday.
		expect(openingStatus(HOURS, ZONE, new Date('2026-11-28T18:00:00Z'))).toEqual({ open: false, next: { when: 'Monday', opens: '7:30 am' } });
	});

	it('follows daylight saving time: 11:30 UTC is 7:30 EDT in summer but 6:30 EST in winter', () => {
		expect(openingStatus(HOURS, ZONE, new Date('2026-07-01T11:30:00Z')).open).toBe(true);
		expect(openingStatus(HOURS, ZONE, new Date('2026-12-02T11:30:00Z')).open).toBe(false);
	});

	it('says closed without a next opening when there are no hours', () => {
		expect(openingStatusText(openingStatus([], ZONE, new Date('2026-11-27T15:00:00Z')))).toBe('Closed');
	});
});
