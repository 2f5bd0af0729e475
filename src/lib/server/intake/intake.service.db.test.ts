import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, staffActor, testCtx } from '../testing/test-context';
import { HEALTH_HISTORY } from '../../shared/intake/health-history';
import type { FormDefinition } from '../../shared/intake/form-definition';
import { createTabletCode, openFormsLink, startTabletSession } from './forms-link.service';
import { publishedVersionOf } from './intake.repository';
import {
	getFormsHub,
	getIntakePage,
	getPatientIntakes,
	getVisitIntake,
	physicianFirstAmong,
	saveIntakePage,
	submitIntake,
	transcribeIntake
} from './intake.service';
import { INTAKE_ALERT_KIND, INTAKE_REMINDER_KIND } from './intake-jobs';

/** TEST_NOW is Friday 2026-11-27 10:00 in Boston; the visits are the next week. */
describeEachEngine('pre-visit intake', (handle) => {
	const ids: Record<string, string> = {};
	const clock = fixedClock(TEST_NOW);
	let ctx: Ctx;
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		for (const row of await handle.db.selectFrom('staff').select(['id', 'email']).execute()) ids[row.email.split('@')[0]!] = row.id;
		ctx = testCtx(handle.db, anonymous, clock);
		ctx.config = { ...ctx.config, origin: 'https://clinic.example' };
	});

	let n = 0;
	/** Books a first visit online and returns its id and the forms token from the queued email. */
	async function firstVisit(start = '2026-12-01T09:00:00-05:00', email = `p${++n}@example.com`) {
		const { confirmation } = await bookOnline(
			ctx,
			{ service: 'initial-consultation', providerId: ids['alex.chen'], start, patient: { firstName: 'Ada', lastName: `Intake ${n}`, email, phone: '(617) 555-0100', dateOfBirth: '1980-04-02' }, note: '' },
			{ source: 'api' }
		);
		const job = await handle.db.selectFrom('job').select('payload').where('key', 'like', `appointment-email:${confirmation.id}:%`).executeTakeFirstOrThrow();
		const formsUrl = (JSON.parse(job.payload) as { formsUrl?: string }).formsUrl;
		return { id: confirmation.id, token: formsUrl?.split('/forms/')[1] ?? '', formsUrl };
	}
	const staff = async (role: 'front_desk' | 'clinician' | 'admin') => testCtx(handle.db, await staffActor(handle.db, role), clock);

	it('links a first visit to its forms with an opaque token (stored hashed) and plans the 48-hour reminder', async () => {
		const visit = await firstVisit();
		expect(visit.formsUrl).toMatch(/^https:\/\/clinic\.example\/forms\/[A-Za-z0-9_-]{43}$/);
		const stored = await handle.db.selectFrom('formsLink').select(['tokenHash', 'via']).where('appointmentId', '=', visit.id).execute();
		expect(stored).toHaveLength(1);
		expect(stored[0]!.tokenHash).not.toContain(visit.token);
		const access = await openFormsLink(ctx, visit.token);
		expect(access).toMatchObject({ appointmentId: visit.id, via: 'email' });
		const reminder = await handle.db.selectFrom('job').select(['runAt']).where('kind', '=', INTAKE_REMINDER_KIND).where('key', 'like', `%${visit.id}%`).executeTakeFirstOrThrow();
		expect(new Date(reminder.runAt).toISOString()).toBe('2026-11-29T14:00:00.000Z');
	});

	it('refuses wrong, malformed and expired tokens with the same not-found error', async () => {
		const visit = await firstVisit('2026-12-01T10:00:00-05:00');
		for (const bad of ['x', 'A'.repeat(43), `${visit.token}x`, undefined]) expect((await domainError(openFormsLink(ctx, bad))).code).toBe('not_found');
		const later = testCtx(handle.db, anonymous, fixedClock(new Date('2026-12-01T16:00:00Z')));
		expect((await domainError(getFormsHub(later, visit.token))).code).toBe('not_found');
	});

	it('saves page by page, resumes, keeps answers tied to the version they answered', async () => {
		const visit = await firstVisit('2026-12-01T11:00:00-05:00');
		await saveIntakePage(ctx, visit.token, 'visit', { reason: 'Sore <b>neck</b>', 'pain-areas': ['neck_front'], 'pain-now': '4', 'pain-worst': '8', nav: 'next' });
		const hub = await getFormsHub(ctx, visit.token);
		expect(hub.intake.status).toBe('in_progress');
		expect(hub.intake.resumeAt).toBe('safety');
		const page = await getIntakePage(ctx, visit.token, 'visit');
		expect(page.answers).toMatchObject({ reason: 'Sore <b>neck</b>', 'pain-areas': ['neck_front'], 'pain-now': 4 });
		const v1 = page.version;

		// A new version of the form is published; the half-done answers stay on the old one.
		const changed: FormDefinition = { ...HEALTH_HISTORY, description: `${HEALTH_HISTORY.description} (revised)` };
		const v2 = await publishedVersionOf(handle.db, (await openFormsLink(ctx, visit.token)).clinicId, changed, TEST_NOW);
		expect(v2.version).toBe(v1 + 1);
		await saveIntakePage(ctx, visit.token, 'safety', { 'red-flags': ['__none'], nav: 'next' });
		expect((await getIntakePage(ctx, visit.token, 'safety')).version).toBe(v1);
		const row = await handle.db.selectFrom('formResponse as r').innerJoin('formDefinition as f', 'f.id', 'r.formId').select(['f.version', 'r.answers']).where('r.appointmentId', '=', visit.id).executeTakeFirstOrThrow();
		expect(row.version).toBe(v1);
		expect(JSON.parse(row.answers)).toMatchObject({ resourceType: 'QuestionnaireResponse', questionnaire: `health-history|${v1}` });
	});

	it('drops an answer whose condition no longer holds, and refuses unknown linkIds, huge answers and bad codes', async () => {
		const visit = await firstVisit('2026-12-02T10:00:00-05:00');
		await saveIntakePage(ctx, visit.token, 'health', { pregnant: 'yes', 'pregnancy-weeks': '12' });
		expect((await getIntakePage(ctx, visit.token, 'health')).answers['pregnancy-weeks']).toBe(12);
		await saveIntakePage(ctx, visit.token, 'health', { pregnant: 'no', 'pregnancy-weeks': '12' });
		expect((await getIntakePage(ctx, visit.token, 'health')).answers['pregnancy-weeks']).toBeUndefined();

		const unknown = await domainError(saveIntakePage(ctx, visit.token, 'health', { 'not-a-question': 'x' }));
		expect(unknown.code).toBe('validation_failed');
		expect(unknown.fieldErrors.form).toContain('not-a-question');
		const huge = await domainError(saveIntakePage(ctx, visit.token, 'medicines', { medications: 'x'.repeat(5000) }));
		expect(huge.fieldErrors.medications).toMatch(/under 2000/);
		expect((await domainError(saveIntakePage(ctx, visit.token, 'health', { pregnant: 'maybe' }))).fieldErrors.pregnant).toBeDefined();
		expect((await domainError(saveIntakePage(ctx, visit.token, 'nowhere', {}))).code).toBe('not_found');
		// Nothing of the refused posts was stored.
		expect((await getIntakePage(ctx, visit.token, 'medicines')).answers.medications).toBeUndefined();
	});

	it('a red flag keeps the patient on the page with the urgent wording, marks the visit and queues one alert', async () => {
		const visit = await firstVisit('2026-12-01T13:00:00-05:00');
		const outcome = await saveIntakePage(ctx, visit.token, 'safety', { 'red-flags': ['chest_pain_or_breathless'], nav: 'next' });
		expect(outcome.go).toEqual({ page: 'safety' });
		const page = await getIntakePage(ctx, visit.token, 'safety');
		expect(page.redFlag?.urgent).toBe(true);
		expect(page.redFlag?.summary).toMatch(/emergency/);
		// Continuing with the same answer goes on.
		expect((await saveIntakePage(ctx, visit.token, 'safety', { 'red-flags': ['chest_pain_or_breathless'], nav: 'next' })).go).toEqual({ page: 'health' });
		const alerts = await handle.db.selectFrom('job').select('payload').where('kind', '=', INTAKE_ALERT_KIND).where('key', '=', `intake-alert:${visit.id}`).execute();
		expect(alerts).toHaveLength(1);

		const clinician = await getVisitIntake(await staff('clinician'), visit.id);
		expect(clinician.alert).toMatchObject({ urgent: true });
		expect(clinician.alert!.redFlags![0]).toMatch(/Chest pain/);
		const desk = await getVisitIntake(await staff('front_desk'), visit.id);
		expect(desk.alert).toMatchObject({ urgent: true, redFlags: null });
		expect(desk.answers).toBeNull();
		expect(desk.precautions).toBeNull();
		const other = await firstVisit('2026-12-02T11:00:00-05:00');
		expect([...(await physicianFirstAmong(await staff('front_desk'), [visit.id, other.id]))]).toEqual([visit.id]);
		expect((await domainError(physicianFirstAmong(ctx, [visit.id]))).code).toBe('forbidden');
	});

	it('submits once: a replayed submit or save is refused and changes nothing; precautions carry sources', async () => {
		const visit = await firstVisit('2026-12-01T14:00:00-05:00');
		expect((await domainError(submitIntake(ctx, visit.token))).fieldErrors).toHaveProperty('reason');
		await saveIntakePage(ctx, visit.token, 'visit', { reason: 'Back pain' });
		await saveIntakePage(ctx, visit.token, 'safety', { 'red-flags': ['__none'] });
		await saveIntakePage(ctx, visit.token, 'health', { 'blood-thinners': 'yes', lymphoedema: 'yes', 'lymphoedema-side': 'left' });
		expect(await submitIntake(ctx, visit.token)).toEqual({ tabletEnded: false });
		expect((await domainError(submitIntake(ctx, visit.token))).code).toBe('conflict');
		expect((await domainError(saveIntakePage(ctx, visit.token, 'visit', { reason: 'changed' }))).code).toBe('conflict');
		const view = await getVisitIntake(await staff('clinician'), visit.id);
		expect(view.status).toBe('submitted');
		expect(view.precautions!.map((p) => p.code)).toEqual(['bleeding', 'lymphoedema']);
		expect(view.precautions![0]!.text).toMatch(/firm pressure/);
		expect(view.precautions![0]!.sourceCitations[0]).toMatch(/Muñoz/);
		expect(view.precautions![1]!.text).toMatch(/left side/);
		expect(view.answers!.flatMap((p) => p.rows).find((r) => r.linkId === 'reason')!.answer).toBe('Back pain');
		const patientId = (await openFormsLink(ctx, visit.token)).patientId;
		const list = await getPatientIntakes(await staff('front_desk'), patientId);
		expect(list[0]).toMatchObject({ status: 'submitted', answers: null });
		const audit = await handle.db.selectFrom('auditEvent').select(['action', 'patientId']).where('entityId', '=', visit.id).where('action', 'like', 'intake.%').execute();
		expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['intake.saved', 'intake.submitted', 'intake.viewed']));
		expect(audit.every((a) => a.patientId === patientId)).toBe(true);
	});

	it('tablet: a one-time code opens only that visit, and the tablet session ends on submit', async () => {
		const visit = await firstVisit('2026-12-01T15:00:00-05:00');
		expect((await domainError(createTabletCode(testCtx(handle.db, anonymous, clock), visit.id))).code).toBe('forbidden');
		const { code } = await createTabletCode(await staff('front_desk'), visit.id);
		expect(code).toMatch(/^[A-Z2-9]{8}$/);
		const token = await startTabletSession(ctx, code.toLowerCase());
		expect((await domainError(startTabletSession(ctx, code))).code).toBe('validation_failed');
		const access = await openFormsLink(ctx, token);
		expect(access).toMatchObject({ appointmentId: visit.id, via: 'tablet' });
		await saveIntakePage(ctx, token, 'visit', { reason: 'Knee' });
		await saveIntakePage(ctx, token, 'safety', { 'red-flags': ['__none'] });
		expect(await submitIntake(ctx, token)).toEqual({ tabletEnded: true });
		expect((await domainError(getFormsHub(ctx, token))).code).toBe('not_found');
		// The email link still shows the (sent) forms until the visit.
		expect((await getFormsHub(ctx, visit.token)).intake.status).toBe('submitted');
	});

	it('staff transcribe a paper form, recorded as entered by staff; only clinicians may', async () => {
		const visit = await firstVisit('2026-12-02T09:00:00-05:00');
		expect((await domainError(transcribeIntake(await staff('front_desk'), visit.id, { reason: 'x' }))).code).toBe('forbidden');
		const clinician = await staff('clinician');
		const bad = await domainError(transcribeIntake(clinician, visit.id, { reason: 'Hip', 'pain-now': '11' }));
		expect(bad.fieldErrors).toHaveProperty('pain-now');
		await transcribeIntake(clinician, visit.id, { reason: 'Hip', 'red-flags': ['__none'], 'needle-fear': 'yes' });
		const view = await getVisitIntake(clinician, visit.id);
		expect(view).toMatchObject({ status: 'submitted', enteredBy: 'staff' });
		expect(view.precautions!.map((p) => p.level)).toEqual(['stop']);
	});
});
