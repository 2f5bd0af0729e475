import { describe, expect, it } from 'vitest';
import { firstMessages } from './form-values';
import { serviceInput, staffInput } from './clinic.schema';

const validService = {
	name: 'Dry needling session',
	kind: 'dry_needling',
	description: '',
	durationMinutes: '30',
	bufferBeforeMinutes: '',
	bufferAfterMinutes: '10',
	price: '95.50',
	credentials: ['DPT', 'DC'],
	requiresDryNeedlingCertification: 'on',
	active: 'on'
};

function errorsOf(schema: typeof serviceInput | typeof staffInput, input: unknown) {
	const result = schema.safeParse(input);
	return result.success ? {} : firstMessages(result.error);
}

describe('serviceInput', () => {
	it('turns form strings into typed values', () => {
		const parsed = serviceInput.parse(validService);
		expect(parsed).toMatchObject({
			durationMinutes: 30,
			bufferBeforeMinutes: 0,
			bufferAfterMinutes: 10,
			price: 9550,
			requiresDryNeedlingCertification: true,
			bookableOnline: false,
			active: true,
			credentials: ['DPT', 'DC']
		});
	});

	it('refuses a negative duration at the duration field', () => {
		expect(errorsOf(serviceInput, { ...validService, durationMinutes: '-30' })).toEqual({
			durationMinutes: 'Duration must be at least 5.'
		});
	});

	it('says an empty duration is required instead of reading it as zero', () => {
		expect(errorsOf(serviceInput, { ...validService, durationMinutes: ' ' })).toEqual({
			durationMinutes: 'Duration is required.'
		});
	});

	it('refuses an unknown credential at the credentials field', () => {
		expect(errorsOf(serviceInput, { ...validService, credentials: ['DPT', 'Wizard'] })).toEqual({
			credentials: 'Unknown credential.'
		});
	});

	it('refuses a price that is not an amount', () => {
		expect(errorsOf(serviceInput, { ...validService, price: '-5' })).toHaveProperty('price');
		expect(errorsOf(serviceInput, { ...validService, price: '1e3' })).toHaveProperty('price');
	});

	it('removes duplicate credentials', () => {
		expect(serviceInput.parse({ ...validService, credentials: ['DC', 'DC'] }).credentials).toEqual(['DC']);
	});
});

const validStaff = {
	name: 'Dr. Test',
	email: ' Test@Example.COM ',
	role: 'clinician',
	bio: '',
	credentials: ['DPT'],
	dnCertifiedOn: '',
	dnHours: '',
	dnCourse: '',
	password: ''
};

describe('staffInput', () => {
	it('normalises the email and leaves the certification out when empty', () => {
		const parsed = staffInput.parse(validStaff);
		expect(parsed.email).toBe('test@example.com');
		expect(parsed.dnCertifiedOn).toBeUndefined();
		expect(parsed.dnHours).toBeUndefined();
	});

	it('needs both the date and the hours of a certification', () => {
		expect(errorsOf(staffInput, { ...validStaff, dnCertifiedOn: '2024-02-01' })).toEqual({
			dnHours: 'Enter the training hours of the certification.'
		});
		expect(errorsOf(staffInput, { ...validStaff, dnHours: '40' })).toEqual({
			dnCertifiedOn: 'Enter the date of the certification.'
		});
	});

	it('refuses dates that do not exist', () => {
		expect(errorsOf(staffInput, { ...validStaff, dnCertifiedOn: '2023-02-30', dnHours: '40' })).toEqual({
			dnCertifiedOn: 'Certification date is not a real date.'
		});
	});

	it('refuses short passwords and unknown roles', () => {
		expect(errorsOf(staffInput, { ...validStaff, password: 'short', role: 'owner' })).toEqual({
			role: 'Choose a role.',
			password: 'Password must be at least 12 characters.'
		});
	});
});
