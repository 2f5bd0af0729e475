/**
 * A rough reading-level estimate (Flesch–Kincaid grade) so tests can keep patient wording plain.
 * Syllables are guessed from vowel groups, which is crude but stable: the point is to catch a
 * drift into long sentences and long words, not to grade prose precisely.
 */

function syllables(word: string): number {
	let w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (w.length === 0) return 0;
	if (w.length <= 3) return 1;
	// Silent endings ("-es", "-ed", "-e") rarely add a syllable.
	w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
	return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

export function sentencesOf(text: string): string[] {
	return text.split(/(?<=[.!?])\s+/).filter((sentence) => /[a-z]/i.test(sentence));
}

/** US school grade needed to read the sentences; a reading age of about 12 is grade 6 to 7. */
export function readingGrade(sentences: readonly string[]): number {
	let words = 0;
	let syllableCount = 0;
	let sentenceCount = 0;
	for (const sentence of sentences) {
		const sentenceWords = sentence.split(/\s+/).filter((word) => /[a-z]/i.test(word));
		if (sentenceWords.length === 0) continue;
		sentenceCount += 1;
		words += sentenceWords.length;
		syllableCount += sentenceWords.reduce((sum, word) => sum + syllables(word), 0);
	}
	if (words === 0) return 0;
	return 0.39 * (words / sentenceCount) + 11.8 * (syllableCount / words) - 15.59;
}
