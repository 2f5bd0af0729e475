import { beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from '../auth/actor';
import { issueFormToken } from '../anti-spam/form-token';
import type { Mailer, MailMessage } from '../mail/mail';
import { getContactMessage, listInbox, markContactHandled, submitContactMessage } from './contact.service';

describeEachEngine('contact messages', (handle) => {
	const clock = fixedClock(TEST_NOW);
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	beforeEach(() => clock.advance(60_000));
	const visitor = () => testCtx(handle.db, anonymous, clock);
	const as = async (role: 'admin' | 'clinician' | 'front_desk') => testCtx(handle.db, await staffActor(handle.db, role), clock);
	const form = (overrides: Record<string, unknown> = {}) => ({
		name: 'Jamie Rivera',
		email: 'jamie@example.com',
		phone: '',
		message: `Do you see patients on Saturdays? ${Math.random()}`,
		preferredContact: 'email',
		leave_empty: '',
		formToken: issueFormToken(visitor().config.appSecret, new Date(clock.now().getTime() - 10_000)),
		...overrides
	});

	it('stores the message and emails it to the clinic with the visitor as Reply-To', async () => {
		const ctx = visitor();
		const sent: MailMessage[] = (ctx.mail as Mailer & { sent: MailMessage[] }).sent;
		const outcome = await submitContactMessage(ctx, form({ message: 'Hello there\nSecond line <b>bold</b>', name: 'Jamie\r\nBcc: x@evil.example' }), '203.0.113.5', 'http://localhost/staff/inbox');
		expect(outcome).toBe('sent');
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: 'hello@boston-spine.example', replyTo: 'jamie@example.com', subject: 'Website message from Jamie Bcc: x@evil.example' });
		expect(sent[0]!.text).toContain('Hello there\nSecond line <b>bold</b>');
		expect(sent[0]!.html).toBeUndefined();

		const inbox = await listInbox(await as('front_desk'), 'open');
		expect(inbox.messages.map((m) => m.message)).toContain('Hello there\nSecond line <b>bold</b>');
		expect(inbox.messages.every((m) => m.mailSent)).toBe(true);
	});

	it('stores nothing twice when Send is pressed again', async () => {
		const ctx = visitor();
		const fields = form({ message: 'Only once, please.' });
		expect(await submitContactMessage(ctx, fields, '203.0.113.6', 'x')).toBe('sent');
		expect(await submitContactMessage(ctx, fields, '203.0.113.6', 'x')).toBe('duplicate');
		const inbox = await listInbox(await as('admin'), 'open');
		expect(inbox.messages.filter((m) => m.message === 'Only once, please.')).toHaveLength(1);
	});

	it('keeps the message when the email cannot be sent', async () => {
		const ctx = { ...visitor(), mail: { send: async () => Promise.reject(new Error('SMTP down')) } };
		expect(await submitContactMessage(ctx, form({ message: 'Mail is down' }), '203.0.113.7', 'x')).toBe('sent');
		const stored = (await listInbox(await as('admin'), 'open')).messages.find((m) => m.message === 'Mail is down');
		expect(stored?.mailSent).toBe(false);
	});

	it('says what is wrong, including a phone number when a call back is asked for', async () => {
		const error = await domainError(submitContactMessage(visitor(), form({ name: '', email: 'nope', message: '', preferredContact: 'phone' }), '203.0.113.8', 'x'));
		expect(error.fieldErrors).toEqual({
			name: 'Name is required.',
			email: 'Enter a valid email address, like name@example.com.',
			message: 'Write a message.',
			phone: 'Enter a phone number so we can call you back.'
		});
		const long = await domainError(submitContactMessage(visitor(), form({ message: 'y'.repeat(100_000), phone: '<script>' }), '203.0.113.8', 'x'));
		expect(long.fieldErrors).toEqual({ message: 'Messages must be at most 5,000 characters.', phone: 'Enter a phone number, like (617) 555-0100.' });
	});

	it('limits each address to five messages an hour, and drops honeypot posts', async () => {
		for (let i = 0; i < 5; i++) await submitContactMessage(visitor(), form(), '203.0.113.9', 'x');
		expect((await domainError(submitContactMessage(visitor(), form(), '203.0.113.9', 'x'))).code).toBe('rate_limited');
		expect(await submitContactMessage(visitor(), form({ leave_empty: 'x' }), '203.0.113.10', 'x')).toBe('discarded');
	});

	it('lets the desk and admins read and mark handled; clinicians and visitors may not', async () => {
		const desk = await as('front_desk');
		const [first] = (await listInbox(desk, 'open')).messages;
		await markContactHandled(desk, first!.id, true);
		const handled = await getContactMessage(desk, first!.id);
		expect(handled.handledAt).not.toBeNull();
		expect(handled.handledByName).toBe('Jordan Lee');
		expect((await listInbox(desk, 'handled')).messages.map((m) => m.id)).toContain(first!.id);
		await markContactHandled(desk, first!.id, false);
		expect((await getContactMessage(desk, first!.id)).handledAt).toBeNull();
		for (const ctx of [await as('clinician'), visitor()]) {
			expect((await domainError(listInbox(ctx, 'open'))).code).toBe('forbidden');
		}
	});
});
