import { describe, expect, it } from 'vitest';
import { slugify } from './clinic';

describe('slugify', () => {
	it.each([
		['Initial Consultation (45 min)!', 'initial-consultation-45-min'],
		['Acupuncture — Traditional Chinese Medicine', 'acupuncture-traditional-chinese-medicine'],
		['Café  Massage', 'cafe-massage'],
		['***', ''],
		['a'.repeat(100), 'a'.repeat(80)]
	])('%s → %s', (input, slug) => {
		expect(slugify(input)).toBe(slug);
	});
});
