import { describe, expect, it } from 'vitest';
import { zonedTimes } from './format-time';

describe('zonedTimes', () => {
	it('writes the clinic’s wall time and zone abbreviation, on both sides of DST', () => {
		expect(zonedTimes(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T15:30:00Z'), 'America/New_York')).toEqual({
			date: 'Tuesday, December 1, 2026',
			time: '10:00 AM – 10:30 AM EST',
			short: 'Tue, Dec 1, 10:00 AM EST'
		});
		// 2026-03-08 is the spring-forward day in New York: 1 PM is already EDT (17:00Z).
		expect(zonedTimes(new Date('2026-03-08T17:00:00Z'), new Date('2026-03-08T18:00:00Z'), 'America/New_York').time).toBe(
			'1:00 PM – 2:00 PM EDT'
		);
		// Fall back: 01:30 happens twice; the two instants read differently.
		expect(zonedTimes(new Date('2026-11-01T05:30:00Z'), new Date('2026-11-01T06:30:00Z'), 'America/New_York').time).toBe(
			'1:30 AM EDT – 1:30 AM EST'
		);
	});

	it('uses the zone it is given, not the machine’s', () => {
		const t = zonedTimes(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T15:30:00Z'), 'Asia/Kolkata');
		expect(t.time).toBe('8:30 PM – 9:00 PM GMT+5:30');
		expect(t.date).toBe('Tuesday, December 1, 2026');
	});
});
