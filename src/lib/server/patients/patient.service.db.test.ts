import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { bookOnline } from '../booking/booking.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, staffActor, testCtx } from '../testing/test-context';
import { findPatients, getPatientRecord, mergePatients } from './patient.service';

describeEachEngine('patients', (handle) => {
	const person = { firstName: 'Grace', lastName: 'O’Hara', email: 'grace@example.com', phone: '(617) 555-0177', dateOfBirth: '1975-06-30' };
	let provider = '';

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		provider = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const ctx = testCtx(handle.db, anonymous);
		const book = (start: string, patient: typeof person) =>
			bookOnline(ctx, { service: 'initial-consultation', providerId: provider, start, patient }, { source: 'online' });
		await book('2026-12-01T09:00:00-05:00', person);
		// The same person with a typo in the date of birth: a duplicate for the front desk to merge.
		await book('2026-12-02T09:00:00-05:00', { ...person, dateOfBirth: '1975-06-03' });
		await book('2026-12-03T09:00:00-05:00', { ...person, firstName: 'Gus', lastName: 'Other', email: 'gus@example.com' });
	});

	it('finds patients by name, email, phone digits or date of birth, case-insensitively, and audits the search', async () => {
		const ctx = testCtx(handle.db, await staffActor(handle.db, 'front_desk'));
		expect((await findPatients(ctx, { q: 'o’hara' })).map((p) => p.dateOfBirth).sort()).toEqual(['1975-06-03', '1975-06-30']);
		expect(await findPatients(ctx, { q: 'GRACE@EXAMPLE' })).toHaveLength(2);
		expect(await findPatients(ctx, { q: '6175550177' })).toHaveLength(3);
		expect(await findPatients(ctx, { q: '1975-06-30' })).toHaveLength(2);
		expect(await findPatients(ctx, { q: 'grace 1975-06-30' })).toHaveLength(1);
		expect(await findPatients(ctx, { q: 'gus other' })).toHaveLength(1);
		expect(await findPatients(ctx, { q: '100%_' })).toHaveLength(0);
		expect((await domainError(findPatients(ctx, { q: 'a' }))).fieldErrors).toHaveProperty('q');
		const audit = await handle.db.selectFrom('auditEvent').selectAll().where('action', '=', 'patient.searched').execute();
		expect(audit.length).toBeGreaterThanOrEqual(6);
		expect(audit.every((a) => a.patientId === null && !String(a.detail).includes('grace'))).toBe(true);
	});

	it('refuses anonymous visitors', async () => {
		expect((await domainError(findPatients(testCtx(handle.db, anonymous), { q: 'grace' }))).code).toBe('forbidden');
	});

	it('merges a duplicate: appointments move, the duplicate stays as a pointer, both are audited', async () => {
		const desk = testCtx(handle.db, await staffActor(handle.db, 'front_desk'));
		const [a, b] = (await findPatients(desk, { q: 'o’hara' })).sort((x, y) => x.dateOfBirth.localeCompare(y.dateOfBirth));
		const survivor = b!.id; // 1975-06-30
		const duplicate = a!.id;
		const clinician = testCtx(handle.db, await staffActor(handle.db, 'clinician'));
		expect((await domainError(mergePatients(clinician, survivor, { duplicateId: duplicate }))).code).toBe('forbidden');
		expect((await domainError(mergePatients(desk, survivor, { duplicateId: survivor }))).fieldErrors).toHaveProperty('duplicateId');

		await mergePatients(desk, survivor, { duplicateId: duplicate });
		const record = await getPatientRecord(desk, survivor);
		expect(record.appointments).toHaveLength(2);
		expect(await findPatients(desk, { q: 'o’hara' })).toHaveLength(1);
		const merged = await handle.db.selectFrom('patient').select('mergedIntoId').where('id', '=', duplicate).executeTakeFirstOrThrow();
		expect(merged.mergedIntoId).toBe(survivor);
		const events = await handle.db.selectFrom('auditEvent').select(['action', 'patientId']).where('action', 'in', ['patient.merged', 'patient.viewed']).execute();
		expect(events).toEqual(
			expect.arrayContaining([
				{ action: 'patient.merged', patientId: survivor },
				{ action: 'patient.merged', patientId: duplicate },
				{ action: 'patient.viewed', patientId: survivor }
			])
		);
		expect((await domainError(mergePatients(desk, survivor, { duplicateId: duplicate }))).fieldErrors).toHaveProperty('duplicateId');
	});

	it('books a merged patient onto the surviving record next time', async () => {
		// The duplicate's identity (typo'd date of birth) is free again, so it would make a new record:
		// the front desk fixes such typos by merging, and the right details then match the survivor.
		const ctx = testCtx(handle.db, anonymous);
		const before = (await handle.db.selectFrom('patient').select('id').execute()).length;
		await bookOnline(ctx, { service: 'follow-up', providerId: provider, start: '2026-12-04T09:00:00-05:00', patient: person }, { source: 'online' });
		expect((await handle.db.selectFrom('patient').select('id').execute()).length).toBe(before);
	});
});
