import { describe, expect, it } from 'vitest';
import { commonPasswordCount, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
	it('ships a list of well over 10,000 common passwords', () => {
		expect(commonPasswordCount()).toBeGreaterThan(10_000);
	});

	it.each([
		['short', /at least 12/],
		['x'.repeat(129), /at most 128/],
		['qazwsxedcrfv', /too common/],
		['LeaveMeAlone', /too common/],
		['1234567890123', /too common|easy/],
		['Dragon123456!', /too common/],
		['!!!football2024', /too common/],
		['aaaaaaaaaaaaaa', /easy|common/],
		['jordan.lee-is-great', /email/]
	])('refuses %s', (password, message) => {
		expect(passwordProblem(password, { email: 'jordan.lee@example.com' })).toMatch(message);
	});

	it.each(['correct horse battery staple', 'Needles & maple syrup 7', 'tramway-lantern-orbit', '😀 emoji passwords are fine 😀'])(
		'accepts %s with no composition rules',
		(password) => {
			expect(passwordProblem(password, { email: 'someone@example.com' })).toBeUndefined();
		}
	);

	it('counts characters, not UTF-16 units', () => {
		expect(passwordProblem('😀'.repeat(12))).not.toMatch(/at least/);
	});
});
