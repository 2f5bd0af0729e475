/**
 * Stable answer and outcome codes of the "which therapy fits me?" self-assessment.
 *
 * These strings are stored with results and sent by API clients, so they never change meaning:
 * add new codes, retire old ones, but do not rename. Patient-facing wording lives in labels.ts,
 * body-map areas in regions.ts.
 */

/** Concerns about muscles, joints and posture: the territory dry needling is described for. */
export const MUSCULOSKELETAL_CONCERNS = [
	'muscle_tightness',
	'limited_mobility',
	'localized_pain',
	'sports_recovery',
	'postural_strain',
	'tension_headache',
	'sciatica',
	'shoulder_impingement'
] as const;

/** Whole-body (systemic) goals, which only the acupuncture service addresses. */
export const WHOLE_BODY_CONCERNS = [
	'stress',
	'sleep',
	'digestive',
	'migraine',
	'anxiety',
	'general_wellness',
	'immunity'
] as const;

export const CONCERNS = [...MUSCULOSKELETAL_CONCERNS, ...WHOLE_BODY_CONCERNS] as const;
export type MusculoskeletalConcern = (typeof MUSCULOSKELETAL_CONCERNS)[number];
export type WholeBodyConcern = (typeof WHOLE_BODY_CONCERNS)[number];
export type Concern = (typeof CONCERNS)[number];

export type ConcernKind = 'musculoskeletal' | 'whole_body';

/** Which kinds of concern a person gave: the row of the therapy table. */
export const CONCERN_PROFILES = ['musculoskeletal', 'whole_body', 'mixed', 'none'] as const;
export type ConcernProfile = (typeof CONCERN_PROFILES)[number];

const MUSCULOSKELETAL_SET: ReadonlySet<Concern> = new Set(MUSCULOSKELETAL_CONCERNS);

export function concernKind(concern: Concern): ConcernKind {
	return MUSCULOSKELETAL_SET.has(concern) ? 'musculoskeletal' : 'whole_body';
}

export function concernProfile(concerns: readonly Concern[]): ConcernProfile {
	const kinds = new Set(concerns.map(concernKind));
	if (kinds.size === 2) return 'mixed';
	if (kinds.has('musculoskeletal')) return 'musculoskeletal';
	if (kinds.has('whole_body')) return 'whole_body';
	return 'none';
}

/** How long the problem has lasted: acute under 6 weeks, subacute 6 to 12, chronic over 12. */
export const DURATIONS = ['acute', 'subacute', 'chronic'] as const;
export type Duration = (typeof DURATIONS)[number];

/** Symptoms that call for a physician before any needling (see the server ruleset for sources). */
export const RED_FLAGS = [
	'fever_or_unwell',
	'unexplained_weight_loss',
	'cancer_history',
	'bladder_bowel_change',
	'saddle_numbness',
	'progressive_weakness',
	'major_trauma',
	'chest_pain_or_breathless',
	'severe_night_pain',
	'dizziness_vision_speech'
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** Reasons not to needle at all, whatever the complaint. */
export const ABSOLUTE_PRECAUTIONS = ['needle_phobia', 'unable_to_consent'] as const;

/** Reasons to needle only after a clinician has reviewed the answers; they never change the therapy. */
export const RELATIVE_PRECAUTIONS = [
	'anticoagulants',
	'bleeding_disorder',
	'pregnant',
	'lymphedema',
	'immunocompromised',
	'diabetes',
	'epilepsy',
	'metal_allergy',
	'pacemaker_or_implant',
	'skin_infection_at_site'
] as const;

export const PRECAUTIONS = [...ABSOLUTE_PRECAUTIONS, ...RELATIVE_PRECAUTIONS] as const;
export type AbsolutePrecaution = (typeof ABSOLUTE_PRECAUTIONS)[number];
export type RelativePrecaution = (typeof RELATIVE_PRECAUTIONS)[number];
export type Precaution = (typeof PRECAUTIONS)[number];

const ABSOLUTE_SET: ReadonlySet<Precaution> = new Set(ABSOLUTE_PRECAUTIONS);

export function isAbsolutePrecaution(precaution: Precaution): precaution is AbsolutePrecaution {
	return ABSOLUTE_SET.has(precaution);
}

/** "western" = anatomy-based approach (dry needling); "tcm" = traditional Chinese medicine (acupuncture). */
export const PREFERENCES = ['none', 'western', 'tcm'] as const;
export type Preference = (typeof PREFERENCES)[number];

export const RECOMMENDATIONS = [
	'physician_first',
	'not_suitable_for_needling',
	'dry_needling',
	'acupuncture',
	'either'
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The outcomes the concern/preference table can give (after red flags and contraindications). */
export const THERAPY_RECOMMENDATIONS = ['dry_needling', 'acupuncture', 'either'] as const;
export type TherapyRecommendation = (typeof THERAPY_RECOMMENDATIONS)[number];

/** Slugs of the seeded clinic services a result may point to. */
export const SERVICE_SLUGS = ['initial-consultation', 'dry-needling', 'acupuncture', 'follow-up'] as const;
export type ServiceSlug = (typeof SERVICE_SLUGS)[number];
