import type {
	AbsolutePrecaution,
	ConcernProfile,
	Recommendation,
	RedFlag,
	RelativePrecaution,
	ServiceSlug
} from './codes';
import type { ScreeningField } from './input.schema';

/**
 * The shape of a self-assessment result, shared by the API (JSON) and the result page.
 *
 * The API contract is: recommendation, reasons[{code,text}], precautions[{code,text}],
 * clinicianReview, suggestedServices, rulesetVersion. Everything else here is extra detail for
 * the result page and for audit, and may grow.
 */

/** Reason codes of the concern/preference table (red flags and contraindications use their own codes). */
export const THERAPY_REASON_CODES = [
	'musculoskeletal_concerns',
	'musculoskeletal_concerns_tcm_preference',
	'whole_body_concerns',
	'whole_body_concerns_western_preference',
	'mixed_concerns',
	'mixed_concerns_western_preference',
	'mixed_concerns_tcm_preference',
	'no_concerns_given',
	/** Only when a ruleset has a gap; the shipped ruleset covers every case. */
	'no_matching_rule'
] as const;
export type TherapyReasonCode = (typeof THERAPY_REASON_CODES)[number];

export type ReasonCode = RedFlag | AbsolutePrecaution | TherapyReasonCode;

/** An answer that made a rule fire, so the page can say "because you told us …". */
export interface AnswerRef {
	readonly field: ScreeningField;
	readonly code: string;
}

export interface Finding<Code extends string> {
	readonly code: Code;
	/** Plain-language explanation for the person. */
	readonly text: string;
	readonly ruleId: string;
	readonly answers: readonly AnswerRef[];
	/** Source ids; the server can turn them into full citations. */
	readonly sources: readonly string[];
}

export type Reason = Finding<ReasonCode>;
export type PrecautionNote = Finding<RelativePrecaution>;

export interface ScreeningResult {
	readonly recommendation: Recommendation;
	readonly reasons: readonly Reason[];
	readonly precautions: readonly PrecautionNote[];
	/** True when a clinician must look at the answers before any needling. */
	readonly clinicianReview: boolean;
	readonly suggestedServices: readonly ServiceSlug[];
	readonly rulesetVersion: string;

	/** True when the person should get emergency care now; the page must lead with it. */
	readonly urgent: boolean;
	/** One sentence for the top of the result page. */
	readonly summary: string;
	/** Which row of the therapy table the concerns fall in (informational for red-flag results). */
	readonly concernProfile: ConcernProfile;
	/** Ids of every rule that fired, in ruleset order, for audit. */
	readonly firedRules: readonly string[];
}
