import { describe, expect, it } from 'vitest';
import { formatInstant } from './time-display';

describe('formatInstant', () => {
	it('shows the clinic’s wall-clock time whatever the machine’s zone', () => {
		expect(formatInstant('2026-11-27T15:00:00Z', 'America/New_York')).toBe('Fri, Nov 27, 2026, 10:00 AM EST');
		expect(formatInstant('2026-07-01T15:00:00Z', 'America/New_York')).toBe('Wed, Jul 1, 2026, 11:00 AM EDT');
	});
});
