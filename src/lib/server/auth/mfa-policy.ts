import type { StaffRole } from '../../shared/roles';
import { rolesAllowed, type Action } from './policy';

/**
 * What a second factor protects: patient data, and the settings and records that reach it. A role
 * allowed any of these needs MFA when the clinic requires it; derived from the policy, so a role
 * that gains patient access gains the requirement with it (the front desk reads and merges patients).
 */
const PROTECTED_ACTIONS: readonly Action[] = [
	'patient:read',
	'patient:merge',
	'appointment:read',
	'contact:read',
	'staff:manage',
	'clinic:manage',
	'audit:read'
];

const MFA_ROLES: ReadonlySet<StaffRole> = new Set(PROTECTED_ACTIONS.flatMap(rolesAllowed));

export function mfaRequiredFor(role: StaffRole, requireMfa: boolean): boolean {
	return requireMfa && MFA_ROLES.has(role);
}

/** A session that has passed the password waits here for the second factor (or its set-up). */
export const PENDING_SESSION_MINUTES = 10;
