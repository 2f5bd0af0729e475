import pino from 'pino';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { anonymous, type StaffActor } from '../auth/actor';
import { bookOnline } from '../booking/booking.service';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { createJobWorker } from '../jobs/worker';
import { memoryMailer } from '../mail/mail';
import { matchOrInsertPatient } from '../patients/patient.repository';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, staffActor, testCtx } from '../testing/test-context';
import { consentHash } from './consent-document';
import { consentCopyHandler } from './consent-copy';
import { ensureDefaultConsentDocuments, publishConsentDocument, publishedConsentDocuments, updateConsentSettings } from './consent-document.service';
import { loadConsentForSigning, signConsentFromForm } from './consent-signing-page';
import { consentStatus, needlingVisitsWithoutConsent, pendingConsents, visitConsentStatus, withdrawConsent, type ConsentSubject } from './consent.service';
import { DEFAULT_DOCUMENTS, DRY_NEEDLING_NOT_ACUPUNCTURE } from './default-documents';
import { pdfText } from './pdf-text.fixture';

describeEachEngine('consent', (handle) => {
	const clock = fixedClock(TEST_NOW); // Friday 27 November 2026, 10:00 in Boston
	let clinicId = '';
	let adult = '';
	let minor = '';
	let visit = '';
	let desk: StaffActor;
	let clinician: StaffActor;
	let admin: StaffActor;
	const ctxAs = (actor: Ctx['actor']) => testCtx(handle.db, actor, clock);
	const staffSubject = (patientId: string): ConsentSubject => ({ patientId, clinicId, via: 'staff' });
	const today = '2026-11-27';

	function form(fields: Record<string, string>, doc: { version: number; hash: string }): FormData {
		const data = new FormData();
		for (const [k, v] of Object.entries({ version: String(doc.version), hash: doc.hash, date: today, agree: 'yes', ...fields })) data.set(k, v);
		return data;
	}

	beforeAll(async () => {
		await seedDemoClinic(handle.db, clock);
		expect(await ensureDefaultConsentDocuments(handle.db, TEST_NOW)).toBe(5);
		expect(await ensureDefaultConsentDocuments(handle.db, TEST_NOW)).toBe(0);
		clinicId = (await handle.db.selectFrom('clinic').select('id').executeTakeFirstOrThrow()).id;
		desk = await staffActor(handle.db, 'front_desk');
		clinician = await staffActor(handle.db, 'clinician');
		admin = await staffActor(handle.db, 'admin');
		const alex = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const grace = { firstName: 'Grace', lastName: 'O’Hara', email: 'grace@example.com', phone: '(617) 555-0177', dateOfBirth: '1975-06-30' };
		// A consultation first (new patients start with one), then dry needling on Tuesday 1 December.
		await bookOnline(ctxAs(anonymous), { service: 'initial-consultation', providerId: alex, start: '2026-11-30T09:00:00-05:00', patient: grace }, { source: 'online' });
		const booked = await bookOnline(ctxAs(anonymous), { service: 'dry-needling', providerId: alex, start: '2026-12-01T09:00:00-05:00', patient: grace }, { source: 'online' });
		visit = booked.confirmation.id;
		adult = (await handle.db.selectFrom('appointment').select('patientId').where('id', '=', visit).executeTakeFirstOrThrow()).patientId;
		minor = (await matchOrInsertPatient(handle.db, clinicId, { firstName: 'Sam', lastName: 'Rivera', email: 'rivera.family@example.com', phone: '(617) 555-0123', dateOfBirth: '2010-06-01' }, TEST_NOW)).patient.id;
	});

	it('ships version 1 of every modality, hashed over its canonical text, and lists them for the API', async () => {
		const docs = await publishedConsentDocuments(ctxAs(anonymous));
		expect(docs.map((d) => [d.modality, d.version])).toEqual([
			['dry_needling', 1],
			['acupuncture', 1],
			['electrical_stimulation', 1],
			['general_treatment', 1],
			['privacy_notice', 1]
		]);
		for (const d of docs) expect(d.hash).toBe(consentHash({ ...DEFAULT_DOCUMENTS[d.modality], notice: '' }));
		const dn = DEFAULT_DOCUMENTS.dry_needling.body;
		for (const risk of ['bruising', 'bleeding', 'faint', 'Infection', 'nerve', 'pneumothorax', 'needle breaking', 'Other options', 'stop at any moment', 'Ask us anything']) expect(dn).toContain(risk);
	});

	it('refuses to update or delete a published version, a signature or a withdrawal, on this engine', async () => {
		const version = await handle.db.selectFrom('consentDocumentVersion').select('id').executeTakeFirstOrThrow();
		await expect(handle.db.updateTable('consentDocumentVersion').set({ body: 'changed' }).where('id', '=', version.id).execute()).rejects.toThrow(/append-only/);
		await expect(handle.db.deleteFrom('consentDocumentVersion').where('id', '=', version.id).execute()).rejects.toThrow(/append-only/);
		await expect(sql`update consent_document_version set hash = 'x'`.execute(handle.db)).rejects.toThrow(/append-only/);
		const doc = (await publishedConsentDocuments(ctxAs(anonymous)))[3]!; // general treatment
		const signed = await signConsentFromForm(ctxAs(desk), staffSubject(adult), 'general_treatment', form({ fullName: 'Grace O’Hara', signer: 'patient' }, doc));
		expect(signed.ok).toBe(true);
		await expect(handle.db.updateTable('consentSignature').set({ signerName: 'Someone Else' }).execute()).rejects.toThrow(/append-only/);
		await expect(handle.db.deleteFrom('consentSignature').execute()).rejects.toThrow(/append-only/);
		await withdrawConsent(ctxAs(desk), staffSubject(adult), 'general_treatment');
		await expect(handle.db.deleteFrom('consentWithdrawal').execute()).rejects.toThrow(/append-only/);
		expect((await handle.db.selectFrom('consentDocumentVersion').select('body').where('id', '=', version.id).executeTakeFirstOrThrow()).body).not.toBe('changed');
	});

	it('records a staff-witnessed signing: missing → valid, then a withdrawal reads as withdrawn at once', async () => {
		const ctx = ctxAs(desk);
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('missing');
		const view = await loadConsentForSigning(ctx, staffSubject(adult), 'dry_needling');
		expect(view).toMatchObject({ minor: false, today, status: 'missing', witnessName: desk.name, patientName: 'Grace O’Hara' });
		const result = await signConsentFromForm(ctx, staffSubject(adult), 'dry_needling', form({ fullName: '  grace   o’hara ', signer: 'patient' }, view.document));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('valid');
		const row = await handle.db.selectFrom('consentSignature').selectAll().where('id', '=', result.signed.signatureId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ signerName: 'grace o’hara', signerRole: 'patient', via: 'staff', witnessStaffId: desk.staffId, documentVersion: 1, documentHash: view.document.hash, ip: '127.0.0.1', userAgent: 'vitest', signedOn: today });
		expect(new Date(row.signedAt).toISOString()).toBe(TEST_NOW.toISOString());
		const job = await handle.db.selectFrom('job').select(['kind', 'payload']).where('key', '=', `consent-copy:${result.signed.signatureId}`).executeTakeFirstOrThrow();
		expect(job.kind).toBe('consent.copy');

		clock.advance(60_000);
		const signedAt = TEST_NOW.getTime();
		await withdrawConsent(ctxAs(clinician), staffSubject(adult), 'dry_needling');
		// Read at the very instant of the withdrawal, no clock movement: effective at once.
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('withdrawn');
		expect(await consentStatus(ctx, adult, 'dry_needling', new Date(signedAt + 59_999))).toBe('valid');
		expect(await consentStatus(ctx, adult, 'dry_needling', new Date(signedAt - 1))).toBe('missing');
		expect((await domainError(withdrawConsent(ctx, staffSubject(adult), 'dry_needling'))).code).toBe('validation_failed');
		const events = await handle.db.selectFrom('auditEvent').select(['action', 'patientId']).where('action', 'in', ['consent.signed', 'consent.withdrawn', 'consent.viewed']).execute();
		expect(events.filter((e) => e.action === 'consent.signed').every((e) => e.patientId === adult || e.patientId === minor)).toBe(true);
		expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['consent.signed', 'consent.withdrawn', 'consent.viewed']));
		expect(events.every((e) => e.patientId !== null)).toBe(true);

		// Signing again restores it.
		clock.advance(60_000);
		const again = await signConsentFromForm(ctx, staffSubject(adult), 'dry_needling', form({ fullName: 'Grace O’Hara', signer: 'patient' }, view.document));
		expect(again.ok).toBe(true);
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('valid');
	});

	it('refuses bad input with a message per field, keeps what was typed, and stores nothing', async () => {
		const ctx = ctxAs(desk);
		const doc = (await publishedConsentDocuments(ctx)).find((d) => d.modality === 'acupuncture')!;
		const before = (await handle.db.selectFrom('consentSignature').select('id').execute()).length;
		const cases: Array<[Record<string, string>, string]> = [
			[{ fullName: '', signer: 'patient' }, 'fullName'],
			[{ fullName: 'Grace Smith', signer: 'patient' }, 'fullName'],
			[{ fullName: 'Grace', signer: 'patient' }, 'fullName'],
			[{ fullName: '<script>alert(1)</script> O’Hara', signer: 'patient' }, 'fullName'],
			[{ fullName: 'Grace O’Hara', signer: 'patient', agree: '' }, 'agree'],
			[{ fullName: 'Grace O’Hara', signer: 'patient', date: '2026-11-20' }, 'date'],
			[{ fullName: 'Grace O’Hara', signer: 'patient', date: 'tomorrow' }, 'date'],
			[{ fullName: 'Grace O’Hara', signer: 'nobody' }, 'signer'],
			[{ fullName: 'x'.repeat(600), signer: 'patient' }, 'fullName']
		];
		for (const [fields, field] of cases) {
			const result = await signConsentFromForm(ctx, staffSubject(adult), 'acupuncture', form(fields, doc));
			expect(result.ok, JSON.stringify(fields)).toBe(false);
			if (result.ok) continue;
			expect(result.status).toBe(400);
			expect(Object.keys(result.errors), JSON.stringify(fields)).toContain(field);
			expect(result.values.fullName).toBe((fields.fullName ?? '').slice(0, 500));
		}
		// A version published after the page was opened: 409, and the page shows the new one.
		const stale = await signConsentFromForm(ctx, staffSubject(adult), 'acupuncture', form({ fullName: 'Grace O’Hara', signer: 'patient' }, { version: doc.version, hash: 'f'.repeat(64) }));
		expect(stale).toMatchObject({ ok: false, status: 409, values: { fullName: 'Grace O’Hara' } });
		expect((await handle.db.selectFrom('consentSignature').select('id').execute()).length).toBe(before);
		// Unknown modality and someone else's patient id look alike: not found.
		expect((await domainError(signConsentFromForm(ctx, staffSubject(adult), 'cupping', form({}, doc)))).code).toBe('not_found');
		expect((await domainError(signConsentFromForm(ctx, staffSubject('00000000-0000-4000-8000-000000000000'), 'acupuncture', form({}, doc)))).code).toBe('not_found');
		// Only staff may witness.
		expect((await domainError(signConsentFromForm(ctxAs(anonymous), staffSubject(adult), 'acupuncture', form({}, doc)))).code).toBe('forbidden');
	});

	it('lets only a parent or guardian sign for a 16-year-old, with name and relationship', async () => {
		const ctx = ctxAs(clinician);
		const view = await loadConsentForSigning(ctx, staffSubject(minor), 'dry_needling');
		expect(view.minor).toBe(true);
		const refused: Array<[Record<string, string>, string]> = [
			[{ fullName: 'Sam Rivera', signer: 'patient' }, 'signer'],
			[{ fullName: 'Sam Rivera', signer: 'guardian', relationship: 'parent' }, 'fullName'],
			[{ fullName: 'Maria Rivera', signer: 'guardian', relationship: '' }, 'relationship'],
			[{ fullName: 'Maria Rivera', signer: 'guardian', relationship: 'neighbour' }, 'relationship']
		];
		for (const [fields, field] of refused) {
			const result = await signConsentFromForm(ctx, staffSubject(minor), 'dry_needling', form(fields, view.document));
			expect(result.ok ? [] : Object.keys(result.errors), JSON.stringify(fields)).toContain(field);
		}
		expect(await consentStatus(ctx, minor, 'dry_needling')).toBe('missing');
		const signed = await signConsentFromForm(ctx, staffSubject(minor), 'dry_needling', form({ fullName: 'Maria Rivera', signer: 'guardian', relationship: 'parent' }, view.document));
		expect(signed.ok).toBe(true);
		expect(await consentStatus(ctx, minor, 'dry_needling')).toBe('valid');
		const row = await handle.db.selectFrom('consentSignature').selectAll().where('patientId', '=', minor).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ signerName: 'Maria Rivera', signerRole: 'guardian', guardianRelationship: 'parent' });
		// On Sam's 18th birthday (1 June 2028, Boston) the parent's consent no longer counts.
		expect(await consentStatus(ctx, minor, 'dry_needling', new Date('2028-06-01T03:59:00Z'))).toBe('valid');
		expect(await consentStatus(ctx, minor, 'dry_needling', new Date('2028-06-01T04:00:00Z'))).toBe('outdated');
	});

	it('marks signatures of an earlier version outdated when the clinic requires re-signing, and adds the not-acupuncture statement', async () => {
		const ctx = ctxAs(admin);
		expect((await domainError(publishConsentDocument(ctxAs(clinician), 'dry_needling', { title: 'x', body: 'y' }))).code).toBe('forbidden');
		const bad = await domainError(publishConsentDocument(ctx, 'dry_needling', { title: 'Consent to dry needling', body: `<b>bold</b> ${'text '.repeat(20)}` }));
		expect(bad.fieldErrors).toHaveProperty('body');
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('valid');
		clock.advance(60_000);
		await updateConsentSettings(ctx, { dryNeedlingNotAcupuncture: true, resignOnNewVersion: true });
		const dn = (await publishedConsentDocuments(ctx)).find((d) => d.modality === 'dry_needling')!;
		expect(dn).toMatchObject({ version: 2, notice: DRY_NEEDLING_NOT_ACUPUNCTURE });
		expect(dn.hash).toBe(consentHash({ ...DEFAULT_DOCUMENTS.dry_needling, notice: DRY_NEEDLING_NOT_ACUPUNCTURE }));
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('outdated');
		expect(await consentStatus(ctx, adult, 'dry_needling', new Date(TEST_NOW.getTime() + 150_000))).toBe('valid');
		await updateConsentSettings(ctx, { dryNeedlingNotAcupuncture: true, resignOnNewVersion: false });
		expect(await consentStatus(ctx, adult, 'dry_needling')).toBe('valid');
		await updateConsentSettings(ctx, { dryNeedlingNotAcupuncture: true, resignOnNewVersion: true });
		clock.advance(60_000);
		const v3 = await publishConsentDocument(ctx, 'dry_needling', { title: 'Consent to dry needling', body: `${DEFAULT_DOCUMENTS.dry_needling.body}\n\nAn added line.` });
		expect(v3).toMatchObject({ version: 3, notice: DRY_NEEDLING_NOT_ACUPUNCTURE });
		expect((await domainError(publishConsentDocument(ctx, 'dry_needling', { title: v3.title, body: v3.body }))).fieldErrors).toHaveProperty('body');
	});

	it('lists tomorrow’s needling visits without a valid consent, and what the forms hub should offer', async () => {
		const ctx = ctxAs(desk);
		// Tuesday 1 December: Grace's dry-needling visit; her signature is of version 1, now outdated.
		const report = await needlingVisitsWithoutConsent(ctx, '2026-12-01');
		expect(report.visits).toHaveLength(1);
		expect(await visitConsentStatus(ctx, visit)).toEqual({ modality: 'dry_needling', status: 'outdated' });
		expect(report.visits[0]).toMatchObject({ patientId: adult, modality: 'dry_needling', status: 'outdated' });
		expect((await needlingVisitsWithoutConsent(ctx)).date).toBe('2026-11-28');
		const pending = await pendingConsents(ctx, adult);
		expect(pending.map((p) => [p.modality, p.status, p.required])).toEqual([
			['dry_needling', 'outdated', true],
			['electrical_stimulation', 'missing', false],
			['general_treatment', 'withdrawn', true],
			['privacy_notice', 'missing', true]
		]);
		const dn = (await publishedConsentDocuments(ctx)).find((d) => d.modality === 'dry_needling')!;
		expect((await signConsentFromForm(ctx, staffSubject(adult), 'dry_needling', form({ fullName: 'Grace O’Hara', signer: 'patient' }, dn))).ok).toBe(true);
		expect((await needlingVisitsWithoutConsent(ctx, '2026-12-01')).visits).toHaveLength(0);
		expect(await visitConsentStatus(ctx, visit)).toEqual({ modality: 'dry_needling', status: 'valid' });
		expect((await domainError(consentStatus(ctxAs(anonymous), adult, 'dry_needling'))).code).toBe('forbidden');
	});

	it('emails the patient a PDF copy once, whose text holds clinic, patient, version, hash and time', async () => {
		const mail = memoryMailer();
		const worker = createJobWorker(
			{ db: handle.db, clock, log: pino({ level: 'silent' }), env: { mail, probe: async (id) => (mail.sent.some((m) => m.messageId === id) ? 'delivered' : 'not_delivered'), host: 'clinic.example' } },
			[consentCopyHandler],
			{ pollMs: 10, concurrency: 4, leaseMs: 60_000 }
		);
		while ((await worker.runOnce()) > 0);
		const guardianCopy = mail.sent.find((m) => m.to === 'rivera.family@example.com');
		expect(guardianCopy).toBeDefined();
		expect(guardianCopy!.subject).toBe('Your signed form from Boston Spine');
		expect(guardianCopy!.subject + guardianCopy!.text).not.toMatch(/needl/i);
		const pdf = guardianCopy!.attachments![0]!;
		expect(pdf.contentType).toBe('application/pdf');
		const text = await pdfText(pdf.content as Buffer);
		const signature = await handle.db.selectFrom('consentSignature').selectAll().where('patientId', '=', minor).executeTakeFirstOrThrow();
		for (const expected of ['Boston Spine', 'Sam Rivera', 'Maria Rivera', 'parent of Sam Rivera', 'Document version: 1', signature.documentHash, 'Consent to dry needling', `${new Date(signature.signedAt).toISOString().replace('.000Z', 'Z')} UTC`, `witnessed by ${clinician.name}`]) {
			expect(text).toContain(expected);
		}
		const count = mail.sent.length;
		await handle.db.updateTable('job').set({ status: 'queued' }).where('kind', '=', 'consent.copy').execute();
		while ((await worker.runOnce()) > 0);
		expect(mail.sent.length).toBe(count);
	});
});
