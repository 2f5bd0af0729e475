import type { ContactMethod } from '../../shared/contact.schema';

export type ContactMessage = {
	id: string;
	name: string;
	email: string;
	phone: string;
	message: string;
	preferredContact: ContactMethod;
	mailSent: boolean;
	createdAt: Date;
	handledAt: Date | null;
	handledByName: string | null;
};
