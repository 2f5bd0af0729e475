import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { seedDemoClinic } from '../demo/demo-clinic';
import { DomainError } from '../errors';
import { issueResultToken } from '../screening/result-token';
import { evaluateScreening } from '../screening/evaluate';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, testCtx } from '../testing/test-context';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { bookOnline } from './booking.service';
import { ConsultationFirstError, SlotTakenError } from './booking-errors';
import { hashManageToken } from './manage-token';
import { deleteExpiredAnswers } from './idempotency';
import { getStaffAppointment } from './staff-appointments.service';
import { staffActor } from '../testing/test-context';
import { giveEarlierVisits } from '../testing/bookings';

/**
 * Booking against both engines. TEST_NOW is Friday 2026-11-27 10:00 in Boston; Tuesday
 * 2026-12-01 is a normal working day for every demo clinician.
 */
describeEachEngine('booking', (handle) => {
	let ctx: Ctx;
	const ids: Record<string, string> = {};
	const patient = { firstName: 'Ada', lastName: 'Example', email: 'ada@example.com', phone: '(617) 555-0100', dateOfBirth: '1980-04-02' };

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		ctx = testCtx(handle.db, anonymous);
		for (const row of await handle.db.selectFrom('staff').select(['id', 'email']).execute()) ids[row.email.split('@')[0]!] = row.id;
	});

	const request = (over: Record<string, unknown> = {}) => ({
		service: 'initial-consultation',
		providerId: ids['alex.chen'],
		start: '2026-12-01T09:00:00-05:00',
		patient,
		note: 'Left shoulder',
		...over
	});

	const count = async (table: 'appointment' | 'patient') =>
		Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

	it('books a published slot, creates the patient and stores only the hash of the manage token', async () => {
		const { confirmation, replayed } = await bookOnline(ctx, request(), { source: 'api' });
		expect(replayed).toBe(false);
		expect(confirmation).toMatchObject({
			service: 'initial-consultation',
			providerId: ids['alex.chen'],
			startMs: Date.parse('2026-12-01T14:00:00Z'),
			endMs: Date.parse('2026-12-01T14:45:00Z'),
			status: 'booked'
		});
		expect(confirmation.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const row = await handle.db.selectFrom('appointment').selectAll().where('id', '=', confirmation.id).executeTakeFirstOrThrow();
		expect(row.manageTokenHash).toBe(hashManageToken(confirmation.manageToken!));
		expect(new Date(row.blockedUntil).toISOString()).toBe('2026-12-01T15:00:00.000Z');
		expect(row.note).toBe('Left shoulder');
		const audit = await handle.db.selectFrom('auditEvent').selectAll().where('action', '=', 'appointment.booked').execute();
		expect(audit.at(-1)).toMatchObject({ patientId: row.patientId, entityId: row.id });
	});

	it('matches the same patient on a repeat booking by email (any case) and date of birth', async () => {
		const before = await count('patient');
		await bookOnline(ctx, request({ start: '2026-12-01T10:00:00-05:00', patient: { ...patient, email: 'ADA@Example.com', firstName: 'Ada J.' } }), { source: 'online' });
		expect(await count('patient')).toBe(before);
		const other = { ...patient, dateOfBirth: '1981-04-02' };
		await bookOnline(ctx, request({ start: '2026-12-01T11:00:00-05:00', patient: other }), { source: 'online' });
		expect(await count('patient')).toBe(before + 1);
	});

	it('answers 409 with nearby free times when the time was taken, and counts unequal overlaps as clashes', async () => {
		const taken = await domainError(bookOnline(ctx, request({ patient: { ...patient, email: 'bo@example.com' } }), { source: 'api' }));
		expect(taken).toBeInstanceOf(SlotTakenError);
		expect(taken.code).toBe('conflict');
		expect((taken as SlotTakenError).alternatives.length).toBeGreaterThan(0);

		// A 30-minute follow-up at 13:15 blocks 13:15–13:55; a 45-minute consultation at 13:00 would overlap it.
		const returning = { ...patient, email: 'cy@example.com' };
		await giveEarlierVisits(handle.db, [returning]);
		await bookOnline(ctx, request({ service: 'follow-up', start: '2026-12-01T13:15:00-05:00', patient: returning }), { source: 'api' });
		const clash = await domainError(bookOnline(ctx, request({ start: '2026-12-01T13:00:00-05:00', patient: { ...patient, email: 'di@example.com' } }), { source: 'api' }));
		expect(clash.code).toBe('conflict');
	});

	it.each([
		['a time off the grid', { start: '2026-12-01T09:07:00-05:00' }, 'start'],
		['a time outside working hours', { start: '2026-12-01T20:00:00-05:00' }, 'start'],
		['a past time', { start: '2026-11-20T09:00:00-05:00' }, 'start'],
		['a time with no offset', { start: '2026-12-01T09:00:00' }, 'start'],
		['an unknown provider', { providerId: 'nobody' }, 'providerId'],
		['an unknown service', { service: 'massage' }, 'service'],
		['a malformed email', { patient: { ...patient, email: 'not-an-email' } }, 'patient.email'],
		['a malformed date of birth', { patient: { ...patient, dateOfBirth: '1980-02-30' } }, 'patient.dateOfBirth'],
		['a date of birth in the future', { patient: { ...patient, dateOfBirth: '2030-01-01' } }, 'patient.dateOfBirth'],
		['a missing name', { patient: { ...patient, firstName: ' ' } }, 'patient.firstName']
	])('refuses %s with 422 naming the field, writing nothing', async (_what, over, field) => {
		const before = [await count('appointment'), await count('patient')];
		const error = await domainError(bookOnline(ctx, request({ start: '2026-12-02T09:00:00-05:00', ...over }), { source: 'api' }));
		expect(error.code).toBe('validation_failed');
		expect(Object.keys(error.fieldErrors)).toContain(field);
		expect([await count('appointment'), await count('patient')]).toEqual(before);
	});

	it('refuses a provider who is not qualified for the service', async () => {
		// Lin Zhao is an acupuncturist with no dry-needling certification; Alex Chen is no acupuncturist.
		const acu = await domainError(bookOnline(ctx, request({ service: 'acupuncture', providerId: ids['alex.chen'] }), { source: 'api' }));
		expect(acu.fieldErrors).toHaveProperty('providerId');
		const dn = await domainError(bookOnline(ctx, request({ service: 'dry-needling', providerId: ids['lin.zhao'] }), { source: 'api' }));
		expect(dn.fieldErrors).toHaveProperty('providerId');
	});

	it('resolves "any" to a concrete qualified provider', async () => {
		const { confirmation } = await bookOnline(ctx, request({ providerId: 'any', start: '2026-12-03T11:00:00-05:00', patient: { ...patient, email: 'any@example.com' } }), { source: 'online' });
		expect(Object.values(ids)).toContain(confirmation.providerId);
		expect(confirmation.providerId).not.toBe('any');
	});

	it('replays the first answer for a repeated Idempotency-Key and refuses the key for another request', async () => {
		const body = request({ start: '2026-12-03T16:00:00-05:00', providerId: ids['priya.nair'], patient: { ...patient, email: 'idem@example.com' } });
		const key = { scope: 'api:appointments', key: 'key-0001-abcdef' };
		const first = await bookOnline(ctx, body, { source: 'api', idempotency: key });
		const again = await bookOnline(ctx, structuredClone(body), { source: 'api', idempotency: key });
		expect(again).toEqual({ confirmation: first.confirmation, replayed: true, timeZone: 'America/New_York' });
		const misuse = await domainError(bookOnline(ctx, { ...body, note: 'changed' }, { source: 'api', idempotency: key }));
		expect(misuse.fieldErrors).toHaveProperty('Idempotency-Key');
		const rows = await handle.db.selectFrom('appointment').select('id').where('startsAt', '=', new Date('2026-12-03T21:00:00Z').toISOString()).execute();
		expect(rows.length).toBe(1);
		// Kept for two days, then deleted: the key would then book again (as a new request).
		expect(await deleteExpiredAnswers(handle.db, new Date(TEST_NOW.getTime() + 47 * 3_600_000))).toBe(0);
		expect(await deleteExpiredAnswers(handle.db, new Date(TEST_NOW.getTime() + 49 * 3_600_000))).toBeGreaterThan(0);
	});

	it('steers a first-time patient from needling to the consultation, then books it after one', async () => {
		const newcomer = { ...patient, email: 'new@example.com' };
		const refused = await domainError(bookOnline(ctx, request({ service: 'dry-needling', start: '2026-12-08T09:00:00-05:00', patient: newcomer }), { source: 'online' }));
		expect(refused).toBeInstanceOf(ConsultationFirstError);
		expect((refused as ConsultationFirstError).consultationSlug).toBe('initial-consultation');
		expect(await handle.db.selectFrom('patient').select('id').where('email', '=', 'new@example.com').executeTakeFirst()).toBeUndefined();
		await bookOnline(ctx, request({ start: '2026-12-07T09:00:00-05:00', patient: newcomer }), { source: 'online' });
		const { confirmation } = await bookOnline(ctx, request({ service: 'dry-needling', start: '2026-12-08T09:00:00-05:00', patient: newcomer }), { source: 'online' });
		expect(confirmation.service).toBe('dry-needling');
	});

	it('refuses a follow-up to a brand-new patient through the API, then books it after an earlier visit', async () => {
		const newcomer = { ...patient, email: 'first-follow-up@example.com' };
		const followUp = request({ service: 'follow-up', start: '2026-12-11T09:00:00-05:00', patient: newcomer });
		const refused = await domainError(bookOnline(ctx, followUp, { source: 'api' }));
		expect(refused).toBeInstanceOf(ConsultationFirstError);
		expect((refused as ConsultationFirstError).consultationSlug).toBe('initial-consultation');
		expect(await handle.db.selectFrom('patient').select('id').where('email', '=', newcomer.email).executeTakeFirst()).toBeUndefined();
		await bookOnline(ctx, request({ start: '2026-12-04T09:00:00-05:00', patient: newcomer }), { source: 'api' });
		const { confirmation } = await bookOnline(ctx, followUp, { source: 'api' });
		expect(confirmation.service).toBe('follow-up');
	});

	it('verifies a carried self-assessment and refuses needling after a physician-first result', async () => {
		const answers = (over: Partial<ScreeningInput>): ScreeningInput => ({ regions: [], concerns: ['sciatica'], duration: null, redFlags: [], precautions: [], preference: 'none', ...over });
		const token = (a: ScreeningInput) => issueResultToken({ answers: a, rulesetVersion: evaluateScreening(a).rulesetVersion, issuedAt: TEST_NOW }, ctx.config.appSecret);
		const red = token(answers({ redFlags: ['chest_pain_or_breathless'] }));
		const refused = await domainError(bookOnline(ctx, request({ service: 'acupuncture', providerId: ids['lin.zhao'], assessment: red }), { source: 'online' }));
		expect(refused.fieldErrors).toHaveProperty('service');
		const forged = await domainError(bookOnline(ctx, request({ assessment: `${red.slice(0, -2)}xx` }), { source: 'online' }));
		expect(forged.fieldErrors).toHaveProperty('assessment');
		const ok = await bookOnline(ctx, request({ start: '2026-12-09T09:00:00-05:00', assessment: token(answers({})), patient: { ...patient, email: 'screened@example.com' } }), { source: 'online' });
		const row = await handle.db.selectFrom('appointment').select('screening').where('id', '=', ok.confirmation.id).executeTakeFirstOrThrow();
		expect(JSON.parse(row.screening!)).toMatchObject({ recommendation: 'dry_needling', clinicianReview: false });
		const clinician = testCtx(handle.db, await staffActor(handle.db, 'clinician'));
		expect((await getStaffAppointment(clinician, ok.confirmation.id)).screening).toEqual({ recommendation: 'dry_needling', clinicianReview: false, precautions: [] });
	});

	describe('50 concurrent bookings of one provider and time', () => {
		// PostgreSQL: two pools, as two app processes would have. SQLite: one connection per process
		// (better-sqlite3 is synchronous, so a second one in the same thread would only wait on the
		// first); tests/e2e/booking-api.e2e.ts races two real processes.
		it('give exactly one appointment and 49 conflicts', async () => {
			const other = handle.engine === 'postgres' ? handle.openAnother() : handle.database;
			try {
				const ctxB = testCtx(other.db, anonymous);
				// Two in three ask for a follow-up, so those patients have been seen before.
				const racer = (i: number) => ({ ...patient, email: `race${i}@example.com` });
				await giveEarlierVisits(handle.db, Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3).map(racer));
				const attempts = Array.from({ length: 50 }, (_, i) =>
					bookOnline(i % 2 ? ctx : ctxB, request({ start: '2026-12-10T09:00:00-05:00', service: i % 3 ? 'follow-up' : 'initial-consultation', patient: racer(i) }), { source: 'api' }).then(
						() => 'booked',
						(error: unknown) => (error instanceof DomainError ? error.code : `crash: ${String(error)}`)
					)
				);
				const outcomes = await Promise.all(attempts);
				expect(outcomes.filter((o) => o === 'booked')).toHaveLength(1);
				expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(49);
				const live = await handle.db
					.selectFrom('appointment')
					.select('id')
					.where('providerId', '=', ids['alex.chen']!)
					.where('startsAt', '=', new Date('2026-12-10T14:00:00Z').toISOString())
					.execute();
				expect(live).toHaveLength(1);
			} finally {
				if (other !== handle.database) await other.close();
			}
		});
	});
});
