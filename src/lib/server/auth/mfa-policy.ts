import type { StaffRole } from '../../shared/roles';

/** Roles that reach clinical data or settings; they need a second factor when the clinic requires MFA. */
const MFA_ROLES: ReadonlySet<StaffRole> = new Set(['admin', 'clinician']);

export function mfaRequiredFor(role: StaffRole, requireMfa: boolean): boolean {
	return requireMfa && MFA_ROLES.has(role);
}

/** A session that has passed the password waits here for the second factor (or its set-up). */
export const PENDING_SESSION_MINUTES = 10;
