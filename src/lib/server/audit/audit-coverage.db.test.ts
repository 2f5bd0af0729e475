import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { getCalendar } from '../booking/staff-appointments.service';
import { findPatients, getPatientRecord } from '../patients/patient.service';
import { authorChoices, createArticle, updateArticle } from '../content/article.service';
import { replyAsClinic } from '../comments/comment.service';
import { insertComment } from '../comments/comment.repository';
import { describeEachEngine } from '../testing/engines';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { searchAuditTrail } from './audit-query.service';

/**
 * What staff saw is on the record, not only how much: searches and calendar views list the
 * patients they showed; publishing an article or a clinic reply and opening the audit page leave a
 * row; the audit page shows names and plain words.
 */
describeEachEngine('audit coverage', (handle) => {
	const patients: Record<'grace' | 'gus', string> = { grace: '', gus: '' };

	const latest = async (action: string) => {
		const row = await handle.db.selectFrom('auditEvent').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
		return row && { ...row, detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null };
	};
	const as = async (role: 'admin' | 'clinician' | 'front_desk') => testCtx(handle.db, await staffActor(handle.db, role));

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		const provider = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const book = async (start: string, firstName: string, lastName: string, email: string) => {
			const { confirmation } = await bookOnline(
				testCtx(handle.db, anonymous),
				{ service: 'initial-consultation', providerId: provider, start, patient: { firstName, lastName, email, phone: '617-555-0177', dateOfBirth: '1975-06-30' } },
				{ source: 'online' }
			);
			return (await handle.db.selectFrom('appointment').select('patientId').where('id', '=', confirmation.id).executeTakeFirstOrThrow()).patientId;
		};
		patients.grace = await book('2026-12-01T09:00:00-05:00', 'Grace', 'Auditson', 'grace@example.com');
		patients.gus = await book('2026-12-01T10:00:00-05:00', 'Gus', 'Auditson', 'gus@example.com');
	});

	it('records the ids of the patients a search showed, and never the words typed', async () => {
		const found = await findPatients(await as('front_desk'), { q: 'auditson' });
		const row = await latest('patient.searched');
		expect(row?.detail).toEqual({ results: 2, patients: found.map((p) => p.id) });
		expect([...(row!.detail!.patients as string[])].sort()).toEqual([patients.grace, patients.gus].sort());
		expect(JSON.stringify(row)).not.toMatch(/auditson/i);
	});

	it('records the patients on screen in a calendar view', async () => {
		await getCalendar(await as('clinician'), { view: 'day', date: '2026-12-01' });
		const row = await latest('calendar.viewed');
		expect(row?.detail).toMatchObject({ appointments: 2 });
		expect([...(row!.detail!.patients as string[])].sort()).toEqual([patients.grace, patients.gus].sort());
	});

	it('finds those views when an admin filters the trail by one patient', async () => {
		const { rows } = await searchAuditTrail(await as('admin'), { patient: patients.gus });
		const actions = rows.map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['patient.searched', 'calendar.viewed', 'appointment.booked']));
		expect(rows.every((r) => r.patientId === patients.gus || r.detail?.includes(patients.gus))).toBe(true);
	});

	it('records publishing an article and taking it back, but not saving a draft or editing a live one', async () => {
		const ctx = await as('clinician');
		const authorId = (await authorChoices(ctx)).find((a) => a.name === 'Dr. Alex Chen')!.id;
		const form = { title: 'Audited article', slug: '', summary: '', body: 'Text.', tags: '', authorId, serviceId: '', status: 'draft', publishAt: '' };
		const before = (await latest('article.published'))?.id ?? 0;
		const draft = await createArticle(ctx, form);
		expect((await latest('article.published'))?.id ?? 0).toBe(before);
		await updateArticle(ctx, draft.id, { ...form, status: 'published' });
		const published = await latest('article.published');
		expect(published).toMatchObject({ entityType: 'article', entityId: draft.id, actorId: ctx.actor.kind === 'staff' ? ctx.actor.staffId : '' });
		expect(published?.detail).toMatchObject({ status: 'published' });
		// Saving the live article again changes nothing the public sees: no second row.
		await updateArticle(ctx, draft.id, { ...form, title: 'Audited article, edited', status: 'published' });
		expect((await latest('article.published'))?.id).toBe(published?.id);
		await updateArticle(ctx, draft.id, { ...form, status: 'draft' });
		expect(await latest('article.unpublished')).toMatchObject({ entityId: draft.id });
		const created = await createArticle(ctx, { ...form, title: 'Published at once', status: 'published' });
		expect(await latest('article.published')).toMatchObject({ entityId: created.id });
	});

	it('records a clinic reply, and the waiting comment it published', async () => {
		const articleId = (await handle.db.selectFrom('article').select('id').orderBy('createdAt').executeTakeFirstOrThrow()).id;
		const waiting = randomUUID();
		await insertComment(handle.db, {
			id: waiting,
			articleId,
			parentId: null,
			authorName: 'Pat',
			authorEmail: null,
			body: 'Does it hurt?',
			status: 'pending',
			byClinic: false,
			staffId: null,
			mentionsHealth: false,
			ipHash: null,
			bodyHash: randomUUID(),
			now: TEST_NOW
		});
		await replyAsClinic(await as('clinician'), waiting, { body: 'Most people feel a brief twitch.' });
		const reply = await latest('comment.replied');
		expect(reply).toMatchObject({ entityType: 'comment', actorRole: 'clinician' });
		expect(reply?.detail).toEqual({ replyTo: waiting, approvedWaiting: true });
		expect(await latest('comment.moderated')).toMatchObject({ entityId: waiting, detail: { action: 'approve', by: 'reply' } });
	});

	it('records opening the audit page and shows names and plain words, not codes and ids', async () => {
		await getPatientRecord(await as('front_desk'), patients.grace);
		const admin = await as('admin');
		const { rows } = await searchAuditTrail(admin, {});
		const opened = await latest('audit.viewed');
		expect(opened).toMatchObject({ actorId: admin.actor.kind === 'staff' ? admin.actor.staffId : '', outcome: 'success' });
		expect(opened!.detail!.patients).toEqual(expect.arrayContaining([patients.grace, patients.gus]));
		const viewed = rows.find((r) => r.action === 'patient.viewed' && r.patientId === patients.grace)!;
		const deskName = (await staffActor(handle.db, 'front_desk')).name;
		expect(viewed).toMatchObject({ who: deskName, roleLabel: 'Front desk', actionLabel: 'Patient viewed', outcomeLabel: 'Done', about: 'Patient Auditson, Grace', patientName: 'Auditson, Grace' });
		const search = rows.find((r) => r.action === 'patient.searched')!;
		expect(search.actionLabel).toBe('Patients searched');
		expect([...search.patientsShown].sort()).toEqual(['Auditson, Grace', 'Auditson, Gus']);
		const booked = rows.find((r) => r.action === 'appointment.booked')!;
		expect(booked).toMatchObject({ who: 'Anonymous visitor', roleLabel: null, actionLabel: 'Appointment booked', about: 'Appointment' });
	});
});
