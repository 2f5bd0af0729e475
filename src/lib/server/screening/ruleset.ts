import {
	ABSOLUTE_PRECAUTIONS,
	CONCERN_PROFILES,
	PREFERENCES,
	RECOMMENDATIONS,
	RED_FLAGS,
	RELATIVE_PRECAUTIONS,
	type AbsolutePrecaution,
	type ConcernProfile,
	type Preference,
	type Recommendation,
	type RedFlag,
	type RelativePrecaution,
	type ServiceSlug,
	type TherapyRecommendation
} from '../../shared/screening/codes';
import type { TherapyReasonCode } from '../../shared/screening/result';
import { SOURCES, type SourceId } from './sources';

/**
 * The shape of a screening ruleset. Rules are data so that a clinical reviewer can read them,
 * results can record which version produced them, and tests can evaluate a ruleset with a rule
 * taken out.
 *
 * The engine decides in stages (see evaluate.ts); each rule belongs to one stage.
 */

interface RuleBase {
	/** Stable id, recorded on every result this rule helps produce. */
	readonly id: string;
	/** What the person reads. Plain language, our own words. */
	readonly text: string;
	readonly sources: readonly [SourceId, ...SourceId[]];
}

/** Stage 1: a symptom that needs a physician before any needling. */
export interface RedFlagRule extends RuleBase {
	readonly stage: 'red_flag';
	readonly redFlag: RedFlag;
	/** Emergency care now, rather than "see your doctor first". */
	readonly urgent: boolean;
}

/** Stage 2: a reason not to needle at all. */
export interface ContraindicationRule extends RuleBase {
	readonly stage: 'contraindication';
	readonly precaution: AbsolutePrecaution;
}

/** Stage 3: one or more cells of the concerns × preference table. */
export interface TherapyRule extends RuleBase {
	readonly stage: 'therapy';
	readonly concerns: ConcernProfile;
	readonly preferences: readonly Preference[];
	readonly recommendation: TherapyRecommendation;
	readonly code: Exclude<TherapyReasonCode, 'no_matching_rule'>;
}

/** Stage 4 (always applied): a precaution that adds an explanation and clinician review. */
export interface PrecautionRule extends RuleBase {
	readonly stage: 'precaution';
	readonly precaution: RelativePrecaution;
}

export type Rule = RedFlagRule | ContraindicationRule | TherapyRule | PrecautionRule;

export interface Outcome {
	readonly summary: string;
	readonly services: readonly ServiceSlug[];
}

export interface Ruleset {
	/** Bump on any change to rules or wording; results store it so old results stay explainable. */
	readonly version: string;
	readonly rules: readonly Rule[];
	readonly outcomes: Readonly<Record<Recommendation, Outcome>>;
	/** Replaces the physician_first summary when any urgent red flag fired. */
	readonly urgentSummary: string;
	/** Added to a therapy summary when precautions call for clinician review. */
	readonly reviewSummary: string;
	/**
	 * Used only if no therapy rule covers the answers (a gap in a ruleset). Sends the person to a
	 * consultation with clinician review rather than guessing a therapy.
	 */
	readonly noMatch: RuleBase & { readonly recommendation: TherapyRecommendation };
}

/**
 * Everything wrong with a ruleset: duplicate ids, unknown sources, empty wording, and any answer
 * code or table cell that no rule covers. The shipped ruleset must have none; a service can also
 * call this at start-up before trusting a ruleset loaded from elsewhere.
 */
export function rulesetProblems(ruleset: Ruleset): string[] {
	const problems: string[] = [];
	const ids = new Set<string>();
	for (const rule of [...ruleset.rules, ruleset.noMatch]) {
		if (ids.has(rule.id)) problems.push(`Duplicate rule id ${rule.id}.`);
		ids.add(rule.id);
		if (rule.text.trim() === '') problems.push(`Rule ${rule.id} has no text.`);
		for (const source of rule.sources) {
			if (!Object.hasOwn(SOURCES, source)) problems.push(`Rule ${rule.id} cites unknown source ${source}.`);
		}
	}

	const count = <T>(values: T[], value: T) => values.filter((v) => v === value).length;
	const redFlags = ruleset.rules.flatMap((r) => (r.stage === 'red_flag' ? [r.redFlag] : []));
	for (const flag of RED_FLAGS) {
		if (count(redFlags, flag) !== 1) problems.push(`Red flag ${flag} needs exactly one rule.`);
	}
	const absolute = ruleset.rules.flatMap((r) => (r.stage === 'contraindication' ? [r.precaution] : []));
	for (const code of ABSOLUTE_PRECAUTIONS) {
		if (count(absolute, code) !== 1) problems.push(`Contraindication ${code} needs exactly one rule.`);
	}
	const relative = ruleset.rules.flatMap((r) => (r.stage === 'precaution' ? [r.precaution] : []));
	for (const code of RELATIVE_PRECAUTIONS) {
		if (count(relative, code) !== 1) problems.push(`Precaution ${code} needs exactly one rule.`);
	}
	const cells = ruleset.rules.flatMap((r) =>
		r.stage === 'therapy' ? r.preferences.map((p) => `${r.concerns}/${p}`) : []
	);
	for (const profile of CONCERN_PROFILES) {
		for (const preference of PREFERENCES) {
			if (count(cells, `${profile}/${preference}`) !== 1) {
				problems.push(`Concerns ${profile} with preference ${preference} need exactly one therapy rule.`);
			}
		}
	}
	for (const recommendation of RECOMMENDATIONS) {
		if (ruleset.outcomes[recommendation].summary.trim() === '') {
			problems.push(`Outcome ${recommendation} has no summary.`);
		}
	}
	return problems;
}

/**
 * A short hash of the whole ruleset (FNV-1a over its JSON). A test pins it next to the version,
 * so changing any rule or wording without bumping the version fails loudly.
 */
export function rulesetFingerprint(ruleset: Ruleset): string {
	let hash = 0x811c9dc5;
	for (const char of JSON.stringify(ruleset)) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}
