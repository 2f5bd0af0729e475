import type {
	Recommendation,
	RelativePrecaution,
	ServiceSlug
} from '../../shared/screening/codes';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import type { ReasonCode, ScreeningResult } from '../../shared/screening/result';
import type { SourceId } from './sources';

/**
 * The expected behaviour of the screening engine, one row per case. Shared by evaluate.test.ts
 * (every case must hold) and rules.test.ts (every rule must be needed by some case).
 *
 * Expectations are written out here by hand, including the services, rather than read from the
 * ruleset, so the table stays an independent check on it.
 */

export interface Expected {
	readonly recommendation: Recommendation;
	readonly urgent: boolean;
	readonly reasons: readonly ReasonCode[];
	readonly precautions: readonly RelativePrecaution[];
	readonly clinicianReview: boolean;
	readonly suggestedServices: readonly ServiceSlug[];
}

export interface ScreeningCase {
	readonly name: string;
	/** The rule this case exists to exercise; it must fire. */
	readonly rule: string;
	/** A source that rule cites. */
	readonly source: SourceId;
	readonly answers: Partial<ScreeningInput>;
	readonly expected: Expected;
}

const SERVICES: Readonly<Record<Recommendation, readonly ServiceSlug[]>> = {
	physician_first: [],
	not_suitable_for_needling: ['initial-consultation'],
	dry_needling: ['initial-consultation', 'dry-needling'],
	acupuncture: ['initial-consultation', 'acupuncture'],
	either: ['initial-consultation', 'dry-needling', 'acupuncture']
};

function outcome(
	recommendation: Recommendation,
	reasons: readonly ReasonCode[],
	options: { precautions?: readonly RelativePrecaution[]; urgent?: boolean } = {}
): Expected {
	const precautions = options.precautions ?? [];
	return {
		recommendation,
		urgent: options.urgent ?? false,
		reasons,
		precautions,
		clinicianReview: precautions.length > 0,
		suggestedServices: SERVICES[recommendation]
	};
}

/** Full answers from the few fields a case cares about (what the schema would produce). */
export function answers(partial: Partial<ScreeningInput>): ScreeningInput {
	return {
		regions: [],
		concerns: [],
		duration: null,
		redFlags: [],
		precautions: [],
		preference: 'none',
		...partial
	};
}

/** The parts of a result the table pins down. */
export function observed(result: ScreeningResult): Expected {
	return {
		recommendation: result.recommendation,
		urgent: result.urgent,
		reasons: result.reasons.map((reason) => reason.code),
		precautions: result.precautions.map((note) => note.code),
		clinicianReview: result.clinicianReview,
		suggestedServices: result.suggestedServices
	};
}

const MSK: Partial<ScreeningInput> = { concerns: ['muscle_tightness'] };

export const CASES: readonly ScreeningCase[] = [
	// ── Every red flag alone beats a clear musculoskeletal answer. Three are urgent.
	{
		name: 'chest pain or sudden breathlessness: physician first, emergency care now',
		rule: 'red_flag.chest_pain_or_breathless',
		source: 'needlepoint-intake-logic',
		answers: { ...MSK, redFlags: ['chest_pain_or_breathless'] },
		expected: outcome('physician_first', ['chest_pain_or_breathless'], { urgent: true })
	},
	{
		name: 'saddle numbness: physician first, emergency care now',
		rule: 'red_flag.saddle_numbness',
		source: 'ahcpr-low-back-1994',
		answers: { concerns: ['sciatica'], regions: ['low_back'], redFlags: ['saddle_numbness'] },
		expected: outcome('physician_first', ['saddle_numbness'], { urgent: true })
	},
	{
		name: 'new bladder or bowel problems: physician first, emergency care now',
		rule: 'red_flag.bladder_bowel_change',
		source: 'ahcpr-low-back-1994',
		answers: { concerns: ['localized_pain'], redFlags: ['bladder_bowel_change'] },
		expected: outcome('physician_first', ['bladder_bowel_change'], { urgent: true })
	},
	{
		name: 'fever or feeling unwell: physician first',
		rule: 'red_flag.fever_or_unwell',
		source: 'ahcpr-low-back-1994',
		answers: { ...MSK, redFlags: ['fever_or_unwell'] },
		expected: outcome('physician_first', ['fever_or_unwell'])
	},
	{
		name: 'unexplained weight loss: physician first',
		rule: 'red_flag.unexplained_weight_loss',
		source: 'kearns-2019',
		answers: { ...MSK, redFlags: ['unexplained_weight_loss'] },
		expected: outcome('physician_first', ['unexplained_weight_loss'])
	},
	{
		name: 'history of cancer: physician first',
		rule: 'red_flag.cancer_history',
		source: 'ahcpr-low-back-1994',
		answers: { concerns: ['sleep'], preference: 'tcm', redFlags: ['cancer_history'] },
		expected: outcome('physician_first', ['cancer_history'])
	},
	{
		name: 'worsening weakness: physician first',
		rule: 'red_flag.progressive_weakness',
		source: 'neck-red-flags',
		answers: { ...MSK, redFlags: ['progressive_weakness'] },
		expected: outcome('physician_first', ['progressive_weakness'])
	},
	{
		name: 'recent serious injury: physician first',
		rule: 'red_flag.major_trauma',
		source: 'ahcpr-low-back-1994',
		answers: { concerns: ['sports_recovery'], preference: 'western', redFlags: ['major_trauma'] },
		expected: outcome('physician_first', ['major_trauma'])
	},
	{
		name: 'severe night pain: physician first',
		rule: 'red_flag.severe_night_pain',
		source: 'ahcpr-low-back-1994',
		answers: { ...MSK, redFlags: ['severe_night_pain'] },
		expected: outcome('physician_first', ['severe_night_pain'])
	},
	{
		name: 'dizziness, vision or speech problems: physician first',
		rule: 'red_flag.dizziness_vision_speech',
		source: 'cervical-arterial-screen',
		answers: { concerns: ['tension_headache'], regions: ['neck_back'], redFlags: ['dizziness_vision_speech'] },
		expected: outcome('physician_first', ['dizziness_vision_speech'])
	},
	{
		name: 'a red flag with no concerns at all still goes to a physician',
		rule: 'red_flag.dizziness_vision_speech',
		source: 'neck-red-flags',
		answers: { redFlags: ['dizziness_vision_speech'] },
		expected: outcome('physician_first', ['dizziness_vision_speech'])
	},

	// ── Absolute contraindications: no needling, consultation only.
	{
		name: 'fear of needles: not suitable for needling',
		rule: 'contraindication.needle_phobia',
		source: 'apta-dn-2013',
		answers: { ...MSK, precautions: ['needle_phobia'] },
		expected: outcome('not_suitable_for_needling', ['needle_phobia'])
	},
	{
		name: 'unable to consent: not suitable for needling',
		rule: 'contraindication.unable_to_consent',
		source: 'apta-dn-2013',
		answers: { concerns: ['stress'], preference: 'tcm', precautions: ['unable_to_consent'] },
		expected: outcome('not_suitable_for_needling', ['unable_to_consent'])
	},
	{
		name: 'both contraindications are both named',
		rule: 'contraindication.needle_phobia',
		source: 'acupuncture-clinic-lists',
		answers: { precautions: ['unable_to_consent', 'needle_phobia'] },
		expected: outcome('not_suitable_for_needling', ['needle_phobia', 'unable_to_consent'])
	},

	// ── Every cell of the concerns × preference table.
	{
		name: 'musculoskeletal only, no preference: dry needling',
		rule: 'therapy.musculoskeletal.none_or_western',
		source: 'needlepoint-triage',
		answers: { concerns: ['muscle_tightness', 'localized_pain'] },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'])
	},
	{
		name: 'musculoskeletal only, western: dry needling',
		rule: 'therapy.musculoskeletal.none_or_western',
		source: 'apta-dn-scope',
		answers: { concerns: ['sciatica'], preference: 'western' },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'])
	},
	{
		name: 'musculoskeletal only, tcm: either',
		rule: 'therapy.musculoskeletal.tcm',
		source: 'selvaratnam-2016',
		answers: { concerns: ['shoulder_impingement'], preference: 'tcm' },
		expected: outcome('either', ['musculoskeletal_concerns_tcm_preference'])
	},
	{
		name: 'whole-body only, no preference: acupuncture',
		rule: 'therapy.whole_body.none_or_tcm',
		source: 'selvaratnam-2016',
		answers: { concerns: ['sleep'] },
		expected: outcome('acupuncture', ['whole_body_concerns'])
	},
	{
		name: 'whole-body only, western: acupuncture, with a note why',
		rule: 'therapy.whole_body.western',
		source: 'apta-dn-scope',
		answers: { concerns: ['stress', 'anxiety'], preference: 'western' },
		expected: outcome('acupuncture', ['whole_body_concerns_western_preference'])
	},
	{
		name: 'whole-body only, tcm: acupuncture',
		rule: 'therapy.whole_body.none_or_tcm',
		source: 'needlepoint-triage',
		answers: { concerns: ['digestive'], preference: 'tcm' },
		expected: outcome('acupuncture', ['whole_body_concerns'])
	},
	{
		name: 'both kinds, no preference: either',
		rule: 'therapy.mixed.none',
		source: 'needlepoint-triage',
		answers: { concerns: ['tension_headache', 'migraine'] },
		expected: outcome('either', ['mixed_concerns'])
	},
	{
		name: 'both kinds, western: dry needling',
		rule: 'therapy.mixed.western',
		source: 'apta-dn-scope',
		answers: { concerns: ['sports_recovery', 'general_wellness'], preference: 'western' },
		expected: outcome('dry_needling', ['mixed_concerns_western_preference'])
	},
	{
		name: 'both kinds, tcm: acupuncture',
		rule: 'therapy.mixed.tcm',
		source: 'selvaratnam-2016',
		answers: { concerns: ['postural_strain', 'immunity'], preference: 'tcm' },
		expected: outcome('acupuncture', ['mixed_concerns_tcm_preference'])
	},
	{
		name: 'no concerns, no preference: either',
		rule: 'therapy.no_concerns',
		source: 'needlepoint-triage',
		answers: {},
		expected: outcome('either', ['no_concerns_given'])
	},
	{
		name: 'no concerns, western: either',
		rule: 'therapy.no_concerns',
		source: 'needlepoint-triage',
		answers: { preference: 'western' },
		expected: outcome('either', ['no_concerns_given'])
	},
	{
		name: 'no concerns, tcm: either',
		rule: 'therapy.no_concerns',
		source: 'needlepoint-triage',
		answers: { preference: 'tcm' },
		expected: outcome('either', ['no_concerns_given'])
	},

	// ── Concern codes that are easy to misfile.
	{
		name: 'tension headache counts as musculoskeletal',
		rule: 'therapy.musculoskeletal.none_or_western',
		source: 'needlepoint-triage',
		answers: { concerns: ['tension_headache'] },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'])
	},
	{
		name: 'migraine counts as whole-body, even with a western preference',
		rule: 'therapy.whole_body.western',
		source: 'selvaratnam-2016',
		answers: { concerns: ['migraine'], preference: 'western' },
		expected: outcome('acupuncture', ['whole_body_concerns_western_preference'])
	},
	{
		name: 'limited mobility counts as musculoskeletal',
		rule: 'therapy.musculoskeletal.none_or_western',
		source: 'apta-dn-scope',
		answers: { concerns: ['limited_mobility'], preference: 'western' },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'])
	},
	{
		name: 'general wellness and immunity are whole-body',
		rule: 'therapy.whole_body.western',
		source: 'needlepoint-triage',
		answers: { concerns: ['general_wellness', 'immunity'], preference: 'western' },
		expected: outcome('acupuncture', ['whole_body_concerns_western_preference'])
	},

	// ── Each relative precaution: explanation + clinician review, therapy unchanged.
	{
		name: 'blood thinners: dry needling stays, clinician review',
		rule: 'precaution.anticoagulants',
		source: 'munoz-2022',
		answers: { ...MSK, precautions: ['anticoagulants'] },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'], { precautions: ['anticoagulants'] })
	},
	{
		name: 'bleeding disorder: acupuncture stays, clinician review',
		rule: 'precaution.bleeding_disorder',
		source: 'apta-dn-2013',
		answers: { concerns: ['sleep'], precautions: ['bleeding_disorder'] },
		expected: outcome('acupuncture', ['whole_body_concerns'], { precautions: ['bleeding_disorder'] })
	},
	{
		name: 'pregnancy: either stays, clinician review',
		rule: 'precaution.pregnant',
		source: 'who-acupuncture-safety-1999',
		answers: { concerns: ['postural_strain', 'sleep'], precautions: ['pregnant'] },
		expected: outcome('either', ['mixed_concerns'], { precautions: ['pregnant'] })
	},
	{
		name: 'pregnancy with a tcm preference: acupuncture stays, clinician review',
		rule: 'precaution.pregnant',
		source: 'aacp-safe-practice-2012',
		answers: { concerns: ['digestive'], preference: 'tcm', precautions: ['pregnant'] },
		expected: outcome('acupuncture', ['whole_body_concerns'], { precautions: ['pregnant'] })
	},
	{
		name: 'lymphedema: dry needling stays, clinician review',
		rule: 'precaution.lymphedema',
		source: 'asap-safety-summary',
		answers: { concerns: ['limited_mobility'], preference: 'western', precautions: ['lymphedema'] },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'], { precautions: ['lymphedema'] })
	},
	{
		name: 'weak immune system: acupuncture stays, clinician review',
		rule: 'precaution.immunocompromised',
		source: 'apta-dn-2013',
		answers: { concerns: ['anxiety'], preference: 'tcm', precautions: ['immunocompromised'] },
		expected: outcome('acupuncture', ['whole_body_concerns'], { precautions: ['immunocompromised'] })
	},
	{
		name: 'diabetes: dry needling stays, clinician review',
		rule: 'precaution.diabetes',
		source: 'apta-dn-2013',
		answers: { concerns: ['sciatica', 'stress'], preference: 'western', precautions: ['diabetes'] },
		expected: outcome('dry_needling', ['mixed_concerns_western_preference'], { precautions: ['diabetes'] })
	},
	{
		name: 'epilepsy: acupuncture stays, clinician review',
		rule: 'precaution.epilepsy',
		source: 'acupuncture-clinic-lists',
		answers: { concerns: ['localized_pain', 'migraine'], preference: 'tcm', precautions: ['epilepsy'] },
		expected: outcome('acupuncture', ['mixed_concerns_tcm_preference'], { precautions: ['epilepsy'] })
	},
	{
		name: 'metal allergy: either stays, clinician review',
		rule: 'precaution.metal_allergy',
		source: 'apta-dn-2013',
		answers: { concerns: ['muscle_tightness'], preference: 'tcm', precautions: ['metal_allergy'] },
		expected: outcome('either', ['musculoskeletal_concerns_tcm_preference'], { precautions: ['metal_allergy'] })
	},
	{
		name: 'pacemaker or implant: acupuncture stays, clinician review',
		rule: 'precaution.pacemaker_or_implant',
		source: 'sierpina-frenkel-2005',
		answers: { concerns: ['sleep'], preference: 'western', precautions: ['pacemaker_or_implant'] },
		expected: outcome('acupuncture', ['whole_body_concerns_western_preference'], {
			precautions: ['pacemaker_or_implant']
		})
	},
	{
		name: 'skin infection at the site: either stays, clinician review',
		rule: 'precaution.skin_infection_at_site',
		source: 'asap-safety-summary',
		answers: { precautions: ['skin_infection_at_site'] },
		expected: outcome('either', ['no_concerns_given'], { precautions: ['skin_infection_at_site'] })
	},
	{
		name: 'all relative precautions at once never change the therapy',
		rule: 'precaution.pacemaker_or_implant',
		source: 'implant-screening-lists',
		answers: {
			concerns: ['stress'],
			preference: 'western',
			precautions: [
				'skin_infection_at_site',
				'pacemaker_or_implant',
				'metal_allergy',
				'epilepsy',
				'diabetes',
				'immunocompromised',
				'lymphedema',
				'pregnant',
				'bleeding_disorder',
				'anticoagulants'
			]
		},
		expected: outcome('acupuncture', ['whole_body_concerns_western_preference'], {
			precautions: [
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
			]
		})
	},
	{
		name: 'two precautions with musculoskeletal concerns: still dry needling',
		rule: 'precaution.anticoagulants',
		source: 'apta-dn-2013',
		answers: { concerns: ['sciatica'], precautions: ['pregnant', 'anticoagulants'] },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'], { precautions: ['anticoagulants', 'pregnant'] })
	},
	{
		name: 'lymphedema with both kinds and tcm: still acupuncture',
		rule: 'precaution.lymphedema',
		source: 'apta-dn-2013',
		answers: { concerns: ['shoulder_impingement', 'general_wellness'], preference: 'tcm', precautions: ['lymphedema'] },
		expected: outcome('acupuncture', ['mixed_concerns_tcm_preference'], { precautions: ['lymphedema'] })
	},

	// ── Precedence: red flag > contraindication > table; precautions ride along.
	{
		name: 'a red flag beats a contraindication',
		rule: 'red_flag.severe_night_pain',
		source: 'neck-red-flags',
		answers: { ...MSK, redFlags: ['severe_night_pain'], precautions: ['needle_phobia'] },
		expected: outcome('physician_first', ['severe_night_pain'])
	},
	{
		name: 'an urgent red flag beats inability to consent',
		rule: 'red_flag.chest_pain_or_breathless',
		source: 'dn-aftercare-warnings',
		answers: { redFlags: ['chest_pain_or_breathless'], precautions: ['unable_to_consent'] },
		expected: outcome('physician_first', ['chest_pain_or_breathless'], { urgent: true })
	},
	{
		name: 'a red flag keeps the precautions and asks for clinician review',
		rule: 'red_flag.cancer_history',
		source: 'neck-red-flags',
		answers: { concerns: ['sleep'], redFlags: ['cancer_history'], precautions: ['pregnant'] },
		expected: outcome('physician_first', ['cancer_history'], { precautions: ['pregnant'] })
	},
	{
		name: 'an urgent red flag with blood thinners: still emergency care first',
		rule: 'red_flag.saddle_numbness',
		source: 'ahcpr-low-back-1994',
		answers: { ...MSK, redFlags: ['saddle_numbness'], precautions: ['anticoagulants'] },
		expected: outcome('physician_first', ['saddle_numbness'], { urgent: true, precautions: ['anticoagulants'] })
	},
	{
		name: 'one urgent flag makes the whole result urgent',
		rule: 'red_flag.bladder_bowel_change',
		source: 'neck-red-flags',
		answers: { redFlags: ['major_trauma', 'bladder_bowel_change'] },
		expected: outcome('physician_first', ['bladder_bowel_change', 'major_trauma'], { urgent: true })
	},
	{
		name: 'two non-urgent flags are both named and not urgent',
		rule: 'red_flag.unexplained_weight_loss',
		source: 'ahcpr-low-back-1994',
		answers: { redFlags: ['unexplained_weight_loss', 'fever_or_unwell'] },
		expected: outcome('physician_first', ['fever_or_unwell', 'unexplained_weight_loss'])
	},
	{
		name: 'every red flag at once: all named, urgent',
		rule: 'red_flag.major_trauma',
		source: 'neck-red-flags',
		answers: {
			redFlags: [
				'dizziness_vision_speech',
				'severe_night_pain',
				'chest_pain_or_breathless',
				'major_trauma',
				'progressive_weakness',
				'saddle_numbness',
				'bladder_bowel_change',
				'cancer_history',
				'unexplained_weight_loss',
				'fever_or_unwell'
			],
			precautions: ['needle_phobia', 'unable_to_consent']
		},
		expected: outcome(
			'physician_first',
			[
				'chest_pain_or_breathless',
				'saddle_numbness',
				'bladder_bowel_change',
				'fever_or_unwell',
				'unexplained_weight_loss',
				'cancer_history',
				'progressive_weakness',
				'major_trauma',
				'severe_night_pain',
				'dizziness_vision_speech'
			],
			{ urgent: true }
		)
	},
	{
		name: 'a contraindication beats the table (whole-body, tcm)',
		rule: 'contraindication.needle_phobia',
		source: 'apta-dn-2013',
		answers: { concerns: ['sleep', 'stress'], preference: 'tcm', precautions: ['needle_phobia'] },
		expected: outcome('not_suitable_for_needling', ['needle_phobia'])
	},
	{
		name: 'a contraindication keeps relative precautions alongside',
		rule: 'contraindication.unable_to_consent',
		source: 'apta-dn-2013',
		answers: { ...MSK, precautions: ['epilepsy', 'unable_to_consent'] },
		expected: outcome('not_suitable_for_needling', ['unable_to_consent'], { precautions: ['epilepsy'] })
	},
	{
		name: 'fear of needles with a skin infection: not suitable, infection still noted',
		rule: 'precaution.skin_infection_at_site',
		source: 'acupuncture-clinic-lists',
		answers: { ...MSK, precautions: ['skin_infection_at_site', 'needle_phobia'] },
		expected: outcome('not_suitable_for_needling', ['needle_phobia'], { precautions: ['skin_infection_at_site'] })
	},

	// ── Answers the current rules deliberately do not use.
	{
		name: 'body areas and a long duration do not change the therapy',
		rule: 'therapy.musculoskeletal.none_or_western',
		source: 'needlepoint-triage',
		answers: { concerns: ['sciatica'], regions: ['low_back', 'buttock_left', 'hamstring_left'], duration: 'chronic' },
		expected: outcome('dry_needling', ['musculoskeletal_concerns'])
	},
	{
		name: 'a recent problem with whole-body concerns: acupuncture',
		rule: 'therapy.whole_body.none_or_tcm',
		source: 'selvaratnam-2016',
		answers: { concerns: ['stress'], duration: 'acute', regions: ['head'] },
		expected: outcome('acupuncture', ['whole_body_concerns'])
	},
	{
		name: 'body areas alone, without a concern: either',
		rule: 'therapy.no_concerns',
		source: 'needlepoint-triage',
		answers: { regions: ['shoulder_left', 'neck_back'], duration: 'subacute' },
		expected: outcome('either', ['no_concerns_given'])
	},
	{
		name: 'the order concerns are given in does not matter',
		rule: 'therapy.mixed.none',
		source: 'selvaratnam-2016',
		answers: { concerns: ['migraine', 'muscle_tightness', 'sleep', 'sciatica'] },
		expected: outcome('either', ['mixed_concerns'])
	}
];
