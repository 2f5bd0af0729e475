import { writeTransaction } from '../db/write-transaction';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { recordAudit } from '../audit/audit.service';
import { authorize } from '../auth/policy';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { getClinic } from '../clinic/clinic.service';
import { contentFingerprint } from '../anti-spam/keyed-hash';
import { checkFormSignals, clientKey, CONTACT_LIMIT, takeRateLimit } from '../anti-spam/spam-guard';
import { HONEYPOT_FIELD } from '../../shared/comment.schema';
import { contactInput } from '../../shared/contact.schema';
import type { ContactMessage } from './contact';
import { contactNotification } from './contact-mail';
import * as messages from './contact.repository';

const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ContactOutcome = 'sent' | 'duplicate' | 'discarded';

/**
 * Stores a website message, then emails it to the clinic. The message is kept even if the email
 * fails (the staff inbox still shows it), and a second press of "Send" stores nothing twice.
 */
export async function submitContactMessage(ctx: Ctx, input: unknown, clientAddress: string, inboxUrl: string): Promise<ContactOutcome> {
	const parsed = parseInput(contactInput, input);
	if (checkFormSignals(ctx, { honeypot: parsed[HONEYPOT_FIELD], formToken: parsed.formToken }) === 'bot') return 'discarded';
	const clinic = await getClinic(ctx);
	const now = ctx.clock.now();
	const ipHash = clientKey(ctx, clientAddress);
	const bodyHash = contentFingerprint(ctx.config.appSecret, parsed.email, parsed.message);
	const id = randomUUID();
	const stored = await writeTransaction(ctx.db, async (trx) => {
		if (await messages.recentDuplicate(trx, clinic.id, bodyHash, new Date(now.getTime() - DUPLICATE_WINDOW_MS))) return false;
		await takeRateLimit(trx, CONTACT_LIMIT, ipHash, now);
		await messages.insertContactMessage(trx, {
			id,
			clinicId: clinic.id,
			name: parsed.name,
			email: parsed.email,
			phone: parsed.phone ?? '',
			message: parsed.message,
			preferredContact: parsed.preferredContact,
			ipHash,
			bodyHash,
			now
		});
		return true;
	});
	if (!stored) return 'duplicate';
	try {
		await ctx.mail.send(contactNotification(clinic, { ...parsed, phone: parsed.phone }, inboxUrl));
		await messages.markMailSent(ctx.db, id);
	} catch (error) {
		// Only the error's class: the message text may quote the visitor's address.
		ctx.log.error({ event: 'contact_mail_failed', errorName: error instanceof Error ? error.name : typeof error });
	}
	return 'sent';
}

export type Inbox = { messages: ContactMessage[]; open: number; showing: 'open' | 'handled' };

export async function listInbox(ctx: Ctx, showing: 'open' | 'handled'): Promise<Inbox> {
	authorize(ctx.actor, 'contact:read');
	const clinic = await getClinic(ctx);
	return {
		messages: await messages.listContactMessages(ctx.db, clinic.id, showing === 'handled', 200),
		open: await messages.countOpen(ctx.db, clinic.id),
		showing
	};
}

export async function getContactMessage(ctx: Ctx, id: string): Promise<ContactMessage> {
	authorize(ctx.actor, 'contact:read');
	const clinic = await getClinic(ctx);
	const message = await messages.findContactMessage(ctx.db, clinic.id, id);
	if (!message) throw notFound('message');
	// Messages from the public can hold health details: each reading is on the record.
	await recordAudit(ctx, { action: 'contact.viewed', entityType: 'contact_message', entityId: message.id });
	return message;
}

export async function markContactHandled(ctx: Ctx, id: string, handled: boolean): Promise<void> {
	const message = await getContactMessage(ctx, id);
	const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
	await messages.setHandled(ctx.db, message.id, staffId, handled ? ctx.clock.now() : null);
	await recordAudit(ctx, { action: 'contact.handled', entityType: 'contact_message', entityId: message.id, detail: { handled } });
}
