import { describe, expect, it } from 'vitest';
import { backoffMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS, errorLabel, PermanentJobError } from './job';

describe('backoffMs', () => {
	it('doubles from 30 s with the jitter inside the upper half, up to an hour', () => {
		const low = () => 0;
		const high = () => 1;
		expect([1, 2, 3, 4].map((a) => backoffMs(a, low))).toEqual([15_000, 30_000, 60_000, 120_000]);
		expect([1, 2, 3, 4].map((a) => backoffMs(a, high))).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(backoffMs(20, high)).toBe(BACKOFF_CAP_MS);
		expect(backoffMs(20, low)).toBe(BACKOFF_CAP_MS / 2);
		expect(backoffMs(1000, high)).toBe(BACKOFF_CAP_MS);
	});

	it('spreads retries of jobs that failed together', () => {
		const delays = new Set(Array.from({ length: 50 }, () => backoffMs(3)));
		expect(delays.size).toBeGreaterThan(40);
		for (const d of delays) {
			expect(d).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS);
			expect(d).toBeLessThanOrEqual(4 * BACKOFF_BASE_MS);
		}
	});
});

describe('errorLabel', () => {
	it('keeps the class and a code, never the message', () => {
		const smtp = Object.assign(new Error('550 5.1.1 <jane.doe@example.com>: Recipient address rejected'), { code: 'EENVELOPE' });
		expect(errorLabel(smtp)).toBe('Error:EENVELOPE');
		expect(errorLabel(new PermanentJobError('missing'))).toBe('PermanentJobError:missing');
		expect(errorLabel(Object.assign(new TypeError('x'), { code: 'jane doe@x' }))).toBe('TypeError');
		expect(errorLabel('a string')).toBe('unknown');
	});
});
