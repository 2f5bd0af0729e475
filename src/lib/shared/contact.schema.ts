import { z } from 'zod';
import { blankAsMissing, emailAddress, phoneNumber, requiredText } from './form-values';
import { HONEYPOT_FIELD } from './comment.schema';

export const MAX_CONTACT_CHARS = 5000;
export const CONTACT_METHODS = ['email', 'phone'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const contactInput = z
	.object({
		name: requiredText(120, 'Name'),
		email: emailAddress,
		phone: blankAsMissing(phoneNumber),
		message: z
			.string({ error: 'Write a message.' })
			.trim()
			.min(1, 'Write a message.')
			.max(MAX_CONTACT_CHARS, `Messages must be at most ${MAX_CONTACT_CHARS.toLocaleString('en-US')} characters.`),
		preferredContact: z.enum(CONTACT_METHODS, { error: 'Choose how we should contact you.' }),
		[HONEYPOT_FIELD]: z.string().default(''),
		formToken: z.string().default('')
	})
	.superRefine((value, ctx) => {
		if (value.preferredContact === 'phone' && !value.phone) {
			ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number so we can call you back.' });
		}
	});
export type ContactInput = z.infer<typeof contactInput>;
