import { describe, expect, it } from 'vitest';
import { GREETING_MAX, greetingName } from './greeting-name';

describe('greetingName', () => {
	it('keeps an ordinary first name, accents, apostrophes and hyphens', () => {
		expect(greetingName('Ada')).toBe('Ada');
		expect(greetingName('  Zoë ')).toBe('Zoë');
		expect(greetingName("D'Arcy")).toBe("D'Arcy");
		expect(greetingName('Anne-Marie Louise')).toBe('Anne-Marie');
	});

	it('drops links, markup and the words an attacker appends', () => {
		expect(greetingName('Win a prize at https://evil.example now')).toBe('Win');
		expect(greetingName('evil.example')).toBe('there');
		expect(greetingName('www.evil.example')).toBe('there');
		expect(greetingName('<a href=x>Click</a>')).toBe('Click');
		expect(greetingName('<b>')).toBe('there');
		expect(greetingName('<script>alert(1)</script>')).toBe('alert');
		expect(greetingName('!!!')).toBe('there');
		expect(greetingName('')).toBe('there');
	});

	it('is at most 40 characters', () => {
		expect(greetingName('A'.repeat(100))).toHaveLength(GREETING_MAX);
	});
});
