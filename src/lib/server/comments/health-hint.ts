/**
 * Does a comment seem to tell the world something about the writer's own health? Then we show a
 * notice before publishing it: comments are public, and a clinic should not be where someone's
 * diagnosis ends up indexed by search engines. A heuristic, tuned to ask too often rather than too
 * rarely; the writer can always post anyway.
 */
const CONDITIONS = [
	'diagnos\\w*', 'pregnan\\w*', 'surgery', 'operation', 'prescri\\w*', 'medication\\w*', 'meds',
	'blood thinners?', 'warfarin', 'eliquis', 'xarelto', 'coumadin', 'insulin', 'chemo\\w*', 'radiotherapy',
	'cancer', 'tumou?r', 'diabet\\w*', 'epilep\\w*', 'seizures?', 'hiv', 'hepatitis', 'pacemaker',
	'depress\\w*', 'anxiety', 'ptsd', 'herniat\\w*', 'slipped disc', 'sciatica', 'fibromyalgia', 'arthritis',
	'migraines?', 'stroke', 'heart attack', 'lymph(o)?edema', 'lymphoedema', 'haemophilia', 'hemophilia',
	'mri', 'x-ray', 'physio(therapist)?', 'therapist', 'my doctor', 'my gp'
];
const FIRST_PERSON = "\\b(i|i'm|i’m|im|i've|i’ve|my|me|mine)\\b";
const CONDITION = new RegExp(`\\b(${CONDITIONS.join('|')})\\b`, 'iu');
const PERSONAL_SYMPTOM = /\bmy\s+(\w+\s+)?(back|neck|shoulder|knee|hip|pain|headaches?|condition|symptoms?|injury|spine|jaw)\b/iu;
const HAVING = /\b(i\s+(have|had|suffer|suffered|was|am|’m|'m)\b.*\b(pain|injur\w*|condition|disorder|disease|syndrome))/iu;

export function mentionsHealthDetails(text: string): boolean {
	const firstPerson = new RegExp(FIRST_PERSON, 'iu').test(text);
	if (!firstPerson) return false;
	return CONDITION.test(text) || PERSONAL_SYMPTOM.test(text) || HAVING.test(text);
}
