import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../context';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { outboxMailer } from '../mail/transports';
import { domainError } from '../testing/domain-error';
import { describeEachEngine } from '../testing/engines';
import { staffActor, TEST_NOW, testCtx } from '../testing/test-context';
import { listOutboxMessages, readOutboxEmail } from './outbox.service';

describeEachEngine('staff outbox', (handle) => {
	const dir = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let admin: Ctx;
	let clinician: Ctx;
	const withOutbox = (ctx: Ctx, smtpUrl?: string): Ctx => ({ ...ctx, config: { ...ctx.config, mail: { ...ctx.config.mail, outboxDir: dir, smtpUrl } } });

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		admin = withOutbox(testCtx(handle.db, await staffActor(handle.db, 'admin')));
		clinician = withOutbox(testCtx(handle.db, await staffActor(handle.db, 'clinician')));
		const mailer = outboxMailer(dir, 'Boston Spine <hello@boston-spine.example>', () => TEST_NOW);
		await mailer.send({
			to: 'jamie.rivera@example.com',
			subject: 'Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine',
			text: 'Hello Jamie,\n\n<b>not markup</b>\n',
			html: '<p>Hello Jamie</p>',
			attachments: [{ filename: 'appointment.ics', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8; method=REQUEST' }]
		});
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('lists and opens messages for admins, and audits each look', async () => {
		const listing = await listOutboxMessages(admin);
		if (listing.mode !== 'outbox') throw new Error('expected the outbox');
		expect(listing.messages.map((m) => [m.to, m.subject])).toEqual([
			['jamie.rivera@example.com', 'Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine']
		]);
		const message = await readOutboxEmail(admin, listing.messages[0]!.file);
		expect(message.headers.subject).toBe('Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine');
		expect(message.text).toBe('Hello Jamie,\n\n<b>not markup</b>\n');
		expect(message.hasHtml).toBe(true);
		expect(message.attachments).toEqual([
			{ filename: 'appointment.ics', contentType: 'text/calendar', text: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' }
		]);
		const audit = await handle.db.selectFrom('auditEvent').select(['action', 'entityId']).orderBy('id').execute();
		expect(audit).toEqual([
			{ action: 'outbox.viewed', entityId: null },
			{ action: 'outbox.message_viewed', entityId: listing.messages[0]!.file }
		]);
	});

	it('answers "not found" for names outside the outbox, and refuses other roles', async () => {
		expect((await domainError(readOutboxEmail(admin, '../needlepoint.db'))).code).toBe('not_found');
		expect((await domainError(readOutboxEmail(admin, '20261127T150000000Z-00000000.eml'))).code).toBe('not_found');
		expect((await domainError(listOutboxMessages(clinician))).code).toBe('forbidden');
		expect((await domainError(readOutboxEmail(clinician, 'x.eml'))).code).toBe('forbidden');
	});

	it('says there is no outbox when SMTP is configured', async () => {
		const smtp = withOutbox(admin, 'smtp://mail.example:587');
		expect(await listOutboxMessages(smtp)).toMatchObject({ mode: 'smtp', uncertain: [] });
		const file = ((await listOutboxMessages(admin)) as { messages: Array<{ file: string }> }).messages[0]!.file;
		expect((await domainError(readOutboxEmail(smtp, file))).code).toBe('not_found');
	});
});
