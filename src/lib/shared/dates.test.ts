import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLongDate } from './dates';

describe('dates in the clinic zone', () => {
	it('uses the clinic zone, not the machine zone: 02:00 UTC is still the previous day in Boston', () => {
		const instant = new Date('2026-11-28T02:00:00Z');
		expect(formatLongDate(instant, 'America/New_York')).toBe('November 27, 2026');
		expect(formatLongDate(instant, 'Asia/Kolkata')).toBe('November 28, 2026');
		expect(formatDateTime(instant, 'America/New_York')).toBe('Nov 27, 2026, 9:00 PM EST');
	});
});
