import { createHmac } from 'node:crypto';

/** Everything the trail records. A new kind of event adds its code here. */
export const AUDIT_ACTIONS = [
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_in_locked',
	'auth.sign_out',
	'auth.session_ended',
	'auth.sessions_ended',
	'auth.mfa_enrolled',
	'auth.mfa_verified',
	'auth.mfa_failed',
	'auth.mfa_recovery_used',
	'auth.mfa_reset',
	'auth.password_changed',
	'auth.password_reset_requested',
	'auth.password_reset',
	'auth.reauth_failed',
	'access.denied',
	'staff.created',
	'staff.updated',
	'staff.role_changed',
	'staff.disabled',
	'settings.clinic_updated',
	'settings.location_created',
	'settings.location_updated',
	'settings.service_created',
	'settings.service_updated',
	'settings.comment_moderation_changed',
	'contact.viewed',
	'contact.handled',
	'comment.moderated',
	'audit.viewed',
	'audit.exported',
	'outbox.viewed',
	'outbox.message_viewed',
	'calendar_feed.created',
	'calendar_feed.revoked',
	'calendar_feed.fetched',
	'appointment.booked',
	'appointment.rescheduled',
	'appointment.cancelled',
	'appointment.status_changed',
	'appointment.viewed',
	'calendar.viewed',
	'patient.searched',
	'patient.viewed',
	'patient.merged',
	'schedule.updated',
	'intake.viewed',
	'intake.saved',
	'intake.submitted',
	'intake.red_flag',
	'intake.transcribed',
	'intake.tablet_code_created',
	'intake.tablet_started',
	'article.published',
	'article.unpublished',
	'comment.replied',
	'consent.viewed',
	'consent.signed',
	'consent.withdrawn',
	'consent.document_published',
	'consent.settings_changed',
	'consent.report_viewed'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'success' | 'failure' | 'denied';

export type AuditRecord = {
	id: number;
	at: string;
	actorType: 'staff' | 'anonymous' | 'system';
	actorId: string | null;
	actorRole: string | null;
	action: string;
	entityType: string | null;
	entityId: string | null;
	patientId: string | null;
	outcome: AuditOutcome;
	ip: string | null;
	userAgent: string | null;
	requestId: string | null;
	/** JSON of ids and codes only; never names, notes or other patient details. */
	detail: string | null;
	prevHash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The chain key comes from APP_SECRET, which is not in the database: someone who can edit rows
 * cannot recompute valid hashes after changing one.
 */
export function auditChainKey(appSecret: string): Buffer {
	return createHmac('sha256', appSecret).update('needlepoint audit chain v1').digest();
}

/** HMAC-SHA256 over every field in a fixed order, including the previous row's hash. */
export function auditHash(key: Buffer, record: AuditRecord): string {
	const canonical = JSON.stringify([
		record.id,
		record.at,
		record.actorType,
		record.actorId,
		record.actorRole,
		record.action,
		record.entityType,
		record.entityId,
		record.patientId,
		record.outcome,
		record.ip,
		record.userAgent,
		record.requestId,
		record.detail,
		record.prevHash
	]);
	return createHmac('sha256', key).update(canonical).digest('hex');
}
