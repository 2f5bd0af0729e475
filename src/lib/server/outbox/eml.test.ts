import ICAL from 'ical.js';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { decodeWords, parseEml } from './eml';

async function build(): Promise<string> {
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	const info = await transport.sendMail({
		from: 'Boston Spine <hello@boston-spine.example>',
		to: 'jamie@example.com',
		subject: 'Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine',
		messageId: '<notice.abc@clinic.example>',
		text: `Hello Jamie,\n\nWhen:  Tuesday, December 1, 2026, 10:00 AM – 10:30 AM EST — café ${'long '.repeat(30)}\n`,
		html: '<p>Hello <script>alert(1)</script></p>',
		attachments: [
			{
				filename: 'appointment.ics',
				content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART:20261201T150000Z\r\nDTEND:20261201T153000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
				contentType: 'text/calendar; charset=utf-8; method=REQUEST'
			}
		]
	});
	return (info.message as Buffer).toString('utf8');
}

describe('parseEml', () => {
	it('decodes the headers, the text and HTML parts and the invite of an outbox message', async () => {
		const parsed = parseEml(await build());
		expect(parsed.headers.subject).toBe('Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine');
		expect(parsed.headers['message-id']).toBe('<notice.abc@clinic.example>');
		expect(parsed.headers.to).toBe('jamie@example.com');
		expect(parsed.parts.map((p) => [p.contentType, p.filename])).toEqual([
			['text/plain', undefined],
			['text/html', undefined],
			['text/calendar', 'appointment.ics']
		]);
		expect(parsed.parts[0]!.text).toContain('10:00 AM – 10:30 AM EST — café long long');
		expect(parsed.parts[0]!.text).not.toContain('=\n');
		const calendar = new ICAL.Component(ICAL.parse(parsed.parts[2]!.text));
		const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
	});

	it('survives junk', () => {
		expect(parseEml('no headers at all').parts).toHaveLength(1);
		expect(parseEml('').parts[0]!.text).toBe('');
		expect(decodeWords('=?UTF-8?B?Q2Fmw6k=?= ok')).toBe('Café ok');
	});
});
