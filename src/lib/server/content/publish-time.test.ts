import { describe, expect, it } from 'vitest';
import { instantToWallClock, wallClockToInstant } from './publish-time';

describe('publish time in the clinic zone', () => {
	it('round-trips wall-clock times in Boston, in winter and summer', () => {
		expect(wallClockToInstant('2026-12-01T09:00', 'America/New_York')?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
		expect(wallClockToInstant('2026-07-01T09:00', 'America/New_York')?.toISOString()).toBe('2026-07-01T13:00:00.000Z');
		expect(instantToWallClock(new Date('2026-12-01T14:00:00Z'), 'America/New_York')).toBe('2026-12-01T09:00');
	});

	it('moves a time skipped by the spring-forward change to after the gap', () => {
		expect(wallClockToInstant('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
	});

	it('refuses text that is not a date and time', () => {
		for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-12-01', '2026-12-01T25:00', '<script>']) {
			expect(wallClockToInstant(bad, 'America/New_York')).toBeUndefined();
		}
	});
});
