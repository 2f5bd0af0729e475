import { describe, expect, it } from 'vitest';
import { pageById } from '../../shared/intake/form-definition';
import { HEALTH_HISTORY } from '../../shared/intake/health-history';
import { mergePage, parsePage, redFlagsOf } from './page-answers';

const page = (id: string) => pageById(HEALTH_HISTORY, id)!;

describe('one intake page from a form post', () => {
	it('types each answer: text kept as typed (HTML is just text), numbers, yes/no, codes', () => {
		const visit = parsePage(page('visit'), { reason: '<script>alert(1)</script>', 'pain-areas': ['low_back'], 'pain-now': '3', 'pain-worst': '', nav: 'next' });
		expect(visit).toEqual({ answers: { reason: '<script>alert(1)</script>', 'pain-areas': ['low_back'], 'pain-now': 3 }, errors: {} });
		expect(parsePage(page('health'), { 'blood-thinners': 'yes', epilepsy: 'no' }).answers).toEqual({ 'blood-thinners': true, epilepsy: false });
	});

	it('names every bad field: out of range, not a number, unknown code, none with a flag, unknown linkId', () => {
		const { errors } = parsePage(page('visit'), { 'pain-now': '11', 'pain-worst': 'lots', 'pain-areas': ['elsewhere'], extra: 'x' });
		expect(Object.keys(errors).sort()).toEqual(['form', 'pain-areas', 'pain-now', 'pain-worst']);
		expect(errors.form).toContain('"extra"');
		expect(parsePage(page('safety'), { 'red-flags': ['__none', 'fever_or_unwell'] }).errors['red-flags']).toMatch(/not both/);
		expect(parsePage(page('medicines'), { allergies: 'a'.repeat(2001) }).errors.allergies).toMatch(/2000/);
	});

	it('replaces the page’s answers and drops answers whose condition fails', () => {
		const before = { reason: 'x', pregnant: 'yes', 'pregnancy-weeks': 10, 'blood-thinners': true };
		expect(mergePage(HEALTH_HISTORY, before, page('health'), { pregnant: 'no' })).toEqual({ reason: 'x', pregnant: 'no' });
		expect(redFlagsOf({ 'red-flags': ['__none'] })).toEqual([]);
	});
});
