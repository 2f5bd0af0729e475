import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../shared/roles';
import { mfaRequiredFor } from './mfa-policy';
import { can, type Action } from './policy';

/** Any of these reaches patient data. */
const SENSITIVE: Action[] = ['patient:read', 'patient:merge', 'appointment:read', 'contact:read'];

describe('mfaRequiredFor', () => {
	it('requires a second factor of every role that sees patient data, the front desk included', () => {
		for (const role of STAFF_ROLES) {
			const actor = { kind: 'staff', role, staffId: 's', clinicId: 'c', name: 'n', email: 'e' } as const;
			if (SENSITIVE.some((action) => can(actor, action))) expect(mfaRequiredFor(role, true), role).toBe(true);
		}
		expect(mfaRequiredFor('front_desk', true)).toBe(true);
	});

	it('requires nothing when the clinic does not require MFA', () => {
		for (const role of STAFF_ROLES) expect(mfaRequiredFor(role, false)).toBe(false);
	});
});
