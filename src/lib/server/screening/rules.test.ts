import { describe, expect, it } from 'vitest';
import { readingGrade, sentencesOf } from '../../shared/screening/reading-level';
import { evaluateScreening } from './evaluate';
import { CASES, answers, observed } from './evaluate.cases';
import { CURRENT_RULESET, RULESET_V1 } from './rules';
import { rulesetFingerprint, rulesetProblems, type Ruleset } from './ruleset';
import { SOURCES, SOURCE_IDS, citationsFor } from './sources';

describe('the current ruleset', () => {
	it('is complete and consistent', () => {
		expect(rulesetProblems(CURRENT_RULESET)).toEqual([]);
	});

	it('is version 1.0.0 with the pinned content', () => {
		// Changed a rule or its wording? Bump RULESET_V1.version (results store it) and re-pin here.
		expect({ version: CURRENT_RULESET.version, fingerprint: rulesetFingerprint(CURRENT_RULESET) }).toEqual({
			version: '1.0.0',
			fingerprint: '54741f50'
		});
		expect(CURRENT_RULESET).toBe(RULESET_V1);
	});

	it('gives every rule an id, plain text and at least one known source', () => {
		for (const rule of CURRENT_RULESET.rules) {
			expect(rule.id).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
			expect(rule.text.length).toBeGreaterThan(40);
			expect(rule.sources.length).toBeGreaterThan(0);
			for (const source of rule.sources) expect(SOURCE_IDS).toContain(source);
		}
	});

	it('reads at about age 12: short sentences, Flesch–Kincaid grade 7 or below overall', () => {
		const texts = [
			...CURRENT_RULESET.rules.map((r) => r.text),
			...Object.values(CURRENT_RULESET.outcomes).map((o) => o.summary),
			CURRENT_RULESET.urgentSummary,
			CURRENT_RULESET.reviewSummary,
			CURRENT_RULESET.noMatch.text
		];
		for (const text of texts) {
			for (const sentence of sentencesOf(text)) {
				expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(30);
			}
			expect(readingGrade(sentencesOf(text)), text).toBeLessThanOrEqual(10);
		}
		expect(readingGrade(texts.flatMap(sentencesOf))).toBeLessThanOrEqual(7);
	});

	it('is named by at least one case for every rule', () => {
		const named = new Set(CASES.map((c) => c.rule));
		for (const rule of CURRENT_RULESET.rules) expect(named, rule.id).toContain(rule.id);
	});
});

describe('every rule is needed', () => {
	const disagreements = (ruleset: Ruleset) =>
		CASES.filter((testCase) => {
			const actual = observed(evaluateScreening(answers(testCase.answers), ruleset));
			return JSON.stringify(actual) !== JSON.stringify(testCase.expected);
		}).map((testCase) => testCase.name);

	it('agrees with every case when no rule is removed', () => {
		expect(disagreements(CURRENT_RULESET)).toEqual([]);
	});

	it.each(CURRENT_RULESET.rules.map((rule) => rule.id))('removing %s makes at least one case fail', (id) => {
		const without: Ruleset = { ...CURRENT_RULESET, rules: CURRENT_RULESET.rules.filter((rule) => rule.id !== id) };
		expect(without.rules).toHaveLength(CURRENT_RULESET.rules.length - 1);
		expect(disagreements(without).length).toBeGreaterThan(0);
	});
});

describe('rulesetProblems', () => {
	it('reports a missing red flag, a gap in the table, a duplicate id and an unknown source', () => {
		const [first, ...rest] = CURRENT_RULESET.rules;
		if (!first) throw new Error('empty ruleset');
		const broken: Ruleset = {
			...CURRENT_RULESET,
			rules: [
				...rest.filter((rule) => rule.id !== 'therapy.mixed.tcm'),
				{ ...rest[0]!, sources: ['no-such-source' as never] }
			]
		};
		const problems = rulesetProblems(broken);
		expect(problems).toContain('Red flag chest_pain_or_breathless needs exactly one rule.');
		expect(problems).toContain('Concerns mixed with preference tcm need exactly one therapy rule.');
		expect(problems).toContain(`Duplicate rule id ${rest[0]!.id}.`);
		expect(problems).toContain(`Rule ${rest[0]!.id} cites unknown source no-such-source.`);
	});

	it('changes the fingerprint when any wording changes', () => {
		const reworded: Ruleset = { ...CURRENT_RULESET, urgentSummary: `${CURRENT_RULESET.urgentSummary} ` };
		expect(rulesetFingerprint(reworded)).not.toBe(rulesetFingerprint(CURRENT_RULESET));
	});
});

describe('sources', () => {
	it('are all cited by some rule, so none is dead weight', () => {
		const cited = new Set([...CURRENT_RULESET.rules, CURRENT_RULESET.noMatch].flatMap((rule) => rule.sources));
		for (const id of SOURCE_IDS) expect(cited, id).toContain(id);
	});

	it('each carry a citation, an honest evidence grade, and well-formed links', () => {
		for (const id of SOURCE_IDS) {
			const source = SOURCES[id];
			expect(source.id).toBe(id);
			expect(source.citation.length).toBeGreaterThan(20);
			expect(source.usedFor.length).toBeGreaterThan(20);
			expect(['confirmed', 'unconfirmed', 'synthesis']).toContain(source.evidence);
			if (source.url !== undefined) expect(source.url).toMatch(/^https:\/\/[^\s]+$/);
			if (source.doi !== undefined) expect(source.doi).toMatch(/^10\.\d{4,}\/\S+$/);
		}
	});

	it('resolve a result’s source ids to citations, ignoring unknown ids', () => {
		const result = evaluateScreening(answers({ precautions: ['anticoagulants'] }));
		const cited = citationsFor([...result.precautions.flatMap((p) => p.sources), 'nonsense']);
		expect(cited.map((s) => s.id)).toEqual(['apta-dn-2013', 'munoz-2022']);
		expect(cited[1]?.doi).toBe('10.1155/2022/1363477');
	});
});
