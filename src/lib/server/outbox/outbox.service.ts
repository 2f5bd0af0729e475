import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { notFound } from '../errors';
import { listOutbox, readOutboxMessage } from '../mail/outbox';
import { parseEml } from './eml';
import { listUncertainDeliveries, type UncertainDelivery } from './uncertain-deliveries.repository';

export type OutboxListing =
	| { mode: 'smtp'; timeZone: string; uncertain: UncertainDelivery[] }
	| {
			mode: 'outbox';
			timeZone: string;
			uncertain: UncertainDelivery[];
			messages: Array<{ file: string; to: string; subject: string; createdAt: string }>;
	  };

export const OUTBOX_PAGE_SIZE = 200;

/**
 * The messages written to the outbox folder (no SMTP_URL), newest first, for admins. Recipients
 * and subjects are patient data, so each look is audited.
 */
export async function listOutboxMessages(ctx: Ctx): Promise<OutboxListing> {
	authorize(ctx.actor, 'outbox:read');
	const { timeZone } = await getClinic(ctx);
	const uncertain = await listUncertainDeliveries(ctx.db);
	if (ctx.config.mail.smtpUrl) return { mode: 'smtp', timeZone, uncertain };
	const entries = (await listOutbox(ctx.config.mail.outboxDir)).slice(0, OUTBOX_PAGE_SIZE);
	await recordAudit(ctx, { action: 'outbox.viewed', detail: { count: entries.length } });
	return {
		mode: 'outbox',
		timeZone,
		uncertain,
		messages: entries.map((e) => ({ file: e.file, to: e.to, subject: e.subject, createdAt: e.createdAt }))
	};
}

export type OutboxMessage = {
	file: string;
	headers: { from: string; to: string; subject: string; date: string; messageId: string };
	text: string;
	hasHtml: boolean;
	attachments: Array<{ filename: string; contentType: string; text: string | undefined }>;
};

/** One outbox message, decoded for reading: its text version and its attachments (invites). */
export async function readOutboxEmail(ctx: Ctx, file: string): Promise<OutboxMessage> {
	authorize(ctx.actor, 'outbox:read');
	if (ctx.config.mail.smtpUrl) throw notFound('message');
	const raw = await readOutboxMessage(ctx.config.mail.outboxDir, file);
	if (raw === undefined) throw notFound('message');
	const parsed = parseEml(raw);
	await recordAudit(ctx, { action: 'outbox.message_viewed', entityType: 'outbox_message', entityId: file });
	const h = parsed.headers;
	const text = parsed.parts.find((p) => p.contentType === 'text/plain' && !p.filename);
	return {
		file,
		headers: { from: h.from ?? '', to: h.to ?? '', subject: h.subject ?? '', date: h.date ?? '', messageId: h['message-id'] ?? '' },
		text: text?.text ?? '',
		hasHtml: parsed.parts.some((p) => p.contentType === 'text/html'),
		attachments: parsed.parts
			.filter((p) => p.filename)
			.map((p) => ({
				filename: p.filename!,
				contentType: p.contentType,
				text: p.contentType.startsWith('text/') ? p.text : undefined
			}))
	};
}
