import { describe, expect, it } from 'vitest';
import { rateLimited } from './errors';
import { busy } from './db/write-transaction';
import { problemFrom } from './http';

describe('problem answers that say when to come back', () => {
	it('maps rate_limited to 429 problem+json with Retry-After in whole seconds', async () => {
		const response = problemFrom(rateLimited('Too many bookings.', 12.2));
		expect(response.status).toBe(429);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		expect(response.headers.get('retry-after')).toBe('13');
		expect(await response.json()).toMatchObject({ status: 429, title: 'Too many bookings.' });
	});

	it('maps a transaction that kept meeting deadlocks to 503 with Retry-After', () => {
		const response = problemFrom(busy());
		expect(response.status).toBe(503);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});
