import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { listOutbox, readOutboxMessage } from './outbox';
import { outboxMailer, smtpMailer } from './transports';

const message = {
	to: 'patient@example.com',
	subject: 'Your appointment — Tuesday',
	text: 'See you soon.',
	html: '<p>See you soon.</p>',
	attachments: [{ filename: 'invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; method=REQUEST' }]
};

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('outbox mailer', () => {
	it('writes a complete .eml with an index entry, listed newest first', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
		dirs.push(dir);
		let now = new Date('2026-11-27T15:00:00Z');
		const mailer = outboxMailer(dir, 'Boston Spine <hello@boston-spine.example>', () => now);
		await mailer.send(message);
		now = new Date('2026-11-27T15:05:00Z');
		await mailer.send({ ...message, subject: 'Second' });

		const entries = await listOutbox(dir);
		expect(entries.map((e) => e.subject)).toEqual(['Second', 'Your appointment — Tuesday']);
		const raw = await readOutboxMessage(dir, entries[1]!.file);
		expect(raw).toContain('From: Boston Spine <hello@boston-spine.example>');
		expect(raw).toContain('To: patient@example.com');
		expect(raw).toContain('invite.ics');
		expect(raw).toMatch(/Content-Type: text\/calendar; method=REQUEST/);
	});

	it('never reads outside the outbox', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
		dirs.push(dir);
		expect(await readOutboxMessage(dir, '../../etc/passwd')).toBeUndefined();
		expect(await listOutbox(join(dir, 'missing'))).toEqual([]);
	});
});

describe('SMTP mailer', () => {
	it('delivers through a real SMTP conversation', async () => {
		const received: string[] = [];
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, _session, done) {
				let data = '';
				stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
				stream.on('end', () => {
					received.push(data);
					done();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.server.address() as { port: number };
		try {
			const mailer = smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'Clinic <c@example.com>');
			const sent = await mailer.send(message);
			expect(sent.messageId).toMatch(/^<.+>$/);
			expect(received).toHaveLength(1);
			expect(received[0]).toContain('To: patient@example.com');
			expect(received[0]).toMatch(/^Subject: =\?UTF-8\?/m);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});
