import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { anonymous, type StaffActor } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { cancelByStaff, getCalendar, getStaffAppointment, staffBookingOptions } from '../booking/staff-appointments.service';
import { findPatients, getPatientRecord } from '../patients/patient.service';
import { getArticleForEditing, listArticlesForStaff } from '../content/article.service';
import { getContactMessage, listInbox } from '../contact/contact.service';
import { insertContactMessage } from '../contact/contact.repository';
import { searchAuditTrail } from '../audit/audit-query.service';
import { listStaff } from '../staff/staff.service';
import { findLiveArticle } from '../content/public-articles.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { addSecondClinic, type SecondClinic } from '../testing/second-clinic';
import { TEST_NOW, staffActor, testCtx } from '../testing/test-context';
import { addClosure, addWorkingHours, closuresPage, getProviderSchedule, removeScheduleRow } from '../scheduling/schedule-admin.service';
import { getClinic } from './clinic.service';

/**
 * Two clinics in one database: each staff member works in their own clinic (from their session),
 * and reaches none of the other clinic's patients, appointments, articles or messages, whether
 * by a list, a search or an id. The public site stays the first clinic's.
 */
describeEachEngine('one clinic per actor', (handle) => {
	let harbor: SecondClinic;
	const boston: { patientId: string; appointmentId: string; articleId: string; contactMessageId: string; staff: Record<string, StaffActor> } = {
		patientId: '',
		appointmentId: '',
		articleId: '',
		contactMessageId: '',
		staff: {}
	};
	const week = { view: 'week' as const, date: '2026-12-01' };

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		const provider = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const booked = await bookOnline(
			testCtx(handle.db, anonymous),
			{ service: 'initial-consultation', providerId: provider, start: '2026-12-01T09:00:00-05:00', patient: { firstName: 'Grace', lastName: 'Bostonian', email: 'grace@example.com', phone: '617-555-0177', dateOfBirth: '1975-06-30' } },
			{ source: 'online' }
		);
		boston.appointmentId = booked.confirmation.id;
		boston.patientId = (await handle.db.selectFrom('appointment').select('patientId').where('id', '=', boston.appointmentId).executeTakeFirstOrThrow()).patientId;
		boston.articleId = (await handle.db.selectFrom('article').select('id').orderBy('createdAt').executeTakeFirstOrThrow()).id;
		boston.contactMessageId = randomUUID();
		const clinicId = (await getClinic(testCtx(handle.db, anonymous))).id;
		await insertContactMessage(handle.db, { id: boston.contactMessageId, clinicId, name: 'Grace Bostonian', email: 'grace@example.com', phone: '', message: 'Parking?', preferredContact: 'email', ipHash: null, bodyHash: randomUUID(), now: TEST_NOW });
		for (const role of ['admin', 'clinician', 'front_desk'] as const) boston.staff[role] = await staffActor(handle.db, role);
		harbor = await addSecondClinic(handle.db, { now: TEST_NOW, appointmentStart: new Date('2026-12-01T15:00:00Z') });
	});

	const as = (actor: StaffActor) => testCtx(handle.db, actor);

	it('works in the actor’s own clinic; anonymous visitors get the site’s clinic', async () => {
		expect((await getClinic(as(harbor.staff.front_desk))).name).toBe('Harbor Needling');
		expect((await getClinic(as(boston.staff.front_desk!))).name).toBe('Boston Spine');
		expect((await getClinic(testCtx(handle.db, anonymous))).name).toBe('Boston Spine');
		expect((await listStaff(as(harbor.staff.admin))).map((s) => s.name).sort()).toEqual(['Harbor admin', 'Harbor clinician', 'Harbor front desk']);
	});

	it('keeps patients apart by search and by id', async () => {
		for (const role of ['front_desk', 'clinician', 'admin'] as const) {
			const mine = as(harbor.staff[role]);
			expect((await findPatients(mine, { q: 'Harborview' })).map((p) => p.id)).toEqual([harbor.patientId]);
			expect(await findPatients(mine, { q: 'Bostonian' })).toEqual([]);
			expect((await domainError(getPatientRecord(mine, boston.patientId))).code).toBe('not_found');
			expect((await getPatientRecord(mine, harbor.patientId)).appointments.map((a) => a.id)).toEqual([harbor.appointmentId]);
			const theirs = as(boston.staff[role]!);
			expect(await findPatients(theirs, { q: 'Harborview' })).toEqual([]);
			expect((await domainError(getPatientRecord(theirs, harbor.patientId))).code).toBe('not_found');
		}
		expect((await staffBookingOptions(as(harbor.staff.front_desk), { patientId: boston.patientId })).patient).toBeUndefined();
	});

	it('keeps appointments apart in the calendar and by id', async () => {
		const ids = async (actor: StaffActor) => (await getCalendar(as(actor), week)).days.flatMap((d) => d.entries.map((e) => e.id));
		expect(await ids(harbor.staff.front_desk)).toEqual([harbor.appointmentId]);
		expect(await ids(boston.staff.front_desk!)).toEqual([boston.appointmentId]);
		expect((await getCalendar(as(harbor.staff.front_desk), week)).providers.map((p) => p.name)).toEqual(['Harbor clinician']);
		expect((await domainError(getStaffAppointment(as(harbor.staff.clinician), boston.appointmentId))).code).toBe('not_found');
		expect((await domainError(getStaffAppointment(as(boston.staff.clinician!), harbor.appointmentId))).code).toBe('not_found');
		expect((await domainError(cancelByStaff(as(boston.staff.front_desk!), harbor.appointmentId, { requestedBy: 'clinic', reason: 'Clinic closed that day.' }))).code).toBe('not_found');
		expect((await getStaffAppointment(as(harbor.staff.clinician), harbor.appointmentId)).patient.id).toBe(harbor.patientId);
	});

	it('keeps articles apart for staff; the public site shows the site clinic’s only', async () => {
		const listed = (await listArticlesForStaff(as(harbor.staff.clinician))).map((a) => a.id);
		expect(listed).toEqual([harbor.articleId]);
		expect((await listArticlesForStaff(as(boston.staff.clinician!))).map((a) => a.id)).not.toContain(harbor.articleId);
		expect((await domainError(getArticleForEditing(as(harbor.staff.admin), boston.articleId))).code).toBe('not_found');
		expect((await domainError(getArticleForEditing(as(boston.staff.admin!), harbor.articleId))).code).toBe('not_found');
		expect((await domainError(findLiveArticle(testCtx(handle.db, anonymous), harbor.articleSlug))).code).toBe('not_found');
	});

	it('keeps contact messages apart in the inbox and by id', async () => {
		expect((await listInbox(as(harbor.staff.front_desk), 'open')).messages.map((m) => m.id)).toEqual([harbor.contactMessageId]);
		expect((await listInbox(as(boston.staff.front_desk!), 'open')).messages.map((m) => m.id)).toEqual([boston.contactMessageId]);
		expect((await domainError(getContactMessage(as(harbor.staff.admin), boston.contactMessageId))).code).toBe('not_found');
		expect((await domainError(getContactMessage(as(boston.staff.admin!), harbor.contactMessageId))).code).toBe('not_found');
	});

	it('keeps schedules apart: no changes to the other clinic’s clinicians, closures or locations', async () => {
		const bostonClinician = boston.staff.clinician!.staffId;
		const hoursRow = (await handle.db.selectFrom('providerHours').select(['id', 'locationId']).where('staffId', '=', bostonClinician).executeTakeFirstOrThrow());
		const admin = as(harbor.staff.admin);
		expect((await domainError(getProviderSchedule(admin, bostonClinician))).code).toBe('not_found');
		expect((await domainError(removeScheduleRow(admin, bostonClinician, 'providerHours', { id: hoursRow.id }))).code).toBe('not_found');
		expect(await handle.db.selectFrom('providerHours').select('id').where('id', '=', hoursRow.id).executeTakeFirst()).toBeDefined();
		const harborClinician = harbor.staff.clinician.staffId;
		const wrongPlace = await domainError(addWorkingHours(admin, harborClinician, { locationId: hoursRow.locationId, weekday: '1', start: '09:00', end: '12:00' }));
		expect(wrongPlace.fieldErrors).toHaveProperty('locationId');
		const closure = await domainError(addClosure(admin, { date: '2026-12-24', locationId: hoursRow.locationId }));
		expect(closure.fieldErrors).toHaveProperty('locationId');
		expect((await closuresPage(admin)).providers.map((p) => p.name)).toEqual(['Harbor clinician']);
	});

	it('shows an admin the audit trail of their own clinic only', async () => {
		const harborRows = (await searchAuditTrail(as(harbor.staff.admin), {})).rows;
		expect(harborRows.length).toBeGreaterThan(0);
		expect(harborRows.every((r) => r.actorId === null || Object.values(harbor.staff).some((s) => s.staffId === r.actorId))).toBe(true);
		expect(harborRows.some((r) => r.patientId === boston.patientId)).toBe(false);
		const bostonRows = (await searchAuditTrail(as(boston.staff.admin!), {})).rows;
		expect(bostonRows.some((r) => r.patientId === boston.patientId)).toBe(true);
		expect(bostonRows.some((r) => Object.values(harbor.staff).some((s) => s.staffId === r.actorId))).toBe(false);
	});
});
