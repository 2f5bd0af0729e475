/**
 * Plain comment text → paragraphs of text and link segments. Svelte renders the segments as text
 * nodes and <a> elements, so no HTML from a visitor is ever parsed: "<script>" stays visible text.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
export type Paragraph = Segment[][];

export const MAX_COMMENT_LINKS = 2;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?'"”’»)\]}]+$/u;

function trimTrailing(candidate: string): string {
	let url = candidate.replace(TRAILING, '');
	// Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
	const trimmed = candidate.slice(url.length);
	if (trimmed.startsWith(')') && (url.match(/\(/g)?.length ?? 0) > (url.match(/\)/g)?.length ?? 0)) url += ')';
	return url;
}

function safeHref(text: string): string | undefined {
	try {
		const url = new URL(text.startsWith('www.') ? `https://${text}` : text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** Links found in the text, in order (all of them, also beyond the shown maximum). */
export function findLinks(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(URL_PATTERN)) {
		const candidate = trimTrailing(match[0]);
		if (safeHref(candidate)) found.push(candidate);
	}
	return found;
}

function lineSegments(line: string, budget: { links: number }): Segment[] {
	const segments: Segment[] = [];
	let last = 0;
	for (const match of line.matchAll(URL_PATTERN)) {
		const text = trimTrailing(match[0]);
		const href = safeHref(text);
		if (!href || budget.links <= 0) continue;
		budget.links -= 1;
		const start = match.index ?? 0;
		if (start > last) segments.push({ kind: 'text', text: line.slice(last, start) });
		segments.push({ kind: 'link', text, href });
		last = start + text.length;
	}
	if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
	return segments;
}

/** Paragraphs (split on blank lines) of lines (split on line breaks); at most two links overall. */
export function linkify(text: string, maxLinks = MAX_COMMENT_LINKS): Paragraph[] {
	const budget = { links: maxLinks };
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph.length > 0)
		.map((paragraph) => paragraph.split('\n').map((line) => lineSegments(line, budget)));
}
