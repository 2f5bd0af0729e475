import type {
	Concern,
	Duration,
	Precaution,
	Preference,
	Recommendation,
	RedFlag
} from './codes';

/**
 * Patient-facing words for every answer code, written for a reading age of about 12 and in the
 * first person, because the person ticks the ones that are true for them. Body-map labels live in
 * regions.ts. Keeping labels apart from codes lets us reword without touching stored answers.
 */

export const CONCERN_LABELS: Readonly<Record<Concern, string>> = {
	muscle_tightness: 'Tight or knotted muscles',
	limited_mobility: 'Stiffness, or trouble moving a part of my body',
	localized_pain: 'Pain in one area',
	sports_recovery: 'Getting over a sports or exercise strain',
	postural_strain: 'Aches from posture, like long hours at a desk',
	tension_headache: 'Tension headaches (like a tight band around my head)',
	sciatica: 'Sciatica (pain that runs down my leg)',
	shoulder_impingement: 'Shoulder pain when I lift my arm',
	stress: 'Stress',
	sleep: 'Trouble sleeping',
	digestive: 'Stomach or digestion problems',
	migraine: 'Migraines',
	anxiety: 'Feeling anxious or worried',
	general_wellness: 'General wellbeing',
	immunity: 'Support for my immune system'
};

export const DURATION_LABELS: Readonly<Record<Duration, string>> = {
	acute: 'Less than 6 weeks',
	subacute: '6 to 12 weeks',
	chronic: 'More than 12 weeks'
};

/** Worded as plain symptoms, not diagnoses, so ticking one feels like telling, not confessing. */
export const RED_FLAG_LABELS: Readonly<Record<RedFlag, string>> = {
	fever_or_unwell: 'I have a fever, or I feel unwell all over',
	unexplained_weight_loss: 'I have lost weight without trying',
	cancer_history: 'I have had cancer',
	bladder_bowel_change: 'New trouble with my bladder or bowels, like not being able to pee or leaking',
	saddle_numbness: 'Numbness between my legs or around my bottom',
	progressive_weakness: 'Weakness in an arm or leg that is getting worse',
	major_trauma: 'A recent serious injury, like a car crash or a bad fall',
	chest_pain_or_breathless: 'Chest pain, or trouble breathing that came on suddenly',
	severe_night_pain: 'Bad pain at night that does not ease when I rest or move',
	dizziness_vision_speech: 'Dizzy spells, fainting, double vision, or trouble speaking or swallowing'
};

export const PRECAUTION_LABELS: Readonly<Record<Precaution, string>> = {
	needle_phobia: 'I am very afraid of needles',
	unable_to_consent: 'I cannot agree to treatment myself (someone else makes health choices for me)',
	anticoagulants: 'I take blood thinners, like warfarin, apixaban or daily aspirin',
	bleeding_disorder: 'I bleed or bruise very easily, or I have a bleeding disorder',
	pregnant: 'I am pregnant, or I might be',
	lymphedema: 'I have lymphedema (long-lasting swelling in an arm or leg)',
	immunocompromised: 'My immune system is weak because of an illness or a medicine',
	diabetes: 'I have diabetes',
	epilepsy: 'I have epilepsy or seizures',
	metal_allergy: 'I am allergic to metals, like nickel',
	pacemaker_or_implant: 'I have a pacemaker or another implant, like a pump, breast implant or joint replacement',
	skin_infection_at_site: 'I have a skin infection, wound or rash where it hurts'
};

/** Neutral on purpose: neither approach is presented as the better one. */
export const PREFERENCE_LABELS: Readonly<Record<Preference, string>> = {
	none: 'No preference. Help me choose.',
	western: 'A Western, anatomy-based approach (dry needling)',
	tcm: 'A traditional Chinese medicine approach (acupuncture)'
};

/** Short headings for the result page. The engine's summary gives the full sentence. */
export const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
	physician_first: 'See a doctor first',
	not_suitable_for_needling: 'Needling is not the right fit for now',
	dry_needling: 'Dry needling',
	acupuncture: 'Acupuncture',
	either: 'Dry needling or acupuncture'
};
