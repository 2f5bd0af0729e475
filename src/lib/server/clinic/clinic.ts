import type { CredentialCode } from '../../shared/credentials';
import type { ServiceKind } from '../../shared/service-kinds';

export type Address = {
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
};

/** Opening hours as wall-clock times in the clinic's zone; weekday 1 = Monday … 7 = Sunday. */
export type OpeningRange = { weekday: number; opens: string; closes: string };

export type Clinic = Address & {
	id: string;
	name: string;
	timeZone: string;
	phone: string;
	email: string;
	isDemo: boolean;
	hours: OpeningRange[];
	updatedAt: Date;
};

export type Location = Address & {
	id: string;
	clinicId: string;
	name: string;
	phone: string;
	active: boolean;
};

export type ClinicService = {
	id: string;
	clinicId: string;
	name: string;
	slug: string;
	kind: ServiceKind;
	description: string;
	durationMinutes: number;
	bufferBeforeMinutes: number;
	bufferAfterMinutes: number;
	priceCents: number;
	bookableOnline: boolean;
	requiresDryNeedlingCertification: boolean;
	/** Credentials of which a provider must hold at least one. */
	credentials: CredentialCode[];
	active: boolean;
	sortOrder: number;
	/** Booking rules (issue 6): slot grid, minimum notice, how far ahead, consultation first. */
	slotIntervalMinutes: number;
	minNoticeMinutes: number;
	horizonDays: number;
	newPatientsNeedConsultation: boolean;
};

/** "Initial Consultation (45 min)!" → "initial-consultation-45-min". */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
}
