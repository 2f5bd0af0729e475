/**
 * The three demo articles, written for Needlepoint in our own words. Every fact or number carries a
 * numbered source, listed in full at the end of each article; the sources are the ones in the
 * project's clinical reference (clinical.md), cited as precisely as that reference gives them.
 * On the dispute between the professions the text reports both positions and takes neither.
 */
export type DemoArticleText = {
	slug: string;
	title: string;
	summary: string;
	authorKey: string;
	serviceSlug: string;
	tags: string[];
	daysAgo: number;
	body: string;
};

const DN_VS_ACUPUNCTURE = `Dry needling and acupuncture look much the same from the treatment table: a practitioner places very thin, solid needles through the skin, and nothing is injected. The differences lie in the reasoning that decides where the needles go, in who is trained to use them, and in the problems each is most often chosen for. This guide sets those differences out as fairly as we can. Both are offered at our clinic, by different members of the team.

## Where each approach comes from

Acupuncture grew out of Traditional Chinese Medicine. A licensed acupuncturist assesses you within that framework and chooses points along the body's meridians, often pairing points near the problem with points elsewhere on the body. Massachusetts law describes acupuncture as practice based on traditional Oriental medical theory, and licensed acupuncturists here are overseen by a committee of the Board of Registration in Medicine [1].

Dry needling, as physical therapists describe it, rests on Western anatomy, neurophysiology and musculoskeletal science; physical therapists who use it do not work with traditional acupuncture theory or its vocabulary [2]. The needle is usually aimed at a myofascial trigger point — a tender, tight spot within a band of muscle — or at tissue that limits movement, such as shortened muscle fibres, adhesions or scar tissue [3].

## Same needle, different questions

In the treatment room the main difference is the question being asked. A clinician using dry needling asks which muscle or tissue is driving your pain or stiffness, and how needling it fits with exercise and hands-on treatment in a wider rehabilitation plan. An acupuncturist asks how your symptoms fit a pattern in Traditional Chinese Medicine and treats that pattern, which can mean needles well away from where it hurts.

An educator who teaches acupuncture to physiotherapists has described a practical division of labour: acupuncture is often chosen for long-standing pain and for whole-body complaints such as nausea, headaches and migraine, or hormonal problems; dry needling for muscle, nerve-irritation and other musculoskeletal problems. The same interview notes that the two can be combined [4].

## A professional debate, and where we stand

The professions do not agree on where the boundary lies. Acupuncture organisations in the United States hold that dry needling is a form of acupuncture and should require acupuncture-level training [5]. Physical therapy organisations regard it as a technique within their own scope, based on their own anatomy-centred training [2].

States have answered the question differently. Maryland was the first to allow dry needling by physical therapists, in 1984; most states now allow it, a few (such as California and Hawaii) do not, and the exact counts differ by source and date [6]. Recent summaries list Massachusetts as having no formal ruling [6], and bills have been filed in the state legislature to set training and testing standards for needling by practitioners who are not acupuncturists [7].

We do not take a side in that debate. What matters for you is that the person treating you is trained, qualified and permitted to do it, and can explain why they recommend it.

## How to choose

These questions can help you decide, or at least start the conversation:

- **What is the main problem?** Pain linked to a particular muscle or movement — a stiff neck, a sore shoulder, pain in the buttock — is where dry needling is most often used, though acupuncture is used for it too. Goals beyond the muscles, such as nausea or headaches, more often lead people to acupuncture [4].
- **Which way of thinking suits you?** If the Traditional Chinese Medicine perspective appeals to you, see a licensed acupuncturist. If you prefer an explanation in terms of muscles, nerves and movement, dry needling within physical therapy or chiropractic care may suit you better.
- **Do you want needling as part of a wider plan?** At our clinic, dry needling is one part of a plan that also includes exercise and manual therapy.
- **Does insurance matter?** Coverage differs between plans. Medicare, for example, covers acupuncture only for chronic low back pain, within set visit limits and when it is delivered by eligible practitioners [8]. The two treatments are also billed under different procedure codes [9]. Ask your insurer before you start.
- **Is there a reason to be careful?** Some health conditions and medicines call for extra care with any kind of needling. Our article on dry needling safety explains them; tell your clinician about them either way.

If you are still unsure, that is normal: an initial consultation is the place to talk it through, and our short "Which therapy fits me?" questions can help you prepare.

## Sources

1. Commonwealth of Massachusetts, General Laws c.112 §148 (definition of acupuncture); Committee on Acupuncture of the Board of Registration in Medicine, letter of 22 June 2011.
2. American Physical Therapy Association, resource papers on dry needling (2012 and 2014), as quoted by Spooner Physical Therapy (spoonerpt.com).
3. American Physical Therapy Association, *Description of Dry Needling in Clinical Practice: An Educational Resource Paper* (2013), indications as summarised by physilife.in.
4. Selvaratnam, interview on acupuncture and dry needling in physiotherapy, 2016 (raynersmale.com).
5. Acupuncture and Oriental Medicine Society of Massachusetts, petition on dry needling (change.org), setting out the positions of the CCAOM and AAAOM; Five Points Acupuncture (fivepointsacupuncture.com).
6. World Population Review, dry needling by state (2024); Dry Needling Directory, state list; Myopain Seminars.
7. Acupuncture Society of Massachusetts (acusocietyma.org), on bills H 2270 and S 1355, "An Act relative to the safer treatment of pain" (2023–24).
8. Centers for Medicare & Medicaid Services, National Coverage Determination 30.3.3, Acupuncture for Chronic Low Back Pain (effective 21 January 2020), cms.gov.
9. APTA Magazine (February 2020) and American Chiropractic Association billing guidance, on CPT codes 20560 and 20561 (needle insertion without injection) and 97810–97814 (acupuncture).
`;

const FIRST_SESSION = `If you have been offered dry needling and have never had it, it is natural to wonder how it will feel and what comes after. This article walks through a typical first session at our clinic and the day or two that follow, including the rare signs that mean you should get help.

## Before: questions and consent

Your clinician starts with an assessment — your history, how you move and where it hurts — because dry needling is only ever one possible part of a plan. They will also ask screening questions. Please be open about pregnancy, blood-thinning medicines or bleeding problems, a pacemaker or other implant, an allergy to metals such as nickel, epilepsy, diabetes, a weakened immune system, lymphoedema and any current infection [1, 2]. None of these automatically rules needling out, but each one changes what is safe.

You will then be asked to consent. A proper explanation covers what the treatment is, what it aims to achieve (no result can be guaranteed), its common and rare risks, the alternatives, and your clinician's training in the technique. You can ask questions at any time and you can stop the treatment whenever you wish [1].

## During: what it feels like

The needles are solid, very fine, sterile and used only once; nothing is injected [1]. Your clinician feels for a tight, tender spot in the muscle and passes the needle through the skin into it. You may feel a brief deep ache or a small twitch in the muscle; some people feel very little. Pain during needling is one of the reactions people report, so say so if it is too much — your clinician can adjust or stop [3].

Needling is usually combined with exercise or hands-on treatment in the same visit. Some people feel light-headed or faint during or after needling [1]; tell your clinician straight away if you feel unwell.

## After: normal reactions

Reactions are common and usually mild. In a study of 7,629 treatments by Irish physiotherapists, 19.18% of treatments were followed by a mild reaction. The most frequent were bruising (7.55% of treatments), bleeding at a needle site (4.65%), pain during treatment (3.01%) and pain afterwards (2.19%); there were no serious adverse events [3].

- **Soreness** in the treated muscle, rather like after a hard workout, usually settles within one to two days [1].
- **A bruise or a drop of blood** at a needle site can happen; gentle pressure helps.
- **Tiredness or drowsiness** can follow treatment. If you feel drowsy, do not drive until it has passed [1].

Unless your clinician tells you otherwise, keep moving gently and carry on with the exercises you were given.

## When to call for help

Serious problems are rare, but it is worth knowing the signs. When muscles over the chest wall are treated, a very rare risk is a collapsed lung (pneumothorax). Its symptoms may begin hours after the session: breathlessness, especially when you exert yourself, chest pain, a dry cough, or breathing faster than usual [4]. If you notice any of these, get urgent medical care, tell them you had dry needling, and then let us know.

Call us too if a needle site becomes red, hot, swollen or more painful over the following days, or if you notice new numbness or weakness: infection and nerve injury are rare, but they need to be checked [1].

## Questions we are often asked

**How many sessions will I need?** That depends on the problem and on how you respond. Your clinician reviews your progress with you and continues needling only while it is helping.

**Can I exercise afterwards?** Light activity is usually fine. Ask before anything strenuous on the same day.

**Is it the same as acupuncture?** The needles are similar, but the reasoning behind them is not. Our article on dry needling and acupuncture explains the difference.

## Sources

1. Dry needling consent and information forms from several clinics: Strength Rehabilitation Sydney, Releaseology, Peak Health Professionals, Micah Touch, Spooner Physical Therapy, a Jotform consent template (form.jotform.com/243477144533155) and Online Chiro; with Halle and Halle, *Int J Sports Phys Ther* 2016, on communicating risks.
2. American Physical Therapy Association, *Description of Dry Needling in Clinical Practice: An Educational Resource Paper* (2013), and the Australian (ASAP, 2007) and Irish (ISCP, 2012) guidelines it drew on, as reproduced by physioman.in and physilife.in.
3. Brady, McEvoy, Dommerholt, Doody. *J Man Manip Ther* 2014;22(3):134-40. Prospective study of 39 Irish chartered physiotherapists over ten months: 7,629 treatments.
4. Online Chiro, dry needling consent form (my.onlinechiro.com): warning symptoms after treatment.
`;

const SAFETY = `Dry needling is widely used, and in trained hands its side effects are usually minor and short-lived. But it is a procedure that passes needles through the skin, and no procedure is free of risk. Here is what is known, with the numbers and where they come from.

## How common are side effects?

Three large surveys of practitioners give a consistent picture: minor reactions are common, serious ones are rare.

- In Ireland, 39 physiotherapists recorded every treatment for ten months, 7,629 treatments in all. Mild reactions followed 19.18% of them, most often bruising (7.55%), bleeding (4.65%), pain during treatment (3.01%) and pain afterwards (2.19%). No serious adverse event occurred; the authors estimated the upper limit of the risk of one at 0.04% [1].
- In the United States, 420 physical therapists reported on 20,464 treatment sessions over six weeks. Minor reactions followed 36.7% of sessions — bleeding 16%, bruising 7.7%, pain during needling 5.9% — and 20 major adverse events were reported: fewer than 0.1% of sessions, roughly one in a thousand [2].
- In a survey of 865 American physical therapists, those who needle estimated that minor reactions followed 39.6% of their treatments; serious events were rare and mostly needed no emergency care [3].

These figures come from the practitioners, not from patients, and critics argue that patients asked directly would report more reactions [4]. A fair summary: expect some soreness or a bruise; serious harm is uncommon.

## The rare serious risks

**Collapsed lung (pneumothorax).** This is the most serious risk commonly cited for dry needling, and it comes first in typical consent forms. It can happen when a needle goes too deep over the chest wall — for example when treating the upper trapezius, the muscles between the shoulder blades, the chest muscles or the muscles between the ribs [5, 6]. Case reports continue to appear, among them a series of four from Ghent, Belgium, all after needling of the neck and shoulder [7]. Some authors advise keeping needling superficial over the lungs and large blood vessels [8]. Warning signs may begin hours later: breathlessness on exertion, chest pain, a dry cough or fast breathing [9]. Seek urgent care if they appear.

**Other rare problems** include infection, injury to a nerve or blood vessel, and fainting [9].

## Who should not have dry needling

According to the American Physical Therapy Association's description of dry needling, which draws on Australian and Irish guidelines, dry needling should not be done [10]:

- if you have a fear of needles, or do not want it;
- if you cannot give informed consent, for example because of communication or cognitive difficulties;
- during a medical emergency or an acute medical illness;
- into an area or limb with lymphoedema, where infection is harder to fight;
- whenever the clinician judges it inappropriate for any other reason.

## When extra care is needed

Other situations do not rule dry needling out but call for caution, and sometimes for your doctor's advice first [10]:

- a bleeding tendency or blood-thinning medicine;
- a weakened immune system, diabetes, vascular disease or epilepsy;
- pregnancy;
- children and frail patients;
- allergies, for example to metals such as nickel or chromium, or to latex;
- some medicines, and your psychological state.

Blood thinners deserve a closer look. A 2022 review concluded that anticoagulant and antiplatelet medicines are not in themselves a reason to refuse dry needling, but that the risk must be weighed for each technique and body area; deep muscles that cannot be pressed to stop bleeding may be best avoided [11]. Never stop a prescribed medicine because of a needling appointment.

Implanted devices matter too. Electrical stimulation through needles should not be used near a pacemaker or an implanted stimulator or pump [12], and needles should not go into a breast implant or around a joint replacement [13].

Finally, some pain that feels muscular comes from elsewhere: from internal organs, from other illnesses or as a side effect of a medicine. Good practice is to screen for these before needling [14]. If your clinician suggests seeing your doctor first, that is why.

## What you can do

Answer the screening questions fully, mention every medicine you take, and ask about your clinician's training. At our clinic, dry needling is provided only by clinicians with recorded dry needling training.

## Sources

1. Brady, McEvoy, Dommerholt, Doody. *J Man Manip Ther* 2014;22(3):134-40.
2. Boyce et al. *Int J Sports Phys Ther* 2020;15(1):103-13 (PubMed 32089962).
3. Gattie, Cleland, Snodgrass. *Musculoskelet Sci Pract* 2020;50:102255.
4. PainScience.com, critique of practitioner-reported dry needling safety figures.
5. Structure & Function, on the risk of pneumothorax in dry needling (structureandfunction.net); Halle and Halle, *Int J Sports Phys Ther* 2016, parts 1 and 2.
6. McCutcheon and Yelland, *Phys Ther Rev* 2011.
7. Four cases of pneumothorax after dry needling by physiotherapists in Ghent (2022–23), reported on edzardernst.com (2024).
8. Kalichman and Vulfsons, *J Am Board Fam Med* 2010.
9. Online Chiro, dry needling consent form (my.onlinechiro.com), and clinic consent forms listing infection, nerve or vessel injury and fainting.
10. American Physical Therapy Association, *Description of Dry Needling in Clinical Practice: An Educational Resource Paper* (2013), derived from the Australian (ASAP, 2007) and Irish (ISCP, 2012) guidelines; reproduced by physioman.in and physilife.in.
11. Muñoz, Dommerholt et al. "Dry Needling and Antithrombotic Drugs." *Pain Res Manag* 2022. doi:10.1155/2022/1363477.
12. Sierpina and Frenkel, *South Med J* 2005 (via Medscape).
13. Implant and device lists in clinic screening forms, for example ictmjc.com.
14. Kearns et al. "New perspectives on dry needling following a medical model: are we screening our patients sufficiently?" *J Man Manip Ther* 2019;27(3):172-9 (PubMed 30935332).
`;

export const DEMO_ARTICLE_TEXTS: DemoArticleText[] = [
	{
		slug: 'dry-needling-vs-acupuncture',
		title: 'Dry needling vs acupuncture: how they differ and how to choose',
		summary:
			'Both use thin, solid needles, but they come from different traditions and are offered by different professionals. A plain comparison, and questions to help you choose.',
		authorKey: 'lac',
		serviceSlug: 'initial-consultation',
		tags: ['dry-needling', 'acupuncture', 'choosing-care'],
		daysAgo: 21,
		body: DN_VS_ACUPUNCTURE
	},
	{
		slug: 'first-dry-needling-session',
		title: 'Your first dry needling session: what to expect and aftercare',
		summary:
			'What happens before, during and after a first dry needling session, which reactions are normal, and the rare warning signs that need a call.',
		authorKey: 'pt1',
		serviceSlug: 'dry-needling',
		tags: ['dry-needling', 'first-visit', 'aftercare'],
		daysAgo: 14,
		body: FIRST_SESSION
	},
	{
		slug: 'is-dry-needling-safe',
		title: 'Is dry needling safe? Side effects, rare risks and who should not have it',
		summary:
			'How often side effects happen after dry needling according to the research, the rare serious risks, and when it should be avoided or approached with care.',
		authorKey: 'dc',
		serviceSlug: 'dry-needling',
		tags: ['dry-needling', 'safety'],
		daysAgo: 7,
		body: SAFETY
	}
];
