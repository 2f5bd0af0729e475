/** Search engines and validators cut titles past about 70 characters; ours stay within. */
export const MAX_TITLE_LENGTH = 70;

/** Cuts at a word boundary (when there is one in the second half), without a dangling "and", and adds an ellipsis. */
function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const room = text.slice(0, max - 1);
	const space = room.lastIndexOf(' ');
	const cut = space > max / 2 ? room.slice(0, space).replace(/\s+(and|or|the|a|an|of|to|with|for|in|who)$/iu, '') : room;
	return `${cut.replace(/[\s,;:.—–-]+$/u, '')}…`;
}

/**
 * The document title for "Page — Clinic": as given when it fits; else the page part shortened so
 * the clinic's name still fits (when that name is short enough to leave room); else shortened as
 * a whole. Open Graph keeps the full title.
 */
export function documentTitle(title: string, siteName: string): string {
	if (title.length <= MAX_TITLE_LENGTH) return title;
	const suffix = ` — ${siteName}`;
	if (title.endsWith(suffix) && suffix.length <= MAX_TITLE_LENGTH / 2) {
		return `${shorten(title.slice(0, -suffix.length), MAX_TITLE_LENGTH - suffix.length)}${suffix}`;
	}
	return shorten(title, MAX_TITLE_LENGTH);
}
