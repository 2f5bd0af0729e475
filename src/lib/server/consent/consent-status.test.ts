import { describe, expect, it } from 'vitest';
import { ageOn, decideConsentStatus, type SignatureFact, type StatusInput } from './consent-status';
import { nameMatches, normalizeName } from './consent-signing';

const AT = new Date('2026-12-02T15:00:00Z');
const adultSigned: SignatureFact = { version: 2, signedAt: new Date('2026-11-01T15:00:00Z'), signerRole: 'patient', signedOnLocal: '2026-11-01', withdrawnAt: null };
const base: StatusInput = { signature: adultSigned, latestVersion: 2, resignOnNewVersion: true, patientDateOfBirth: '1980-05-05', localDate: '2026-12-02', at: AT };

describe('decideConsentStatus', () => {
	const cases: Array<[string, Partial<StatusInput>, string]> = [
		['nothing signed', { signature: undefined }, 'missing'],
		['signed the current version', {}, 'valid'],
		['signed after the moment asked about', { signature: { ...adultSigned, signedAt: new Date('2026-12-03T00:00:00Z') } }, 'missing'],
		['withdrawn before the moment asked about', { signature: { ...adultSigned, withdrawnAt: new Date('2026-12-02T14:59:59Z') } }, 'withdrawn'],
		['withdrawn exactly at that moment (effective at once)', { signature: { ...adultSigned, withdrawnAt: AT } }, 'withdrawn'],
		['withdrawal recorded later does not rewrite the past', { signature: { ...adultSigned, withdrawnAt: new Date('2026-12-02T15:00:01Z') } }, 'valid'],
		['a newer version, re-signing required', { latestVersion: 3 }, 'outdated'],
		['a newer version, re-signing not required', { latestVersion: 3, resignOnNewVersion: false }, 'valid'],
		['withdrawn beats outdated', { latestVersion: 3, signature: { ...adultSigned, withdrawnAt: AT } }, 'withdrawn'],
		[
			'a 16-year-old with a guardian’s signature',
			{ patientDateOfBirth: '2010-06-01', signature: { ...adultSigned, signerRole: 'guardian', signedOnLocal: '2026-11-01' } },
			'valid'
		],
		[
			'a 16-year-old who signed themselves (date of birth corrected later)',
			{ patientDateOfBirth: '2010-06-01', signature: { ...adultSigned, signerRole: 'patient', signedOnLocal: '2026-11-01' } },
			'missing'
		],
		[
			'a guardian’s consent ends on the 18th birthday',
			{ patientDateOfBirth: '2008-12-02', signature: { ...adultSigned, signerRole: 'guardian' } },
			'outdated'
		],
		[
			'… and holds the day before',
			{ patientDateOfBirth: '2008-12-03', signature: { ...adultSigned, signerRole: 'guardian' } },
			'valid'
		],
		[
			'a patient who signed on their 18th birthday',
			{ patientDateOfBirth: '2008-11-01', signature: { ...adultSigned, signedOnLocal: '2026-11-01' } },
			'valid'
		]
	];
	it.each(cases)('%s', (_title, change, expected) => {
		expect(decideConsentStatus({ ...base, ...change })).toBe(expected);
	});
});

describe('ageOn', () => {
	it.each([
		['2008-12-02', '2026-12-02', 18],
		['2008-12-03', '2026-12-02', 17],
		['2008-02-29', '2026-02-28', 17],
		['2008-02-29', '2026-03-01', 18],
		['2010-06-01', '2026-12-02', 16]
	])('born %s, on %s: %i', (born, on, age) => expect(ageOn(born, on)).toBe(age));
});

describe('typed names', () => {
	it('normalises case, accents, apostrophes and punctuation', () => {
		expect(normalizeName('  Zoë  O’Hara-Smith ')).toBe('zoe ohara smith');
	});
	it.each([
		['Grace O’Hara', true],
		['grace ohara', true],
		["GRACE O'HARA", true],
		['Grace Anne O’Hara', true],
		['Grace', false],
		['G. O’Hara', false],
		['Grace Smith', false],
		['O’Hara Grace', false],
		['Gracey O’Hara', false]
	])('%s matches Grace O’Hara: %s', (typed, expected) => expect(nameMatches(typed, 'Grace', 'O’Hara')).toBe(expected));
});
