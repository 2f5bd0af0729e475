import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { noticeHost } from '../notifications/notice-host';

describe('job worker configuration', () => {
	it('runs a worker polling every 5 s unless told otherwise', () => {
		expect(loadConfig({}).jobs).toEqual({ worker: true, pollMs: 5000, leaseMs: 120_000 });
		expect(loadConfig({ JOB_WORKER: 'false', JOB_POLL_SECONDS: '0.5', JOB_LEASE_SECONDS: '10' }).jobs).toEqual({
			worker: false,
			pollMs: 500,
			leaseMs: 10_000
		});
	});

	it('names a bad poll interval', () => {
		for (const value of ['0', 'soon', '7200']) {
			expect(() => loadConfig({ JOB_POLL_SECONDS: value })).toThrow(ConfigError);
		}
		expect(() => loadConfig({ JOB_LEASE_SECONDS: '1' })).toThrow(/^Configuration error: JOB_LEASE_SECONDS must be at least 5/);
		expect(() => loadConfig({ JOB_POLL_SECONDS: 'soon' })).toThrow(/^Configuration error: JOB_POLL_SECONDS must be a number of seconds/);
	});

	it('takes the invite host from ORIGIN', () => {
		expect(noticeHost('https://clinic.example:8443')).toBe('clinic.example');
		expect(noticeHost(undefined)).toBe('localhost');
	});
});
