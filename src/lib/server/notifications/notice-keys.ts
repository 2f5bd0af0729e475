/**
 * Job kinds and keys for appointment notices. A key names one notice forever: the unique index on
 * job.key and notification_delivery.key is what makes "never twice" hold, so keys must be derived
 * only from facts that identify the notice, never from the time it was enqueued.
 */

export const EMAIL_JOB_KIND = 'appointment.email';
export const REMINDER_JOB_KIND = 'appointment.reminder';

export type AppointmentChange = 'booked' | 'rescheduled' | 'cancelled';
export type NoticeKind = AppointmentChange | 'reminder';

/** One email per change: the appointment's SEQUENCE grows with each change. */
export function changeEmailKey(appointmentId: string, sequence: number, change: AppointmentChange): string {
	return `appointment-email:${appointmentId}:${sequence}:${change}`;
}

/**
 * One reminder per appointment, reminder lead time and start instant: an appointment that moves
 * gets fresh reminders, and the old ones find it moved and do nothing.
 */
export function reminderKey(appointmentId: string, hoursBefore: number, startsAt: Date): string {
	return `${reminderKeyPrefix(appointmentId)}${hoursBefore}h:${startsAt.toISOString()}`;
}

export function reminderKeyPrefix(appointmentId: string): string {
	return `appointment-reminder:${appointmentId}:`;
}
