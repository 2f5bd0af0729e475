import type { MailMessage } from '../mail/mail';
import type { ContactInput } from '../../shared/contact.schema';

/**
 * The clinic's copy of a website message. Plain text only: the visitor's words are never put into
 * HTML. Reply-To is the visitor, so "Reply" in the mail program answers them.
 */
export function contactNotification(clinic: { name: string; email: string }, message: ContactInput, inboxUrl: string): MailMessage {
	const preferred = message.preferredContact === 'phone' ? `Phone: ${message.phone}` : `Email: ${message.email}`;
	const text = [
		`A message arrived through the ${clinic.name} website.`,
		'',
		`Name: ${message.name}`,
		`Email: ${message.email}`,
		`Phone: ${message.phone || '—'}`,
		`Prefers to be contacted by: ${preferred}`,
		'',
		message.message,
		'',
		`Mark it handled in the staff inbox: ${inboxUrl}`
	].join('\n');
	return {
		to: clinic.email,
		// The name is the visitor's choice: line breaks are removed so it cannot add headers.
		subject: `Website message from ${message.name.replace(/[\r\n]+/g, ' ').slice(0, 80)}`,
		text,
		replyTo: message.email
	};
}
