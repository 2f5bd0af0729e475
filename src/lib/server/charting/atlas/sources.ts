/**
 * Where the atlas facts come from. Rows cite these ids in `source`; a test checks every id exists.
 * We cite facts (codes, names, which region refers where); no prose, figures or location text is
 * copied from any of these.
 */
export interface AtlasSource {
	readonly id: string;
	readonly title: string;
	readonly url?: string;
	/** What we took from it, and any licence limit. */
	readonly use: string;
}

const list = [
	{
		id: 'travell-simons',
		title: 'Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual (vol. 1 1983, 2nd ed. 1999; vol. 2 1992)',
		use: 'Primary authority for referral patterns. Copyrighted: facts cited through the pages below, no prose or figures copied.'
	},
	{
		id: 'medlink-ts',
		title: 'MedLink Neurology, figure captions summarising Travell & Simons vol. 1',
		url: 'https://www.medlink.com/',
		use: 'Referral patterns of trapezius, sternocleidomastoid, levator scapulae, scalenes, infraspinatus, supinator.'
	},
	{ id: 'fpnotebook', title: 'Family Practice Notebook, Trigger Point Location', url: 'https://fpnotebook.com/Rheum/Exam/TrgrPntLctn.htm', use: 'Trigger-point locations and referral regions (overview).' },
	{ id: 'brainscape', title: 'Brainscape "TrP referral" flashcards', url: 'https://www.brainscape.com/flashcards/trp-referral-5577667', use: 'Quadratus lumborum, lumbar paraspinals, gluteals, foot muscles.' },
	{ id: 'aberdeen', title: 'aberdeenchiropracticblog.com, muscle-by-muscle trigger point posts', use: 'Gluteus minimus, piriformis, TFL, rectus femoris, pectorals, deltoid, teres minor, supraspinatus, iliopsoas.' },
	{ id: 'tpt-perry', title: 'triggerpointtherapist.com (L. Perry)', url: 'https://triggerpointtherapist.com/', use: 'Iliopsoas, piriformis.' },
	{ id: 'namtpt', title: 'NAMTPT symptom checker', url: 'https://check.myofascialtherapy.org/', use: 'Subscapularis.' },
	{ id: 'triggerpoints-net', title: 'triggerpoints.net, masseter', url: 'https://www.triggerpoints.net/muscle/masseter', use: 'Masseter.' },
	{ id: 'massagelibrary', title: 'massagelibrary.com trigger point pages', use: 'Supraspinatus, hamstrings, gastrocnemius.' },
	{ id: 'eastcoast', title: 'eastcoasttherapeutics.com head and neck trigger points (and naokootanilmt.blogspot.com)', use: 'Splenius, suboccipitals, semispinalis, temporalis.' },
	{ id: 'round-earth', title: 'round-earth.com trigger point pages', use: 'Latissimus dorsi, trapezius.' },
	{ id: 'quizgecko', title: 'quizgecko "Trigger Point Referral Patterns" transcript', use: 'Pectoralis major, latissimus, biceps, triceps, rectus abdominis, quadriceps.' },
	{
		id: 'pneumothorax-muscles',
		title: 'Muscles over the lung in dry needling: structureandfunction.net; McCutcheon & Yelland, Phys Ther Rev 2011; Halle & Halle, IJSPT 2016',
		use: 'Which muscles carry a pneumothorax caution.'
	},
	{
		id: 'asap-danger-zones',
		title: 'ASAP-derived dry needling safety summary (Goldfields Physio Hub)',
		use: 'Danger-zone points (lung, eye, neck, brain stem, bony foramina) and pregnancy cautions for LR3 and GB21.'
	},
	{ id: 'aacp-2012', title: 'AACP Guidelines for safe practice v2 (2012), erratum p.11', use: 'Points to avoid in pregnancy: LI4, SP6, BL60, BL67, BL31-BL34.' },
	{
		id: 'who-1999',
		title: 'WHO Guidelines on Basic Training and Safety in Acupuncture (WHO/EDM/TRM/99.1), section 2.1',
		use: 'Pregnancy: lower-abdominal and lumbosacral points avoided early, upper-abdominal and lumbosacral points later.'
	},
	{
		id: 'who-2008',
		title: 'WHO Standard Acupuncture Point Locations in the Western Pacific Region (2008), ISBN 978 92 9061 248 7',
		use: 'The 361 point codes, the 14 meridians and their abbreviations. Location text is copyrighted and not used.'
	},
	{
		id: 'tara-names',
		title: 'TARA ontology repository (smtifahim/TARA-Ontology-Repository), csv-files/acupoints.csv',
		url: 'https://github.com/smtifahim/TARA-Ontology-Repository',
		use: 'Cross-check of pinyin point names (names only; its location and indication text is not used).'
	},
	{ id: 'chimungwu-counts', title: 'chimungwu/TCM_acupoints (CC BY 4.0)', url: 'https://github.com/chimungwu/TCM_acupoints', use: 'Per-meridian point counts (11/20/45/21/9/19/67/27/9/23/44/14/28/24).' },
	{
		id: 'needlepoint-editorial',
		title: 'Needlepoint editors, general anatomy teaching',
		use: 'Rows added beyond the cited pages; marked verified: false until checked against Travell & Simons.'
	}
] as const satisfies readonly AtlasSource[];

export type AtlasSourceId = (typeof list)[number]['id'];
export const ATLAS_SOURCES: readonly AtlasSource[] = list;
const byId = new Map<string, AtlasSource>(list.map((s) => [s.id, s]));

export function atlasSource(id: string): AtlasSource | undefined {
	return byId.get(id);
}
