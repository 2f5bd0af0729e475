/**
 * Sending one notification at most once, whatever crashes.
 *
 * Email is an effect outside the database, so "send" and "record that it was sent" cannot
 * commit together. The order chosen:
 *
 *   1. commit a 'sending' mark (notification_delivery, unique per notice key) BEFORE sending;
 *   2. hand the message to the transport, with a Message-ID derived from the key;
 *   3. commit 'sent' together with the job's completion.
 *
 * A later attempt that finds a mark knows an earlier one began. 'sent' or 'skipped': nothing to
 * do. 'sending' (the earlier worker died between 1 and 3, or its transport call failed and the
 * cleanup did not happen) — ask the transport for that Message-ID:
 *   - the outbox can answer: found → record 'sent'; not found → send again. Exactly once.
 *   - SMTP cannot: the mark becomes 'unknown' and the message is NOT sent again. At most once;
 *     the window is one SMTP conversation long, and 'unknown' rows are shown to admins.
 * A transport that throws is taken at its word that nothing was accepted (the mark is removed
 * and the job retried with backoff). The one gap SMTP itself leaves is a connection lost after the
 * message's final dot but before the server's reply (RFC 1047): the server may deliver it and
 * we retry. No design on our side can close that gap.
 */
import { createHash } from 'node:crypto';
import { writeTransaction } from '../db/write-transaction';
import { LeaseLostError, type ClaimedJob } from '../jobs/job';
import type { JobRun } from '../jobs/worker';
import type { Mailer, MailMessage } from '../mail/mail';
import { dropSendingMark, findDelivery, insertDelivery, settleDelivery } from './delivery.repository';
import type { DeliveryProbe } from './delivery-probe';

export type NotificationEnv = {
	mail: Mailer;
	probe: DeliveryProbe;
	/** Host name for UIDs and Message-IDs (from ORIGIN), stable across restarts. */
	host: string;
	/** The site's ORIGIN, for links in emails (the booking page, pre-visit forms); none when it is not set. */
	origin?: string;
};

/** What to send, or why not (a code); `orphan` when the appointment no longer exists. */
export type Composed = { send: MailMessage } | { skip: string; orphan?: boolean };

export type NoticeRef = { key: string; appointmentId: string | null; kind: string };

export function messageIdFor(key: string, host: string): string {
	return `<notice.${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${host}>`;
}

export async function deliverOnce(
	job: ClaimedJob,
	run: JobRun<NotificationEnv>,
	notice: NoticeRef,
	compose: () => Promise<Composed>
): Promise<void> {
	const { db, clock, env, log } = run;
	const messageId = messageIdFor(notice.key, env.host);

	const existing = await findDelivery(db, notice.key);
	if (existing && existing.state !== 'sending') return; // sent, skipped or unknown: done
	if (existing) {
		const answer = await env.probe(existing.messageId);
		if (answer === 'delivered') return finish(run, job, notice.key, { state: 'sent' });
		if (answer === 'unknown') {
			log.warn({ event: 'notification_delivery_unknown', reason: 'interrupted_send' });
			return finish(run, job, notice.key, { state: 'unknown', reason: 'interrupted_send' });
		}
		await dropSendingMark(db, notice.key);
	}

	const composed = await compose();
	if ('skip' in composed) {
		await writeTransaction(db, async (trx) => {
			const appointmentId = composed.orphan ? null : notice.appointmentId;
			await insertDelivery(trx, { ...notice, appointmentId, state: 'skipped', reason: composed.skip, messageId, jobId: job.id, now: clock.now() });
			await run.complete(trx);
		});
		log.info({ event: 'notification_skipped', reason: composed.skip });
		return;
	}

	// 1. The mark commits on its own, before anything leaves.
	await insertDelivery(db, { ...notice, state: 'sending', messageId, jobId: job.id, now: clock.now() });
	try {
		await env.mail.send({ ...composed.send, messageId });
	} catch (error) {
		// The outbox may have written the message before failing; SMTP's answer is trusted.
		if ((await env.probe(messageId).catch(() => 'unknown' as const)) === 'delivered') {
			return finish(run, job, notice.key, { state: 'sent' });
		}
		await dropSendingMark(db, notice.key);
		throw error;
	}
	await finish(run, job, notice.key, { state: 'sent' });
	log.info({ event: 'notification_sent' });
}

/** Records the outcome with the job's completion; keeps the outcome even if the lease was lost. */
async function finish(run: JobRun<NotificationEnv>, job: ClaimedJob, key: string, to: { state: 'sent' | 'unknown'; reason?: string }) {
	try {
		await writeTransaction(run.db, async (trx) => {
			await settleDelivery(trx, key, to, run.clock.now());
			await run.complete(trx);
		});
	} catch (error) {
		if (error instanceof LeaseLostError) await settleDelivery(run.db, key, to, run.clock.now());
		throw error;
	}
}
