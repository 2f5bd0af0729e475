import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actor';
import type { DB } from '../db/schema';
import type { StaffRole } from '../../shared/roles';

/**
 * A second clinic in the same database, written straight into its tables (no service would create
 * one: an installation is set up with one clinic). It has its own staff, a patient with an
 * appointment, a published article and a contact message, so tests can prove that the staff of
 * one clinic never reach the other's records.
 */
export type SecondClinic = {
	clinicId: string;
	locationId: string;
	serviceId: string;
	staff: Record<StaffRole, StaffActor>;
	patientId: string;
	appointmentId: string;
	articleId: string;
	articleSlug: string;
	contactMessageId: string;
	/** Words that appear in this clinic's patient, so a search for them must find nothing elsewhere. */
	patientSearch: string;
};

/** `passwordHash` lets its staff sign in (e2e); the emails are `<role>@harbor.example`. */
export async function addSecondClinic(db: Kysely<DB>, options: { now: Date; appointmentStart: Date; passwordHash?: string }): Promise<SecondClinic> {
	// Created after the first clinic, which therefore stays the public site's clinic.
	const now = new Date(options.now.getTime() + 60_000).toISOString();
	const clinicId = randomUUID();
	const locationId = randomUUID();
	const serviceId = randomUUID();
	const patientId = randomUUID();
	const appointmentId = randomUUID();
	const articleId = randomUUID();
	const contactMessageId = randomUUID();
	const address = { street: '1 Harbor Way', city: 'Portland', region: 'ME', postalCode: '04101', country: 'US' };
	await db
		.insertInto('clinic')
		.values({ id: clinicId, name: 'Harbor Needling', timeZone: 'America/New_York', ...address, phone: '207-555-0100', email: 'hello@harbor.example', isDemo: 0, createdAt: now, updatedAt: now })
		.execute();
	await db.insertInto('location').values({ id: locationId, clinicId, name: 'Harbor studio', ...address, phone: '207-555-0100', active: 1, createdAt: now, updatedAt: now }).execute();
	await db
		.insertInto('service')
		.values({
			id: serviceId,
			clinicId,
			name: 'Harbor dry needling',
			slug: 'dry-needling',
			kind: 'dry_needling',
			description: 'Dry needling at the harbor.',
			durationMinutes: 30,
			bufferBeforeMinutes: 0,
			bufferAfterMinutes: 0,
			priceCents: 9000,
			bookableOnline: 1,
			requiresDryNeedlingCertification: 0,
			active: 1,
			sortOrder: 1,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	const staff = {} as Record<StaffRole, StaffActor>;
	for (const role of ['admin', 'clinician', 'front_desk'] as const) {
		const id = randomUUID();
		const name = `Harbor ${role.replace('_', ' ')}`;
		const email = `${role}@harbor.example`;
		await db.insertInto('staff').values({ id, clinicId, name, email, role, bio: '', active: 1, passwordHash: options.passwordHash ?? null, dnCertifiedOn: null, dnHours: null, dnCourse: null, mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, passwordChangedAt: null, createdAt: now, updatedAt: now }).execute();
		staff[role] = { kind: 'staff', staffId: id, clinicId, role, name, email };
	}
	await db
		.insertInto('patient')
		.values({ id: patientId, clinicId, firstName: 'Quentin', lastName: 'Harborview', email: 'quentin@example.com', phone: '207-555-0142', dateOfBirth: '1979-03-14', mergedIntoId: null, createdAt: now, updatedAt: now })
		.execute();
	const start = options.appointmentStart.toISOString();
	const end = new Date(options.appointmentStart.getTime() + 30 * 60_000).toISOString();
	await db
		.insertInto('appointment')
		.values({
			id: appointmentId,
			clinicId,
			serviceId,
			providerId: staff.clinician.staffId,
			locationId,
			patientId,
			startsAt: start,
			endsAt: end,
			blockedFrom: start,
			blockedUntil: end,
			source: 'staff',
			screening: JSON.stringify({ recommendation: 'dry_needling', clinicianReview: true, precautions: ['pregnant'] }),
			manageTokenHash: null,
			createdBy: staff.front_desk.staffId,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	await db
		.insertInto('article')
		.values({ id: articleId, clinicId, slug: 'harbor-news', title: 'News from the harbor', bodyMarkdown: 'Open on Saturdays.', status: 'published', publishedAt: now, authorId: staff.clinician.staffId, serviceId: null, coverImageId: null, createdAt: now, updatedAt: now })
		.execute();
	await db
		.insertInto('contactMessage')
		.values({ id: contactMessageId, clinicId, name: 'Rosa Harborview', email: 'rosa@example.com', phone: '', message: 'Do you open on Sundays?', preferredContact: 'email', ipHash: null, bodyHash: randomUUID(), createdAt: now, handledAt: null, handledBy: null })
		.execute();
	return { clinicId, locationId, serviceId, staff, patientId, appointmentId, articleId, articleSlug: 'harbor-news', contactMessageId, patientSearch: 'Harborview' };
}
