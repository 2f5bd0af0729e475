import type { Actor } from './actor';
import { forbidden } from '../errors';
import type { StaffRole } from '../../shared/roles';

/**
 * Every action the application authorizes. A new capability adds its action here and its roles
 * below; anything not listed is denied.
 */
export type Action =
	| 'staff_area:enter'
	| 'clinic:read'
	| 'clinic:manage'
	| 'location:manage'
	| 'service:manage'
	| 'staff:read'
	| 'staff:manage'
	| 'audit:read'
	| 'screening_stats:read'
	| 'article:write'
	| 'article:publish'
	| 'image:upload'
	| 'comment:moderate'
	| 'comment:configure'
	| 'contact:read'
	| 'outbox:read'
	| 'calendar_feed:own'
	| 'calendar_feed:manage'
	| 'appointment:read'
	| 'appointment:manage'
	| 'patient:read'
	| 'patient:merge'
	| 'schedule:manage'
	| 'schedule:manage_own'
	| 'mfa:reset'
	| 'mfa:reset_own'
	| 'intake:read_status'
	| 'intake:read_answers'
	| 'intake:transcribe'
	| 'intake:tablet'
	| 'appointment:read_screening'
	| 'consent:read'
	| 'consent:record'
	| 'consent:manage_documents';

const ROLES_FOR: Record<Action, readonly StaffRole[]> = {
	'staff_area:enter': ['admin', 'clinician', 'front_desk'],
	'clinic:read': ['admin', 'clinician', 'front_desk'],
	'clinic:manage': ['admin'],
	'location:manage': ['admin'],
	'service:manage': ['admin'],
	'staff:read': ['admin', 'clinician', 'front_desk'],
	'staff:manage': ['admin'],
	'audit:read': ['admin'],
	// Anonymous counts only, but still staff-only: they describe the clinic's patients.
	'screening_stats:read': ['admin', 'clinician'],
	// Public site: clinicians and admins write and publish articles; clinicians also answer and
	// moderate comments on them. Contact messages can hold health details, so only the desk and
	// admins read them.
	'article:write': ['admin', 'clinician'],
	'article:publish': ['admin', 'clinician'],
	'image:upload': ['admin', 'clinician'],
	'comment:moderate': ['admin', 'clinician', 'front_desk'],
	'comment:configure': ['admin'],
	'contact:read': ['admin', 'front_desk'],
	// The outbox holds patients' emails (addresses, appointment times).
	'outbox:read': ['admin'],
	// A private feed of one's own appointments; anyone who sees patients may have one.
	'calendar_feed:own': ['admin', 'clinician', 'front_desk'],
	// Revoking someone else's feed (a lost phone, a leaver).
	'calendar_feed:manage': ['admin'],
	// Booking (issue 6): everyone at the clinic works the calendar; the front desk sees demographics.
	'appointment:read': ['admin', 'clinician', 'front_desk'],
	'appointment:manage': ['admin', 'clinician', 'front_desk'],
	'patient:read': ['admin', 'clinician', 'front_desk'],
	'patient:merge': ['admin', 'front_desk'],
	// Anyone's working hours and clinic closures; a clinician may change only their own hours.
	'schedule:manage': ['admin'],
	'schedule:manage_own': ['admin', 'clinician'],
	// Turning two-step sign-in off: anyone for themselves (a new phone), only admins for others.
	'mfa:reset': ['admin'],
	'mfa:reset_own': ['admin', 'clinician', 'front_desk'],
	// Pre-visit intake (issue 10): the desk sees whether forms are done and hands out tablet codes;
	// only clinicians (and admins) read the health answers or type them in from a paper form.
	'intake:read_status': ['admin', 'clinician', 'front_desk'],
	'intake:read_answers': ['admin', 'clinician'],
	'intake:transcribe': ['admin', 'clinician'],
	'intake:tablet': ['admin', 'clinician', 'front_desk'],
	// The self-assessment a patient carried into a booking (precautions such as pregnancy or blood
	// thinners) is clinical: the clinicians who treat see it, the front desk and admins do not.
	'appointment:read_screening': ['clinician'],
	// Consent (issue 10): everyone who books sees whether consent is on file and may witness a
	// signing or record a withdrawal at the desk; only admins change the documents themselves.
	'consent:read': ['admin', 'clinician', 'front_desk'],
	'consent:record': ['admin', 'clinician', 'front_desk'],
	'consent:manage_documents': ['admin']
};

/** Deny by default: only a signed-in staff member whose role is listed for the action passes. */
export function can(actor: Actor, action: Action): boolean {
	if (actor.kind === 'system') return true;
	if (actor.kind !== 'staff') return false;
	return ROLES_FOR[action]?.includes(actor.role) ?? false;
}

/** The roles an action is granted to (for rules that follow from access, such as MFA). */
export function rolesAllowed(action: Action): readonly StaffRole[] {
	return ROLES_FOR[action] ?? [];
}

export function authorize(actor: Actor, action: Action): void {
	if (!can(actor, action)) throw forbidden();
}
