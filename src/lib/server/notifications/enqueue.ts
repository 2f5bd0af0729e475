/**
 * enqueueAppointmentNotices(trx, { appointmentId, change, manageUrl?, now? })
 *
 * The one call the booking, reschedule and cancel services make, INSIDE their transaction and
 * AFTER writing the appointment row (its new starts_at, status and a sequence one higher than
 * before for every change after the first booking). Everything it writes commits or rolls back
 * with the booking, and calling it twice for the same change does nothing the second time.
 *
 * - change 'booked' | 'rescheduled' | 'cancelled': queues the confirmation, change or
 *   cancellation email (key: appointment + sequence + change), sent within seconds by the worker.
 * - It (re)plans reminders from the clinic's first_reminder_hours (default 24) and
 *   second_reminder_hours (optional, e.g. 2): key = appointment + lead time + start instant.
 *   Reminders of the old time (and all of them on cancel) are cancelled; any that is already
 *   running re-reads the appointment and does nothing. A reminder whose time is already past
 *   when the appointment is booked or moved is not planned: the confirmation does its job.
 * - manageUrl: the patient's `${origin}/appointments/manage/<token>` link. Only the token's hash is
 *   stored on the appointment, so the raw link exists only at booking time (or when the patient
 *   acts through it). It is kept in that email job's payload, which therefore holds a bearer
 *   link until the email is sent: the payload is cleared ('{}') as soon as the job finishes, sent
 *   or failed. Reminders do not carry it; they point to the confirmation email and the phone.
 * - now: the moment of the change (defaults to the appointment's updated_at, which the booking
 *   services set from their clock). The confirmation is due at once; reminders before it are
 *   skipped.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';
import { cancelQueuedJobs, enqueueJob } from '../jobs/job.repository';
import {
	changeEmailKey,
	EMAIL_JOB_KIND,
	REMINDER_JOB_KIND,
	reminderKey,
	reminderKeyPrefix,
	type AppointmentChange
} from './notice-keys';

export type EnqueueNoticesInput = {
	appointmentId: string;
	change: AppointmentChange;
	manageUrl?: string;
	/** A first visit's pre-visit forms link (same rules as manageUrl: cleared once sent). */
	formsUrl?: string;
	now?: Date;
};

export type EmailJobPayload = { appointmentId: string; change: AppointmentChange; sequence: number; manageUrl?: string; formsUrl?: string };
export type ReminderJobPayload = { appointmentId: string; hoursBefore: number; startsAt: string };

const HOUR = 3_600_000;

export async function enqueueAppointmentNotices(trx: Kysely<DB>, input: EnqueueNoticesInput): Promise<void> {
	if (input.manageUrl !== undefined && !isHttpUrl(input.manageUrl)) throw new TypeError('manageUrl must be an http(s) URL');
	const row = await trx
		.selectFrom('appointment')
		.innerJoin('clinic', 'clinic.id', 'appointment.clinicId')
		.select([
			'appointment.id',
			'appointment.startsAt',
			'appointment.sequence',
			'appointment.updatedAt',
			'clinic.firstReminderHours',
			'clinic.secondReminderHours'
		])
		.where('appointment.id', '=', input.appointmentId)
		.executeTakeFirst();
	if (!row) throw new Error('enqueueAppointmentNotices: no such appointment (call it after writing the row)');

	const changedAt = input.now ?? readInstant(row.updatedAt);
	const payload: EmailJobPayload = {
		appointmentId: row.id,
		change: input.change,
		sequence: row.sequence,
		...(input.manageUrl ? { manageUrl: input.manageUrl } : {}),
		...(input.formsUrl && isHttpUrl(input.formsUrl) ? { formsUrl: input.formsUrl } : {})
	};
	await enqueueJob(trx, {
		kind: EMAIL_JOB_KIND,
		key: changeEmailKey(row.id, row.sequence, input.change),
		runAt: changedAt,
		payload,
		now: changedAt
	});

	const startsAt = readInstant(row.startsAt);
	const wanted = input.change === 'cancelled' ? [] : reminderLeadTimes(row.firstReminderHours, row.secondReminderHours);
	const keep: string[] = [];
	for (const hoursBefore of wanted) {
		const runAt = new Date(startsAt.getTime() - hoursBefore * HOUR);
		if (runAt.getTime() <= changedAt.getTime()) continue;
		const key = reminderKey(row.id, hoursBefore, startsAt);
		keep.push(key);
		const reminder: ReminderJobPayload = { appointmentId: row.id, hoursBefore, startsAt: startsAt.toISOString() };
		// revive: moved away and back to this very time, the cancelled reminder is wanted again.
		await enqueueJob(trx, { kind: REMINDER_JOB_KIND, key, runAt, payload: reminder, revive: true, now: changedAt });
	}
	// A new appointment has no earlier reminders to cancel; skipping the search keeps booking fast
	// (the prefix match cannot use the key index, so it reads every queued reminder).
	if (input.change === 'booked') return;
	await cancelQueuedJobs(trx, { kind: REMINDER_JOB_KIND, keyPrefix: reminderKeyPrefix(row.id), keep, now: changedAt });
}

/** The clinic's reminder lead times in hours, without duplicates or switched-off (≤ 0) ones. */
export function reminderLeadTimes(first: number, second: number | null): number[] {
	return [...new Set([first, second ?? 0].filter((h) => Number.isInteger(h) && h > 0))];
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}
