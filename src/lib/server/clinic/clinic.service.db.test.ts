import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { clinicFormInput } from '../forms/clinic-form';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { getClinic, updateClinicDetails } from './clinic.service';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	const base: Record<string, string> = {
		name: 'Boston Spine',
		timeZone: 'America/New_York',
		street: '1 Example St',
		city: 'Boston',
		region: 'MA',
		postalCode: '02116',
		country: 'us',
		phone: '(617) 555-0100',
		email: 'Front@Example.com',
		'hours.0.opens': '08:00',
		'hours.0.closes': '12:00',
		'hours.1.opens': '13:00',
		'hours.1.closes': '18:00',
		'hours.10.opens': '09:00',
		'hours.10.closes': '13:00'
	};
	for (const [key, value] of Object.entries({ ...base, ...fields })) data.set(key, value);
	return data;
}

describeEachEngine('clinic details', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const asAdmin = async () => testCtx(handle.db, await staffActor(handle.db, 'admin'));

	it('seeds weekday hours and a Saturday morning', async () => {
		const clinic = await getClinic(await asAdmin());
		expect(clinic).toMatchObject({ name: 'Boston Spine', timeZone: 'America/New_York', isDemo: true });
		expect(clinic.hours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(clinic.hours.at(-1)).toEqual({ weekday: 6, opens: '08:00', closes: '12:00' });
	});

	it('saves details and split opening hours', async () => {
		const clinic = await updateClinicDetails(await asAdmin(), clinicFormInput(form({})));
		expect(clinic).toMatchObject({ country: 'US', email: 'front@example.com' });
		expect(clinic.hours).toEqual([
			{ weekday: 1, opens: '08:00', closes: '12:00' },
			{ weekday: 1, opens: '13:00', closes: '18:00' },
			{ weekday: 6, opens: '09:00', closes: '13:00' }
		]);
	});

	it('names the bad fields: unknown zone, half a range, closing before opening, overlap', async () => {
		const ctx = await asAdmin();
		const before = await getClinic(ctx);
		const error = await domainError(
			updateClinicDetails(
				ctx,
				clinicFormInput(form({ timeZone: 'Mars/Olympus', 'hours.2.opens': '09:00', 'hours.4.opens': '17:00', 'hours.4.closes': '09:00' }))
			)
		);
		expect(Object.keys(error.fieldErrors).sort()).toEqual(['hours.2.closes', 'hours.4.closes', 'timeZone']);
		const overlap = await domainError(
			updateClinicDetails(ctx, clinicFormInput(form({ 'hours.1.opens': '11:00' })))
		);
		expect(overlap.fieldErrors).toEqual({ 'hours.1.opens': 'This range overlaps another range on the same day.' });
		expect(await getClinic(ctx)).toEqual(before);
	});

	it('refuses non-administrators', async () => {
		const ctx = testCtx(handle.db, await staffActor(handle.db, 'front_desk'));
		expect((await domainError(updateClinicDetails(ctx, clinicFormInput(form({}))))).code).toBe('forbidden');
	});
});
