import {
	THERAPY_RECOMMENDATIONS,
	concernProfile,
	type ConcernProfile,
	type Recommendation
} from '../../shared/screening/codes';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import type { AnswerRef, Finding, PrecautionNote, Reason, ScreeningResult } from '../../shared/screening/result';
import { CURRENT_RULESET } from './rules';
import type { Rule, Ruleset } from './ruleset';

/**
 * The "which therapy fits me?" engine. Pure: same answers and ruleset, same result.
 *
 * Decisions are made in stages and the first stage that fires decides:
 *   1. any red flag            → physician_first (urgent if any fired rule is urgent)
 *   2. any absolute contraindication → not_suitable_for_needling
 *   3. the concerns × preference table → dry_needling | acupuncture | either
 * Relative precautions are evaluated on every path. They never change the recommendation; they
 * add explanations and set clinicianReview. They are reported even with a red flag, because the
 * person will still need them once a doctor has seen them.
 *
 * The ruleset is a parameter so tests can run the case table against a ruleset missing a rule.
 * Input must already have passed screeningInput (see shared/screening/input.schema.ts).
 */
export function evaluateScreening(input: ScreeningInput, ruleset: Ruleset = CURRENT_RULESET): ScreeningResult {
	const profile = concernProfile(input.concerns);
	const precautions: PrecautionNote[] = rulesOf(ruleset, 'precaution')
		.filter((rule) => input.precautions.includes(rule.precaution))
		.map((rule) => finding(rule, rule.precaution, [{ field: 'precautions', code: rule.precaution }]));

	const decision = decide(input, profile, ruleset);
	const clinicianReview = precautions.length > 0 || decision.needsReview;
	const outcome = ruleset.outcomes[decision.recommendation];
	const summary = decision.urgent
		? ruleset.urgentSummary
		: clinicianReview && isTherapy(decision.recommendation)
			? `${outcome.summary} ${ruleset.reviewSummary}`
			: outcome.summary;

	return {
		recommendation: decision.recommendation,
		reasons: decision.reasons,
		precautions,
		clinicianReview,
		suggestedServices: [...outcome.services],
		rulesetVersion: ruleset.version,
		urgent: decision.urgent,
		summary,
		concernProfile: profile,
		firedRules: [...decision.reasons, ...precautions].map((f) => f.ruleId)
	};
}

interface Decision {
	readonly recommendation: Recommendation;
	readonly reasons: Reason[];
	readonly urgent: boolean;
	/** Set when the ruleset could not place the answers, so a human must. */
	readonly needsReview: boolean;
}

function decide(input: ScreeningInput, profile: ConcernProfile, ruleset: Ruleset): Decision {
	const redFlags = rulesOf(ruleset, 'red_flag').filter((rule) => input.redFlags.includes(rule.redFlag));
	if (redFlags.length > 0) {
		return {
			recommendation: 'physician_first',
			reasons: redFlags.map((rule) => finding(rule, rule.redFlag, [{ field: 'redFlags', code: rule.redFlag }])),
			urgent: redFlags.some((rule) => rule.urgent),
			needsReview: false
		};
	}

	const contraindications = rulesOf(ruleset, 'contraindication').filter((rule) =>
		input.precautions.includes(rule.precaution)
	);
	if (contraindications.length > 0) {
		return {
			recommendation: 'not_suitable_for_needling',
			reasons: contraindications.map((rule) =>
				finding(rule, rule.precaution, [{ field: 'precautions', code: rule.precaution }])
			),
			urgent: false,
			needsReview: false
		};
	}

	const answers: AnswerRef[] = [
		...input.concerns.map((code) => ({ field: 'concerns' as const, code })),
		{ field: 'preference', code: input.preference }
	];
	const therapy = rulesOf(ruleset, 'therapy').find(
		(rule) => rule.concerns === profile && rule.preferences.includes(input.preference)
	);
	if (!therapy) {
		const { noMatch } = ruleset;
		return {
			recommendation: noMatch.recommendation,
			reasons: [finding(noMatch, 'no_matching_rule', answers)],
			urgent: false,
			needsReview: true
		};
	}
	return {
		recommendation: therapy.recommendation,
		reasons: [finding(therapy, therapy.code, answers)],
		urgent: false,
		needsReview: false
	};
}

type Stage = Rule['stage'];

function rulesOf<S extends Stage>(ruleset: Ruleset, stage: S): Extract<Rule, { stage: S }>[] {
	return ruleset.rules.filter((rule): rule is Extract<Rule, { stage: S }> => rule.stage === stage);
}

function finding<Code extends string>(
	rule: Pick<Rule, 'id' | 'text' | 'sources'>,
	code: Code,
	answers: AnswerRef[]
): Finding<Code> {
	return { code, text: rule.text, ruleId: rule.id, answers, sources: [...rule.sources] };
}

const THERAPIES: ReadonlySet<Recommendation> = new Set(THERAPY_RECOMMENDATIONS);

function isTherapy(recommendation: Recommendation): boolean {
	return THERAPIES.has(recommendation);
}

/**
 * The urgent red flags among those ticked, as findings with their sources. The self-assessment
 * checks this straight after the safety question, so emergency advice comes on the next screen
 * instead of after the remaining questions.
 */
export function urgentFindings(redFlags: readonly string[], ruleset: Ruleset = CURRENT_RULESET): Reason[] {
	return rulesOf(ruleset, 'red_flag')
		.filter((rule) => rule.urgent && redFlags.includes(rule.redFlag))
		.map((rule) => finding(rule, rule.redFlag, [{ field: 'redFlags', code: rule.redFlag }]));
}

/** Whether a reason comes from an urgent rule, so an urgent result can leave the others out. */
export function isUrgentFinding(ruleId: string, ruleset: Ruleset = CURRENT_RULESET): boolean {
	return rulesOf(ruleset, 'red_flag').some((rule) => rule.id === ruleId && rule.urgent);
}
