import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { createJobWorker } from '../jobs/worker';
import { memoryMailer } from '../mail/mail';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { openFormsLink } from './forms-link.service';
import { intakeHandlers } from './intake-jobs';
import { saveIntakePage, submitIntake } from './intake.service';

/** The 48-hour reminder and the clinician's red-flag alert, run by a real worker on both engines. */
describeEachEngine('intake emails', (handle) => {
	const clock = fixedClock(TEST_NOW);
	const mail = memoryMailer();
	const ORIGIN = 'https://clinic.example';
	let alex = '';
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		alex = (await handle.db.selectFrom('staff').select('id').where('email', 'like', 'alex.chen@%').executeTakeFirstOrThrow()).id;
	});
	const ctx = () => ({ ...testCtx(handle.db, anonymous, clock), config: { ...testCtx(handle.db, anonymous).config, origin: ORIGIN } });
	const worker = () =>
		createJobWorker({ db: handle.db, clock, log: pino({ level: 'silent' }), env: { mail, probe: async () => 'not_delivered' as const, host: 'clinic.example', origin: ORIGIN } }, intakeHandlers, { pollMs: 10, concurrency: 1, leaseMs: 60_000 });
	const drain = async () => {
		const w = worker();
		while ((await w.runOnce()) > 0);
	};

	async function book(start: string, email: string) {
		const { confirmation } = await bookOnline(ctx(), { service: 'initial-consultation', providerId: alex, start, patient: { firstName: 'Rita', lastName: 'Reminder', email, phone: '(617) 555-0100', dateOfBirth: '1975-05-05' }, note: '' }, { source: 'api' });
		const job = await handle.db.selectFrom('job').select('payload').where('key', 'like', `appointment-email:${confirmation.id}:%`).executeTakeFirstOrThrow();
		return { id: confirmation.id, token: String((JSON.parse(job.payload) as { formsUrl: string }).formsUrl).split('/forms/')[1]! };
	}

	it('reminds 48 hours before when the forms are not sent, with a fresh working link; not when they are', async () => {
		const open = await book('2026-12-03T09:00:00-05:00', 'open@example.com');
		const done = await book('2026-12-03T10:00:00-05:00', 'done@example.com');
		await saveIntakePage(ctx(), done.token, 'visit', { reason: 'Neck' });
		await saveIntakePage(ctx(), done.token, 'safety', { 'red-flags': ['__none'] });
		await submitIntake(ctx(), done.token);

		clock.set(new Date('2026-12-01T13:59:00Z'));
		await drain();
		expect(mail.sent).toHaveLength(0);
		clock.set(new Date('2026-12-01T15:00:00Z'));
		await drain();
		expect(mail.sent.map((m) => m.to)).toEqual(['open@example.com']);
		const link = /https:\/\/clinic\.example\/forms\/([A-Za-z0-9_-]{43})/.exec(mail.sent[0]!.text)![1]!;
		expect(link).not.toBe(open.token);
		expect(await openFormsLink(ctx(), link)).toMatchObject({ appointmentId: open.id, via: 'email' });
		const skipped = await handle.db.selectFrom('notificationDelivery').select(['state', 'reason']).where('appointmentId', '=', done.id).executeTakeFirstOrThrow();
		expect(skipped).toEqual({ state: 'skipped', reason: 'forms_done' });
		clock.set(TEST_NOW);
	});

	it('tells the clinician once about a red flag, with a link and without the patient’s name or symptom', async () => {
		mail.sent.length = 0;
		const visit = await book('2026-12-04T09:00:00-05:00', 'flag@example.com');
		await saveIntakePage(ctx(), visit.token, 'safety', { 'red-flags': ['saddle_numbness'] });
		await saveIntakePage(ctx(), visit.token, 'safety', { 'red-flags': ['saddle_numbness', 'fever_or_unwell'] });
		await drain();
		const alerts = mail.sent.filter((m) => m.subject.startsWith('Pre-visit forms need your review'));
		expect(alerts).toHaveLength(1);
		expect(alerts[0]!.to).toMatch(/^alex\.chen@/);
		expect(alerts[0]!.text).toContain(`${ORIGIN}/staff/appointments/${visit.id}`);
		expect(alerts[0]!.text).not.toMatch(/Rita|Reminder|numb|fever|flag@example/i);
	});
});
