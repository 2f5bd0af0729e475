import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../clock';
import type { DB } from '../db/schema';
import { isPostgres } from '../db/write-transaction';
import { seedDemoClinic } from '../demo/demo-clinic';
import { claimJobs, listJobs } from '../jobs/job.repository';
import { createJobWorker, type JobWorker } from '../jobs/worker';
import { memoryMailer, type Mailer, type MailMessage } from '../mail/mail';
import { outboxMailer } from '../mail/transports';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW } from '../testing/test-context';
import { alexId, bookAt, bookFirstFree, cancelAt, frontDeskCtx, moveAt, TEST_PATIENT } from '../testing/bookings';
import { messageIdFor } from './deliver';
import { deliveriesOf, insertDelivery } from './delivery.repository';
import { outboxProbe, unknowableProbe, type DeliveryProbe } from './delivery-probe';
import { enqueueAppointmentNotices, reminderLeadTimes } from './enqueue';
import { notificationHandlers } from './handlers';
import { EMAIL_JOB_KIND, REMINDER_JOB_KIND } from './notice-keys';

const log = pino({ level: 'silent' });
const HOST = 'clinic.example';
const HOUR = 3_600_000;
const LEASE = 2 * 60_000;
const ORIGIN = 'https://clinic.example';
/** Tuesday 1 December 2026, 10:00 in Boston. */
const TUESDAY_10AM = new Date('2026-12-01T15:00:00.000Z');

type Memory = ReturnType<typeof memoryMailer>;
const memoryProbe = (mail: Memory): DeliveryProbe => async (id) => (mail.sent.some((m) => m.messageId === id) ? 'delivered' : 'not_delivered');

function worker(db: Kysely<DB>, clock: Clock, mail: Mailer, probe: DeliveryProbe, workerId?: string): JobWorker {
	return createJobWorker({ db, clock, log, env: { mail, probe, host: HOST } }, notificationHandlers, {
		pollMs: 10,
		concurrency: 4,
		leaseMs: LEASE,
		...(workerId ? { workerId } : {})
	});
}

async function drain(w: JobWorker): Promise<void> {
	while ((await w.runOnce()) > 0);
}

/** The appointment's own notices (a first visit also gets the pre-visit forms reminder, tested with intake). */
async function jobsOf(db: Kysely<DB>, appointmentId: string) {
	return (await listJobs(db)).filter((j) => j.key.includes(appointmentId) && j.kind.startsWith('appointment.'));
}

/** Messages about one appointment (their invite's UID names it): other tests share the database. */
function sentFor(mail: Memory, appointmentId: string): MailMessage[] {
	return mail.sent.filter((m) => invite(m).event.uid === `appointment-${appointmentId}@${HOST}`);
}

function invite(message: MailMessage) {
	const attachment = message.attachments?.[0];
	const calendar = new ICAL.Component(ICAL.parse(String(attachment!.content)));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return { method: calendar.getFirstPropertyValue('method'), event, contentType: attachment!.contentType };
}

describe('reminderLeadTimes', () => {
	it('keeps positive, distinct lead times', () => {
		expect(reminderLeadTimes(24, null)).toEqual([24]);
		expect(reminderLeadTimes(24, 2)).toEqual([24, 2]);
		expect(reminderLeadTimes(24, 24)).toEqual([24]);
		expect(reminderLeadTimes(0, 2)).toEqual([2]);
	});
});

describeEachEngine('appointment notices', (handle) => {
	let alex: string;
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		alex = await alexId(handle.db);
	});
	/** Through the real booking, reschedule and cancel services, with Dr. Alex Chen, at `clock`'s time. */
	const book = async (startsAt: Date, clock: Clock = fixedClock(TEST_NOW)) => (await bookAt(await frontDeskCtx(handle.db, clock, ORIGIN), startsAt, { providerId: alex })).id;
	const move = async (id: string, startsAt: Date, clock: Clock) => moveAt(await frontDeskCtx(handle.db, clock), id, startsAt);
	const cancel = async (id: string, clock: Clock) => cancelAt(await frontDeskCtx(handle.db, clock), id);
	beforeEach(async () => {
		await handle.db.updateTable('clinic').set({ firstReminderHours: 24, secondReminderHours: null }).execute();
	});

	it('queues a confirmation now and a reminder 24 h before; 2 h too when the clinic asks for it', async () => {
		const one = await book(TUESDAY_10AM);
		expect((await jobsOf(handle.db, one)).map((j) => [j.kind, j.runAt.toISOString(), j.status])).toEqual([
			[EMAIL_JOB_KIND, TEST_NOW.toISOString(), 'queued'],
			[REMINDER_JOB_KIND, '2026-11-30T15:00:00.000Z', 'queued']
		]);

		await handle.db.updateTable('clinic').set({ secondReminderHours: 2 }).execute();
		const two = await book(new Date(TUESDAY_10AM.getTime() + HOUR));
		expect((await jobsOf(handle.db, two)).map((j) => j.runAt.toISOString())).toEqual([
			TEST_NOW.toISOString(),
			'2026-11-30T16:00:00.000Z',
			'2026-12-01T14:00:00.000Z'
		]);

		// Booked three hours ahead: the 24-hour reminder would be in the past, the 2-hour one is not.
		const soon = await book(new Date(TEST_NOW.getTime() + 3 * HOUR));
		expect((await jobsOf(handle.db, soon)).filter((j) => j.kind === REMINDER_JOB_KIND).map((j) => j.key)).toEqual([
			`appointment-reminder:${soon}:2h:${new Date(TEST_NOW.getTime() + 3 * HOUR).toISOString()}`
		]);

		// Calling again for the same change adds nothing.
		await enqueueAppointmentNotices(handle.db, { appointmentId: two, change: 'booked' });
		expect(await jobsOf(handle.db, two)).toHaveLength(3);
		// Programming mistakes fail loudly, inside the caller's transaction.
		await expect(enqueueAppointmentNotices(handle.db, { appointmentId: two, change: 'booked', manageUrl: 'javascript:alert(1)' })).rejects.toThrow(TypeError);
		await expect(enqueueAppointmentNotices(handle.db, { appointmentId: 'nope', change: 'booked' })).rejects.toThrow(/no such appointment/);
	});

	it('sends the confirmation once, with an invite for the booked instant, then forgets the manage link', async () => {
		const clock = fixedClock(TEST_NOW);
		const mail = memoryMailer();
		const wednesday = new Date('2026-12-02T15:00:00.000Z');
		const { id, manageToken } = await bookAt(await frontDeskCtx(handle.db, clock, ORIGIN), wednesday, { providerId: alex });
		const MANAGE = `${ORIGIN}/appointments/manage/${manageToken}`;
		expect(manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(JSON.stringify(await jobsOf(handle.db, id))).toContain(MANAGE);

		const w = worker(handle.db, clock, mail, memoryProbe(mail));
		await drain(w);
		await drain(w);
		const sent = sentFor(mail, id);
		expect(sent).toHaveLength(1);
		const message = sent[0]!;
		expect(message.to).toBe(TEST_PATIENT.email);
		expect(message.replyTo).toBe('hello@boston-spine.example');
		expect(message.subject).toBe('Appointment confirmed: Wed, Dec 2, 10:00 AM EST — Boston Spine');
		expect(message.text).toContain(MANAGE);
		expect(message.text).toContain('(617) 555-0142');
		expect(message.html).toContain('120 Example Avenue, Suite 300, Boston, MA 02116');
		const { method, event, contentType } = invite(message);
		expect(method).toBe('REQUEST');
		expect(contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
		expect(event.uid).toBe(`appointment-${id}@${HOST}`);
		expect(event.startDate.toJSDate().getTime()).toBe(wednesday.getTime());
		expect(event.sequence).toBe(0);

		expect(JSON.stringify(await listJobs(handle.db))).not.toContain(MANAGE);
		expect((await deliveriesOf(handle.db, id)).map((d) => [d.kind, d.state])).toEqual([['booked', 'sent']]);
	});

	it('moves reminders with the appointment, sends the change with a higher SEQUENCE, and never the old reminder', async () => {
		const clock = fixedClock(TEST_NOW);
		const mail = memoryMailer();
		const w = worker(handle.db, clock, mail, memoryProbe(mail));
		const id = await book(new Date('2026-12-16T15:00:00Z'), clock);
		await drain(w);
		clock.advance(HOUR);
		const moved = new Date('2026-12-17T19:30:00Z');
		await move(id, moved, clock);
		const reminders = (await jobsOf(handle.db, id)).filter((j) => j.kind === REMINDER_JOB_KIND);
		expect(reminders.map((j) => [j.runAt.toISOString(), j.status])).toEqual([
			['2026-12-15T15:00:00.000Z', 'cancelled'],
			['2026-12-16T19:30:00.000Z', 'queued']
		]);
		await drain(w);
		const change = sentFor(mail, id).at(-1)!;
		expect(change.subject).toBe('Appointment moved: now Thu, Dec 17, 2:30 PM EST — Boston Spine');
		expect(invite(change).event.sequence).toBe(1);
		expect(invite(change).event.uid).toBe(`appointment-${id}@${HOST}`);
		expect(invite(change).event.startDate.toJSDate().getTime()).toBe(moved.getTime());

		clock.set(new Date('2026-12-15T15:00:00Z'));
		await drain(w);
		clock.set(new Date('2026-12-16T19:30:00Z'));
		await drain(w);
		clock.advance(HOUR);
		await drain(w);
		const mine = sentFor(mail, id);
		expect(mine.map((m) => m.subject.split(':')[0])).toEqual(['Appointment confirmed', 'Appointment moved', 'Reminder']);
		expect((await deliveriesOf(handle.db, id)).map((d) => [d.kind, d.state])).toEqual([
			['booked', 'sent'],
			['rescheduled', 'sent'],
			['reminder', 'sent']
		]);
	});

	it('revives the reminder when an appointment moves away and back', async () => {
		const a = new Date('2026-12-04T15:00:00Z');
		const clock = fixedClock(TEST_NOW);
		const id = await book(a, clock);
		await move(id, new Date('2026-12-04T18:00:00Z'), clock);
		await move(id, a, clock);
		const reminders = (await jobsOf(handle.db, id)).filter((j) => j.kind === REMINDER_JOB_KIND);
		expect(reminders.map((j) => [j.runAt.toISOString(), j.status])).toEqual([
			['2026-12-03T15:00:00.000Z', 'queued'],
			['2026-12-03T18:00:00.000Z', 'cancelled']
		]);
	});

	it('on cancel: skips the unsent confirmation, sends a CANCEL with the same UID, and no reminder', async () => {
		const clock = fixedClock(TEST_NOW);
		const mail = memoryMailer();
		const w = worker(handle.db, clock, mail, memoryProbe(mail));
		const id = await book(new Date('2026-12-07T15:00:00Z'), clock);
		await cancel(id, clock);
		await drain(w);
		clock.set(new Date('2026-12-07T12:00:00Z'));
		await drain(w);
		const mine = sentFor(mail, id);
		expect(mine).toHaveLength(1);
		expect(mine[0]!.subject).toBe('Appointment cancelled: Mon, Dec 7, 10:00 AM EST — Boston Spine');
		expect(invite(mine[0]!).method).toBe('CANCEL');
		expect(invite(mine[0]!).event.sequence).toBe(1);
		expect((await deliveriesOf(handle.db, id)).map((d) => [d.kind, d.state, d.reason])).toEqual([
			['booked', 'skipped', 'superseded'],
			['cancelled', 'sent', null]
		]);
		expect((await jobsOf(handle.db, id)).find((j) => j.kind === REMINDER_JOB_KIND)?.status).toBe('cancelled');
	});

	it('a reminder already in a worker’s hands when the appointment is cancelled sends nothing', async () => {
		const clock = fixedClock(TEST_NOW);
		const mail = memoryMailer();
		const id = await book(new Date('2026-12-08T15:00:00Z'), clock);
		await drain(worker(handle.db, clock, mail, memoryProbe(mail)));
		clock.set(new Date('2026-12-07T15:00:00Z'));
		// A worker takes the reminder and dies; meanwhile the patient cancels.
		await claimJobs(handle.db, { workerId: 'dead', now: clock.now(), leaseMs: LEASE, limit: 10, kinds: [REMINDER_JOB_KIND] });
		await cancel(id, clock);
		clock.advance(LEASE);
		await drain(worker(handle.db, clock, mail, memoryProbe(mail)));
		expect((await deliveriesOf(handle.db, id)).map((d) => [d.kind, d.state, d.reason])).toEqual([
			['booked', 'sent', null],
			['cancelled', 'sent', null],
			['reminder', 'skipped', 'cancelled']
		]);
	});

	describe('crashes around the send', () => {
		let outbox: string;
		beforeEach(() => {
			outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
		});
		afterAll(() => rmSync(outbox, { recursive: true, force: true }));
		const emls = () => readdirSync(outbox).filter((f) => f.endsWith('.eml'));

		/** What kill -9 leaves behind: the job claimed by a dead worker and its 'sending' mark. */
		let slot = 0;
		// Wednesday 9 December, 08:00 to 13:00 in Boston, around Dr. Chen's lunch hour.
		const WEDNESDAY_TIMES = ['13:00', '14:00', '15:00', '16:00', '18:00'].map((t) => new Date(`2026-12-09T${t}:00Z`));
		async function dieWhileSending(clock: Clock, sentBeforeDeath: boolean): Promise<{ id: string; key: string }> {
			// Whatever else is due goes out first, so the dead worker holds only this test's job.
			await drain(worker(handle.db, clock, memoryMailer(), unknowableProbe));
			const startsAt = WEDNESDAY_TIMES[slot++]!;
			const id = await book(startsAt, clock);
			const [job] = (await claimJobs(handle.db, { workerId: 'dead', now: clock.now(), leaseMs: LEASE, limit: 50, kinds: [EMAIL_JOB_KIND] })).filter(
				(j) => j.key.includes(id)
			);
			const messageId = messageIdFor(job!.key, HOST);
			await insertDelivery(handle.db, { key: job!.key, appointmentId: id, kind: 'booked', state: 'sending', messageId, jobId: job!.id, now: clock.now() });
			if (sentBeforeDeath) {
				await outboxMailer(outbox, 'Boston Spine <hello@boston-spine.example>', () => clock.now()).send({ to: 'x@example.com', subject: 's', text: 't', messageId });
			}
			return { id, key: job!.key };
		}

		it('dead before the message left: the next worker sends it, once', async () => {
			const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
			const { id } = await dieWhileSending(clock, false);
			clock.advance(LEASE);
			const w = worker(handle.db, clock, outboxMailer(outbox, 'Clinic <c@example.com>', () => clock.now()), outboxProbe(outbox));
			await drain(w);
			await drain(w);
			expect(emls()).toHaveLength(1);
			expect((await deliveriesOf(handle.db, id)).map((d) => d.state)).toEqual(['sent']);
		});

		it('dead after the outbox wrote it (even without its index): recorded as sent, not sent again', async () => {
			for (const dropIndex of [false, true]) {
				const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
				const before = emls().length;
				const { id } = await dieWhileSending(clock, true);
				if (dropIndex) for (const f of readdirSync(outbox).filter((f) => f.endsWith('.json'))) unlinkSync(join(outbox, f));
				clock.advance(LEASE);
				await drain(worker(handle.db, clock, outboxMailer(outbox, 'Clinic <c@example.com>', () => clock.now()), outboxProbe(outbox)));
				expect(emls().length - before).toBe(1);
				expect((await deliveriesOf(handle.db, id)).map((d) => d.state)).toEqual(['sent']);
			}
		});

		it('over SMTP, which cannot be asked, an interrupted send is marked unknown and not repeated', async () => {
			const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
			const { id } = await dieWhileSending(clock, false);
			clock.advance(LEASE);
			const mail = memoryMailer();
			await drain(worker(handle.db, clock, mail, unknowableProbe));
			expect(mail.sent.filter((m) => m.text.includes('Dec'))).toHaveLength(0);
			expect((await deliveriesOf(handle.db, id)).map((d) => [d.state, d.reason])).toEqual([['unknown', 'interrupted_send']]);
		});

		it('a transport error leaves no mark: retried after a backoff and sent once', async () => {
			const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
			const id = await book(new Date('2026-12-10T15:00:00Z'), clock);
			const real = memoryMailer();
			let failures = 1;
			const flaky: Mailer = {
				async send(message) {
					if (failures-- > 0) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
					return real.send(message);
				}
			};
			const w = worker(handle.db, clock, flaky, unknowableProbe);
			await drain(w);
			const job = (await jobsOf(handle.db, id)).find((j) => j.kind === EMAIL_JOB_KIND)!;
			expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error:ECONNECTION' });
			expect(await deliveriesOf(handle.db, id)).toEqual([]);
			clock.set(job.runAt);
			await drain(w);
			expect(sentFor(real, id)).toHaveLength(1);
		});
	});

	it('two workers (two PostgreSQL pools) never send a notice twice', async () => {
		const other = isPostgres(handle.db) ? handle.openAnother() : undefined;
		try {
			const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
			const mail = memoryMailer();
			const booked: string[] = [];
			// Twenty follow-ups on Monday 14 December, each at the first free time of any clinician.
			const desk = await frontDeskCtx(handle.db, clock);
			for (let i = 0; i < 20; i++) booked.push((await bookFirstFree(desk, { from: '2026-12-14', to: '2026-12-14' })).id);
			const workers = [worker(handle.db, clock, mail, memoryProbe(mail), 'a'), worker(other?.db ?? handle.db, clock, mail, memoryProbe(mail), 'b')];
			await Promise.all(workers.map(drain));
			// 07:00 in Boston: every 24-hour reminder is due and no appointment has started.
			clock.set(new Date('2026-12-14T12:00:00Z'));
			await Promise.all(workers.map(drain));
			const messageIds = mail.sent.map((m) => m.messageId);
			expect(new Set(messageIds).size).toBe(messageIds.length);
			const forBooked = mail.sent.filter((m) => booked.some((id) => invite(m).event.uid.includes(id)));
			// A confirmation and a 24-hour reminder each.
			expect(forBooked).toHaveLength(40);
		} finally {
			await other?.close();
		}
	}, 60_000); // twenty bookings through the real service: slower than the rest on a busy machine
});
