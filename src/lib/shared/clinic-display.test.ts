import { describe, expect, it } from 'vitest';
import { clockLabel, telHref, weeklyHoursSummary } from './clinic-display';

describe('clinic display helpers', () => {
	it('makes tel: links from formatted numbers', () => {
		expect(telHref('(617) 555-0142')).toBe('tel:6175550142');
		expect(telHref('+1 617-555-0142')).toBe('tel:+16175550142');
	});

	it('labels clock times in 12-hour form', () => {
		expect(['00:00', '07:30', '12:00', '19:05'].map(clockLabel)).toEqual(['12:00 am', '7:30 am', '12:00 pm', '7:05 pm']);
	});

	it('summarises the week, Monday first, with split days and closed days', () => {
		const lines = weeklyHoursSummary([
			{ weekday: 1, opens: '13:00', closes: '18:00' },
			{ weekday: 1, opens: '08:00', closes: '12:00' },
			{ weekday: 6, opens: '08:00', closes: '12:00' }
		]);
		expect(lines[0]).toEqual({ day: 'Monday', hours: '8:00 am – 12:00 pm, 1:00 pm – 6:00 pm' });
		expect(lines[1]).toEqual({ day: 'Tuesday', hours: 'Closed' });
		expect(lines[5]).toEqual({ day: 'Saturday', hours: '8:00 am – 12:00 pm' });
		expect(lines).toHaveLength(7);
	});
});
