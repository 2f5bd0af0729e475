import { z } from 'zod';
import { CREDENTIAL_CODES } from './credentials';
import {
	calendarDate,
	checkbox,
	emailAddress,
	phoneNumber,
	blankAsMissing,
	numberInRange,
	optionalWholeNumber,
	priceInCents,
	requiredText,
	trimmed,
	wholeNumber
} from './form-values';
import { STAFF_ROLES } from './roles';
import { SERVICE_KINDS } from './service-kinds';

export const address = {
	street: requiredText(200, 'Street'),
	city: requiredText(100, 'City'),
	region: requiredText(100, 'State or region'),
	postalCode: requiredText(20, 'Postal code'),
	country: requiredText(2, 'Country').regex(/^[A-Z]{2}$/i, 'Country must be a two-letter code, like US.').toUpperCase()
};

export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone.includes('/') || zone === 'UTC';
	} catch {
		return false;
	}
}

const clockTime = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 08:00 or 17:30.');

/**
 * One opening range of the weekly timetable. The form has two ranges per weekday (14 slots,
 * index = (weekday - 1) * 2 + n); a slot with both times empty means "not open".
 */
export const openingSlot = z
	.object({
		weekday: z.number().int().min(1).max(7),
		opens: clockTime.or(z.literal('')),
		closes: clockTime.or(z.literal(''))
	})
	.superRefine((slot, ctx) => {
		if (slot.opens === '' && slot.closes !== '')
			ctx.addIssue({ code: 'custom', path: ['opens'], message: 'Enter the opening time too.' });
		if (slot.opens !== '' && slot.closes === '')
			ctx.addIssue({ code: 'custom', path: ['closes'], message: 'Enter the closing time too.' });
		if (slot.opens !== '' && slot.closes !== '' && slot.opens >= slot.closes)
			ctx.addIssue({ code: 'custom', path: ['closes'], message: 'Closing time must be after opening time.' });
	});

export const OPENING_SLOTS_PER_DAY = 2;

export const clinicDetailsInput = z.object({
	name: requiredText(120, 'Clinic name'),
	timeZone: z
		.string()
		.trim()
		.refine(isTimeZone, 'Choose a time zone from the list, like America/New_York.'),
	...address,
	phone: phoneNumber,
	email: emailAddress,
	hours: z.array(openingSlot).max(7 * OPENING_SLOTS_PER_DAY)
});
export type ClinicDetailsInput = z.infer<typeof clinicDetailsInput>;

export const locationInput = z.object({
	name: requiredText(120, 'Name'),
	...address,
	phone: phoneNumber,
	active: checkbox
});
export type LocationInput = z.infer<typeof locationInput>;

const slug = z
	.string()
	.trim()
	.toLowerCase()
	.max(80, 'Slug must be at most 80 characters.')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Slug may use lower-case letters, digits and single hyphens.');

const credentialList = z
	.array(z.enum(CREDENTIAL_CODES, { error: 'Unknown credential.' }))
	.transform((codes) => [...new Set(codes)]);

export const serviceInput = z.object({
	name: requiredText(120, 'Name'),
	slug: slug.or(z.literal('')).optional(),
	kind: z.enum(SERVICE_KINDS, { error: 'Choose a kind of service.' }),
	description: trimmed(4000, 'Description'),
	durationMinutes: wholeNumber('Duration', 5, 480),
	bufferBeforeMinutes: optionalWholeNumber('Buffer before', 0, 240, 0),
	bufferAfterMinutes: optionalWholeNumber('Buffer after', 0, 240, 0),
	price: priceInCents,
	bookableOnline: checkbox,
	requiresDryNeedlingCertification: checkbox,
	credentials: credentialList,
	active: checkbox,
	// Booking rules: the slot grid, how soon and how far ahead patients may book online, and
	// whether first-time patients must start with a consultation.
	slotIntervalMinutes: optionalWholeNumber('Slot interval', 5, 240, 15),
	minNoticeHours: optionalWholeNumber('Minimum notice', 0, 720, 12),
	horizonDays: optionalWholeNumber('Booking horizon', 1, 730, 60),
	newPatientsNeedConsultation: checkbox
});
export type ServiceInput = z.infer<typeof serviceInput>;

export const staffInput = z
	.object({
		name: requiredText(120, 'Name'),
		email: emailAddress,
		role: z.enum(STAFF_ROLES, { error: 'Choose a role.' }),
		bio: trimmed(4000, 'Bio'),
		active: checkbox,
		credentials: credentialList,
		dnCertifiedOn: blankAsMissing(calendarDate('Certification date')),
		dnHours: blankAsMissing(numberInRange('Training hours', 1, 2000)),
		dnCourse: trimmed(200, 'Course'),
		password: z
			.string()
			.max(128, 'Password must be at most 128 characters.')
			.refine((p) => p === '' || p.length >= 12, 'Password must be at least 12 characters.')
			.default('')
	})
	.superRefine((s, ctx) => {
		if (s.dnCertifiedOn !== undefined && s.dnHours === undefined)
			ctx.addIssue({ code: 'custom', path: ['dnHours'], message: 'Enter the training hours of the certification.' });
		if (s.dnCertifiedOn === undefined && s.dnHours !== undefined)
			ctx.addIssue({ code: 'custom', path: ['dnCertifiedOn'], message: 'Enter the date of the certification.' });
	});
export type StaffInput = z.infer<typeof staffInput>;
