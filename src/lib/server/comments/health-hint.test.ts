import { describe, expect, it } from 'vitest';
import { mentionsHealthDetails } from './health-hint';

describe('mentionsHealthDetails', () => {
	it.each([
		'I was diagnosed with a herniated disc last year, would this help?',
		'My doctor put me on warfarin. Can I still have dry needling?',
		"I'm pregnant, is acupuncture safe?",
		'My lower back has hurt for months.',
		'I have chronic pain in my neck after a car accident.',
		'I take insulin for my diabetes.'
	])('flags a personal health detail: %s', (text) => {
		expect(mentionsHealthDetails(text)).toBe(true);
	});

	it.each([
		'Great article, thank you!',
		'Does dry needling hurt more than acupuncture?',
		'The section on pneumothorax was clear.',
		'مرحبا 👋 thanks for writing this'
	])('does not flag a general comment: %s', (text) => {
		expect(mentionsHealthDetails(text)).toBe(false);
	});
});
