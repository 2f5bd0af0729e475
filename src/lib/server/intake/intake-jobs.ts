import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';
import { enqueueJob } from '../jobs/job.repository';
import { PermanentJobError, type ClaimedJob } from '../jobs/job';
import type { JobHandler } from '../jobs/worker';
import { deliverOnce, type NotificationEnv } from '../notifications/deliver';
import { zonedTimes } from '../notifications/format-time';
import { hasEarlierVisit } from '../booking/appointment.repository';
import { HEALTH_HISTORY } from '../../shared/intake/health-history';
import { formsUrlFor, issueFormsLink } from './forms-link.service';

/**
 * Emails about pre-visit forms, on the durable job queue: the 48-hour reminder to a patient whose
 * forms are not sent yet, and the clinician's alert after a red flag. The alert names no patient
 * and no symptom (email is not a safe place for either): it links to the appointment page.
 */

export const INTAKE_REMINDER_KIND = 'intake.reminder';
export const INTAKE_ALERT_KIND = 'intake.alert';
export const INTAKE_REMINDER_HOURS = 48;
const HOUR = 3_600_000;

export async function enqueueIntakeAlert(trx: Kysely<DB>, appointmentId: string, now: Date): Promise<void> {
	await enqueueJob(trx, { kind: INTAKE_ALERT_KIND, key: `intake-alert:${appointmentId}`, runAt: now, payload: { appointmentId }, now });
}

/**
 * Called by booking inside its transaction, after the appointment row is written: a first visit
 * gets a forms link (returned for the confirmation email) and a reminder 48 h before, if that is
 * still ahead. Returns undefined for a returning patient or when no ORIGIN is configured.
 */
export async function formsLinkForNewBooking(
	trx: Kysely<DB>,
	ctx: Pick<Ctx, 'config'>,
	b: { appointmentId: string; clinicId: string; patientId: string; startMs: number; endMs: number; now: Date }
): Promise<string | undefined> {
	if (!ctx.config.origin) return undefined;
	if (await hasEarlierVisit(trx, b.patientId, b.startMs)) return undefined;
	const token = await issueFormsLink(trx, { clinicId: b.clinicId, patientId: b.patientId, appointmentId: b.appointmentId, via: 'email', expiresAt: new Date(b.endMs), createdBy: null, now: b.now });
	const runAt = new Date(b.startMs - INTAKE_REMINDER_HOURS * HOUR);
	if (runAt.getTime() > b.now.getTime()) {
		const startsAt = new Date(b.startMs).toISOString();
		await enqueueJob(trx, { kind: INTAKE_REMINDER_KIND, key: `intake-reminder:${b.appointmentId}:${startsAt}`, runAt, payload: { appointmentId: b.appointmentId, startsAt }, now: b.now });
	}
	return formsUrlFor(ctx.config.origin, token);
}

const reminderPayload = z.object({ appointmentId: z.string().min(1), startsAt: z.iso.datetime() });
const alertPayload = z.object({ appointmentId: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
	const parsed = schema.safeParse(payload);
	if (!parsed.success) throw new PermanentJobError('bad_payload');
	return parsed.data;
}

async function visitFacts(db: Kysely<DB>, appointmentId: string) {
	const row = await db
		.selectFrom('appointment as a')
		.innerJoin('clinic as c', 'c.id', 'a.clinicId')
		.innerJoin('patient as p', 'p.id', 'a.patientId')
		.innerJoin('staff as s', 's.id', 'a.providerId')
		.select(['a.id', 'a.clinicId', 'a.patientId', 'a.status', 'a.startsAt', 'a.endsAt', 'c.name as clinicName', 'c.phone as clinicPhone', 'c.email as clinicEmail', 'c.timeZone', 'p.firstName', 'p.email as patientEmail', 's.email as providerEmail'])
		.where('a.id', '=', appointmentId)
		.executeTakeFirst();
	return row && { ...row, startsAt: readInstant(row.startsAt), endsAt: readInstant(row.endsAt) };
}

function lines(...parts: string[]): string {
	return `${parts.join('\n')}\n`;
}

export const intakeReminderHandler: JobHandler<NotificationEnv> = {
	kind: INTAKE_REMINDER_KIND,
	async run(job: ClaimedJob, run) {
		const payload = parse(reminderPayload, job.payload);
		await deliverOnce(job, run, { key: job.key, appointmentId: payload.appointmentId, kind: 'intake_reminder' }, async () => {
			const facts = await visitFacts(run.db, payload.appointmentId);
			if (!facts) return { skip: 'appointment_missing', orphan: true };
			if (facts.status !== 'booked') return { skip: facts.status };
			if (facts.startsAt.getTime() !== Date.parse(payload.startsAt)) return { skip: 'moved' };
			if (run.clock.now().getTime() >= facts.startsAt.getTime()) return { skip: 'started' };
			if (!run.env.origin) return { skip: 'no_origin' };
			const response = await run.db.selectFrom('formResponse').select('status').where('appointmentId', '=', facts.id).where('slug', '=', HEALTH_HISTORY.slug).executeTakeFirst();
			if (response?.status === 'submitted') return { skip: 'forms_done' };
			// A fresh link: the confirmation's raw token was never stored, and this one is only in the email.
			const token = await issueFormsLink(run.db, { clinicId: facts.clinicId, patientId: facts.patientId, appointmentId: facts.id, via: 'email', expiresAt: facts.endsAt, createdBy: null, now: run.clock.now() });
			const when = zonedTimes(facts.startsAt, facts.endsAt, facts.timeZone);
			const url = formsUrlFor(run.env.origin, token);
			return {
				send: {
					to: facts.patientEmail,
					replyTo: facts.clinicEmail,
					subject: `Please fill in your forms before ${when.short} — ${facts.clinicName}`,
					text: lines(
						`Hello ${facts.firstName},`,
						'',
						`Your visit at ${facts.clinicName} is on ${when.date}, ${when.time}. Your health forms are not finished yet.`,
						'They take about 10 minutes and help your clinician plan safe treatment:',
						'',
						url,
						'',
						'Keep this link to yourself: it opens your forms. If you cannot use it, call us at ' + facts.clinicPhone + '.',
						'',
						facts.clinicName
					)
				}
			};
		});
	}
};

export const intakeAlertHandler: JobHandler<NotificationEnv> = {
	kind: INTAKE_ALERT_KIND,
	async run(job: ClaimedJob, run) {
		const payload = parse(alertPayload, job.payload);
		await deliverOnce(job, run, { key: job.key, appointmentId: payload.appointmentId, kind: 'intake_alert' }, async () => {
			const facts = await visitFacts(run.db, payload.appointmentId);
			if (!facts) return { skip: 'appointment_missing', orphan: true };
			const when = zonedTimes(facts.startsAt, facts.endsAt, facts.timeZone);
			const link = run.env.origin ? `${run.env.origin}/staff/appointments/${facts.id}` : 'the appointment in Needlepoint';
			return {
				send: {
					to: facts.providerEmail,
					subject: `Pre-visit forms need your review — ${facts.clinicName}`,
					text: lines(
						`A patient booked with you on ${when.date}, ${when.time} gave an answer in their pre-visit forms that needs review by a clinician before any treatment.`,
						'',
						'The visit is marked "physician first". Open the appointment to see the details:',
						link,
						'',
						'(This email leaves out names and health details on purpose.)'
					)
				}
			};
		});
	}
};

export const intakeHandlers: ReadonlyArray<JobHandler<NotificationEnv>> = [intakeReminderHandler, intakeAlertHandler];
