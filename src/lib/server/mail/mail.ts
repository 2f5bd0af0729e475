/** An email as the application composes it; transports turn it into RFC 5322 and send or store it. */
export type MailAttachment = {
	filename: string;
	/** Text (an invite) or bytes (a PDF). */
	content: string | Buffer;
	contentType: string;
};

export type MailMessage = {
	to: string;
	subject: string;
	text: string;
	html?: string;
	replyTo?: string;
	attachments?: MailAttachment[];
	/**
	 * A Message-ID chosen by the caller ("<id@host>"), so that after a crash the sender can look
	 * for this exact message (the outbox index records it). Generated when absent.
	 */
	messageId?: string;
};

export type SentMail = { messageId: string };

export interface Mailer {
	send(message: MailMessage): Promise<SentMail>;
}

/** Keeps messages in memory: for tests that assert what would have been sent. */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return {
		sent,
		async send(message) {
			sent.push(message);
			return { messageId: message.messageId ?? `<memory-${sent.length}@needlepoint.local>` };
		}
	};
}
