import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Mailer, MailMessage, SentMail } from './mail';

function toNodemailer(from: string, message: MailMessage): SendMailOptions {
	return {
		from,
		to: message.to,
		replyTo: message.replyTo,
		subject: message.subject,
		messageId: message.messageId,
		text: message.text,
		html: message.html,
		attachments: message.attachments?.map((a) => ({
			filename: a.filename,
			content: a.content,
			contentType: a.contentType
		}))
	};
}

/** Real delivery through an SMTP server (SMTP_URL, e.g. smtp://user:pass@host:587). */
export function smtpMailer(url: string, from: string): Mailer {
	const transport = nodemailer.createTransport(url);
	return {
		async send(message): Promise<SentMail> {
			const info = await transport.sendMail(toNodemailer(from, message));
			return { messageId: info.messageId };
		}
	};
}

/**
 * Writes a file under a temporary name, then renames it: a process killed mid-write leaves either
 * the whole file or none (plus an ignored .tmp), never a truncated message or index. The sender
 * relies on this to tell after a crash whether a message was written.
 */
async function writeWhole(path: string, data: Buffer | string): Promise<void> {
	const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, path);
}

export type OutboxEntry = {
	file: string;
	messageId: string;
	to: string;
	subject: string;
	createdAt: string;
};

/**
 * Development and demo delivery: each message is written to the outbox folder as a complete .eml
 * file (openable in any mail program) with a small .json index beside it.
 */
export function outboxMailer(dir: string, from: string, now: () => Date): Mailer {
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(message): Promise<SentMail> {
			const info = await transport.sendMail(toNodemailer(from, message));
			const createdAt = now().toISOString();
			const base = `${createdAt.replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
			await mkdir(dir, { recursive: true });
			await writeWhole(join(dir, `${base}.eml`), info.message as Buffer);
			const entry: OutboxEntry = { file: `${base}.eml`, messageId: info.messageId, to: message.to, subject: message.subject, createdAt };
			await writeWhole(join(dir, `${base}.json`), JSON.stringify(entry));
			return { messageId: info.messageId };
		}
	};
}
