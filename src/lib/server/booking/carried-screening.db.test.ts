import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { evaluateScreening } from '../screening/evaluate';
import { issueResultToken } from '../screening/result-token';
import { describeEachEngine } from '../testing/engines';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { bookOnline } from './booking.service';
import { getStaffAppointment } from './staff-appointments.service';

/**
 * The self-assessment a patient carries into an online booking (here: pregnant, on blood thinners)
 * is for the clinicians who treat them. The service gives it to clinicians only: the front desk's
 * and admins' view of the appointment holds no assessment data at all.
 */
describeEachEngine('carried self-assessment', (handle) => {
	let appointmentId = '';

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		const ctx = testCtx(handle.db, anonymous);
		const provider = (await handle.db.selectFrom('staff').select('id').where('email', '=', 'alex.chen@boston-spine.example').executeTakeFirstOrThrow()).id;
		const answers: ScreeningInput = { regions: [], concerns: ['muscle_tightness'], duration: null, redFlags: [], precautions: ['pregnant', 'anticoagulants'], preference: 'none' };
		const assessment = issueResultToken({ answers, rulesetVersion: evaluateScreening(answers).rulesetVersion, issuedAt: TEST_NOW }, ctx.config.appSecret);
		const { confirmation } = await bookOnline(
			ctx,
			{ service: 'initial-consultation', providerId: provider, start: '2026-12-01T09:00:00-05:00', assessment, patient: { firstName: 'Ada', lastName: 'Example', email: 'ada@example.com', phone: '617-555-0100', dateOfBirth: '1990-04-02' } },
			{ source: 'online' }
		);
		appointmentId = confirmation.id;
	});

	it('shows clinicians the precautions the patient reported', async () => {
		const view = await getStaffAppointment(testCtx(handle.db, await staffActor(handle.db, 'clinician')), appointmentId);
		expect(view.screening).toMatchObject({ clinicianReview: true });
		expect([...view.screening!.precautions].sort()).toEqual(['anticoagulants', 'pregnant']);
	});

	it('gives the front desk and admins the appointment without any assessment data', async () => {
		for (const role of ['front_desk', 'admin'] as const) {
			const view = await getStaffAppointment(testCtx(handle.db, await staffActor(handle.db, role)), appointmentId);
			expect(view.screening).toBeNull();
			expect(view.patient.firstName).toBe('Ada');
			expect(JSON.stringify(view)).not.toMatch(/pregnan|anticoagul|dry_needling|clinicianReview":true/);
		}
	});
});
