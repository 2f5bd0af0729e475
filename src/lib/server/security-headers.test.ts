import { describe, expect, it } from 'vitest';
import { setSecurityHeaders } from './security-headers';

describe('setSecurityHeaders', () => {
	it('sends HSTS only over https and no-store only on staff pages', () => {
		const publicHttp = new Headers();
		setSecurityHeaders(publicHttp, false, false);
		expect(publicHttp.get('strict-transport-security')).toBeNull();
		expect(publicHttp.get('cache-control')).toBeNull();
		expect(publicHttp.get('x-content-type-options')).toBe('nosniff');

		const staffHttps = new Headers();
		setSecurityHeaders(staffHttps, true, true);
		expect(staffHttps.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		expect(staffHttps.get('cache-control')).toBe('no-store');
		expect(staffHttps.get('x-frame-options')).toBe('DENY');
	});
});
