/**
 * The name we put in "Hello …," of an email (and the invite's attendee name). Anyone can book in
 * anyone's name, so the first-name field is text a stranger chose that we would send to an inbox
 * of their choice: only the first word of it is used, letters only (no links, markup or
 * punctuation), at most 40 characters. Nothing usable left: "there".
 */
export const GREETING_MAX = 40;

export function greetingName(firstName: string): string {
	const words = firstName
		.normalize('NFKC')
		.replace(/<[^>]*>?/gu, ' ')
		.split(/\s+/u)
		// A word with a scheme, a www. or a dot between letters reads as a link: drop it whole.
		.filter((word) => !/:\/\/|^www\.|\p{L}\.\p{L}/iu.test(word))
		.map((word) => word.replace(/[^\p{L}\p{M}'’-]/gu, '').replace(/^[-'’]+|[-'’]+$/gu, ''))
		.filter((word) => word !== '');
	const first = words[0];
	if (!first) return 'there';
	return [...first].slice(0, GREETING_MAX).join('');
}
