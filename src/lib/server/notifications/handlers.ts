import { z } from 'zod';
import { PermanentJobError, type ClaimedJob } from '../jobs/job';
import type { JobHandler, JobRun } from '../jobs/worker';
import { appointmentIcs } from './appointment-ics';
import { deliverOnce, type Composed, type NotificationEnv } from './deliver';
import type { NoticeView } from './notice';
import { EMAIL_JOB_KIND, REMINDER_JOB_KIND } from './notice-keys';
import { loadNoticeFacts } from './notice.repository';
import { renderAppointmentEmail } from './render-email';

const emailPayload = z.object({
	appointmentId: z.string().min(1),
	change: z.enum(['booked', 'rescheduled', 'cancelled']),
	sequence: z.number().int().min(0),
	manageUrl: z.url({ protocol: /^https?$/ }).optional(),
	formsUrl: z.url({ protocol: /^https?$/ }).optional()
});

const reminderPayload = z.object({
	appointmentId: z.string().min(1),
	hoursBefore: z.number().int().positive(),
	startsAt: z.iso.datetime()
});

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
	const parsed = schema.safeParse(payload);
	if (!parsed.success) throw new PermanentJobError('bad_payload');
	return parsed.data;
}

function compose(view: NoticeView, run: JobRun<NotificationEnv>): Composed {
	const email = renderAppointmentEmail(view);
	const method = view.appointment.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
	return {
		send: {
			to: view.patient.email,
			replyTo: view.clinic.email,
			subject: email.subject,
			text: email.text,
			html: email.html,
			attachments: [
				{
					filename: view.appointment.status === 'cancelled' ? 'cancelled.ics' : 'appointment.ics',
					content: appointmentIcs(view, { host: run.env.host, stamp: run.clock.now() }),
					contentType: `text/calendar; charset=utf-8; method=${method}`
				}
			]
		}
	};
}

/** Confirmation, change and cancellation emails (enqueued by enqueueAppointmentNotices). */
export const appointmentEmailHandler: JobHandler<NotificationEnv> = {
	kind: EMAIL_JOB_KIND,
	async run(job: ClaimedJob, run) {
		const payload = parse(emailPayload, job.payload);
		await deliverOnce(job, run, { key: job.key, appointmentId: payload.appointmentId, kind: payload.change }, async () => {
			const facts = await loadNoticeFacts(run.db, payload.appointmentId);
			if (!facts) return { skip: 'appointment_missing', orphan: true };
			// A newer change has its own email, which shows the appointment as it now is.
			if (facts.appointment.sequence > payload.sequence) return { skip: 'superseded' };
			const isCancelled = facts.appointment.status === 'cancelled';
			if (isCancelled !== (payload.change === 'cancelled')) return { skip: 'status_changed' };
			const links = payload.change === 'cancelled' && run.env.origin ? { bookUrl: `${run.env.origin}/book` } : payload.manageUrl ? { manageUrl: payload.manageUrl } : {};
			return compose({ ...facts, kind: payload.change, ...links, ...(payload.formsUrl ? { formsUrl: payload.formsUrl } : {}) }, run);
		});
	}
};

/** Reminders: re-read at send time; a cancelled, moved, finished or already started appointment gets none. */
export const appointmentReminderHandler: JobHandler<NotificationEnv> = {
	kind: REMINDER_JOB_KIND,
	async run(job: ClaimedJob, run) {
		const payload = parse(reminderPayload, job.payload);
		await deliverOnce(job, run, { key: job.key, appointmentId: payload.appointmentId, kind: 'reminder' }, async () => {
			const facts = await loadNoticeFacts(run.db, payload.appointmentId);
			if (!facts) return { skip: 'appointment_missing', orphan: true };
			if (facts.appointment.status !== 'booked') return { skip: facts.appointment.status };
			if (facts.appointment.startsAt.getTime() !== Date.parse(payload.startsAt)) return { skip: 'moved' };
			if (run.clock.now().getTime() >= facts.appointment.startsAt.getTime()) return { skip: 'started' };
			return compose({ ...facts, kind: 'reminder' }, run);
		});
	}
};

export const notificationHandlers: ReadonlyArray<JobHandler<NotificationEnv>> = [appointmentEmailHandler, appointmentReminderHandler];
