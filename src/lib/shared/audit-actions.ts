/**
 * Audit action codes with readable labels for the filter. Kept in step with the server's list by
 * a test (src/lib/server/audit/audit-actions.test.ts).
 */
export const AUDIT_ACTION_OPTIONS: Array<{ value: string; label: string }> = [
	{ value: 'auth.sign_in', label: 'Signed in' },
	{ value: 'auth.sign_in_failed', label: 'Sign-in failed' },
	{ value: 'auth.sign_in_locked', label: 'Sign-in refused (too many attempts)' },
	{ value: 'auth.sign_out', label: 'Signed out' },
	{ value: 'auth.session_ended', label: 'Session ended by an admin' },
	{ value: 'auth.sessions_ended', label: 'All sessions ended by an admin' },
	{ value: 'auth.mfa_enrolled', label: 'Two-step sign-in set up' },
	{ value: 'auth.mfa_verified', label: 'Two-step code accepted' },
	{ value: 'auth.mfa_failed', label: 'Two-step code refused' },
	{ value: 'auth.mfa_recovery_used', label: 'Recovery code used' },
	{ value: 'auth.mfa_reset', label: 'Two-step sign-in reset' },
	{ value: 'auth.password_changed', label: 'Password changed' },
	{ value: 'auth.password_reset_requested', label: 'Password reset requested' },
	{ value: 'auth.password_reset', label: 'Password reset' },
	{ value: 'auth.reauth_failed', label: 'Password confirmation failed' },
	{ value: 'access.denied', label: 'Access refused' },
	{ value: 'staff.created', label: 'Staff member added' },
	{ value: 'staff.updated', label: 'Staff member changed' },
	{ value: 'staff.role_changed', label: 'Role changed' },
	{ value: 'staff.disabled', label: 'Staff member disabled' },
	{ value: 'settings.clinic_updated', label: 'Clinic details changed' },
	{ value: 'settings.location_created', label: 'Location added' },
	{ value: 'settings.location_updated', label: 'Location changed' },
	{ value: 'settings.service_created', label: 'Service added' },
	{ value: 'settings.service_updated', label: 'Service changed' },
	{ value: 'audit.viewed', label: 'Audit trail viewed' },
	{ value: 'audit.exported', label: 'Audit trail exported' },
	{ value: 'outbox.viewed', label: 'Email outbox viewed' },
	{ value: 'outbox.message_viewed', label: 'Outbox email opened' },
	{ value: 'calendar_feed.created', label: 'Calendar feed created' },
	{ value: 'calendar_feed.revoked', label: 'Calendar feed revoked' },
	{ value: 'calendar_feed.fetched', label: 'Calendar feed fetched' }
];
