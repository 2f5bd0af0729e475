import type { ConsentModality } from '../../shared/consent';

/**
 * The consent texts Needlepoint ships, written in our own words from the elements and numbers in
 * ./SOURCES.md (numbers in square brackets point there). A clinic edits them on
 * /staff/admin/consent; each edit publishes a new version and the shipped text stays version 1.
 */
export type DefaultDocument = { title: string; body: string };

const RIGHTS = `## Your choices
- Saying yes is your choice. You may say no, and you may ask us to stop at any moment, during a session or between sessions, without giving a reason. Your other care continues.
- You may withdraw this consent at any time: tell any member of staff, or use the link in your forms email. It takes effect at once.
- Ask us anything before you sign and at every visit. We will answer before we start.`;

const HONESTY = `## What we ask of you
Please tell us truthfully, and tell us when anything changes: whether you are or may be pregnant, take blood thinners or have a bleeding disorder, have a pacemaker or other implanted device, have a metal or nickel allergy, epilepsy, diabetes, a weakened immune system, lymphoedema or removed lymph nodes, or a skin infection. These change whether and how we treat you [A3].`;

export const DEFAULT_DOCUMENTS: Record<ConsentModality, DefaultDocument> = {
	dry_needling: {
		title: 'Consent to dry needling',
		body: `## What dry needling is
Your clinician slides very thin, solid, sterile needles that are used once and thrown away into tight bands of muscle (trigger points) or other soft tissue. Nothing is injected. The aim is to ease pain and tightness and help you move; a muscle may twitch briefly when it is reached [A1].

## What it may do for you
Many people have less pain or move more freely afterwards, sometimes after a few sessions. We cannot promise any result [A1].

## Common, short-lived effects
In a study of more than 7,600 dry-needling treatments, the most frequent reactions were [R1]:
- bruising (after about 8 in 100 treatments);
- a little bleeding where the needle went in (about 5 in 100);
- pain while needling (about 3 in 100) and soreness afterwards (about 2 in 100), usually gone within one or two days;
- feeling tired or drowsy (about 1 in 400): do not drive if you feel drowsy.
A larger US survey counted some minor reaction after about 1 in 3 treatments, mostly bleeding and bruising [R2]. Some people feel faint or light-headed, especially the first time or when afraid of needles: tell us at once and we will stop and let you lie down [A1].

## Rare but serious risks
- Collapsed lung (pneumothorax) when needling over the chest wall, upper back, neck or shoulder. It is rare but serious. Signs can start hours later: shortness of breath, chest pain, a dry cough or fast breathing. If you notice them, call us and go to an emergency department or call 911 [A2].
- Infection where a needle went in: rare, because the needles are sterile and used once [A1].
- Irritation or injury of a nerve or blood vessel, which can cause numbness, tingling or a larger bruise [A1, R1].
- A needle breaking under the skin: very rare; it may need to be removed by a doctor [A1].
Studies counted major reactions after fewer than 1 in 1,000 treatments [R2] and none in the 7,600-treatment study [R1].

## Other options
You can choose other treatment instead: hands-on (manual) therapy, exercise, heat or advice, acupuncture with a licensed acupuncturist, or no needling at all [A1].

${HONESTY}

${RIGHTS}

This consent covers a course of dry-needling treatment with this clinic until you withdraw it.`
	},
	acupuncture: {
		title: 'Consent to acupuncture',
		body: `## What acupuncture is
A licensed practitioner places very thin, solid, sterile needles that are used once and thrown away at chosen points on the body, and may turn them gently, warm them or connect them to a small electrical current (which has its own consent). Nothing is injected [A1, L1].

## What it may do for you
People use acupuncture for pain and other complaints; many feel better, but we cannot promise any result.

## Common, short-lived effects
In a survey of more than 6,000 people treated by acupuncturists, about 1 in 10 reported at least one reaction over three months; the most common were feeling very tired, pain where a needle went in, and headache [R3]. Bruising, a drop of blood and feeling faint or light-headed can happen; tell us at once if you feel unwell and we will stop [A1, R4].

## Rare but serious risks
- Collapsed lung (pneumothorax) when needles are placed over the chest or upper back: rare but serious. Watch for shortness of breath, chest pain, a dry cough or fast breathing in the hours after treatment, and seek urgent care if they appear [A2, R4].
- Infection where a needle went in: rare with sterile single-use needles [R4].
- Irritation of a nerve, or a needle breaking: very rare [A1].
In the same survey, 3 of more than 9,000 people had a serious reaction [R3].

## Other options
Other treatment such as manual therapy, exercise or medicines from your doctor, or no acupuncture at all.

${HONESTY}

${RIGHTS}

This consent covers a course of acupuncture with this clinic until you withdraw it.`
	},
	electrical_stimulation: {
		title: 'Consent to electrical stimulation',
		body: `## What it is
A small battery-powered device sends a gentle electrical current through pads on the skin or through needles already in place (electro-needling or electro-acupuncture). You will feel tingling, tapping or a muscle twitch; we set the strength with you and can turn it down or off at any time.

## What it may do for you
It may ease pain and relax muscles. We cannot promise any result.

## Effects and risks
- Tingling, a muscle twitch or soreness afterwards are common and pass quickly.
- Skin redness or irritation under pads can happen.
- The current is never passed across the chest near the heart, across the head, or near a pacemaker or other implanted electrical device or pump. If you have one, tell us: we will not use electrical stimulation [D1].
- Everything in the needling consent (bleeding, bruising, fainting, infection, and rarely a collapsed lung) still applies when needles are used [A1, A2].

## Other options
Needling without current, manual therapy, exercise, or no electrical stimulation at all.

${HONESTY}

${RIGHTS}`
	},
	general_treatment: {
		title: 'Consent to treatment (manual therapy and exercise)',
		body: `## What it is
Your clinician examines you and treats you with hands-on techniques such as massage and mobilisation of joints and soft tissue, and with exercises and advice for home. We explain each step before we do it.

## What it may do for you
Less pain, easier movement and a plan you can keep up at home. We cannot promise any result.

## Effects and risks
- Soreness or stiffness for a day or two after treatment or new exercises is common.
- Feeling light-headed, or a flare-up of your symptoms, can happen; tell us and we will adapt the treatment.
- Serious harm is uncommon. If anything feels wrong during treatment, say so and we stop.

## Other options
Advice only, care from another professional, or no treatment at all.

${HONESTY}

${RIGHTS}`
	},
	privacy_notice: {
		title: 'Privacy notice acknowledgement',
		body: `## What we keep
We keep your contact details, appointments, forms, consents and treatment notes so that we can treat you safely, remind you of visits and meet the record-keeping rules for health care [P1].

## Who sees it
Only the clinic's staff who need it for your care or for running the clinic. We do not sell your information and we put no health details in email subject lines, web addresses or calendar feeds.

## Your rights
You may ask to see your record, to receive a copy, and to have mistakes corrected. Every time staff open or change your record, it is written in an audit trail.

## What signing means
You confirm that you have received and read this notice. Signing does not mean you give up any right.`
	}
};

/** The statement some states require in a dry-needling consent (clinic setting). */
export const DRY_NEEDLING_NOT_ACUPUNCTURE =
	'Dry needling as performed at this clinic is not acupuncture and is not performed by a licensed acupuncturist [S1].';
