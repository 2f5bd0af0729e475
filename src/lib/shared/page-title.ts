/** Search engines and validators cut titles past about 70 characters; ours stay within. */
export const MAX_TITLE_LENGTH = 70;

/**
 * The document title for "Page — Clinic": as given when it fits, else without the clinic's name,
 * else cut at a word boundary with an ellipsis. (Open Graph keeps the full title.)
 */
export function documentTitle(title: string, siteName: string): string {
	if (title.length <= MAX_TITLE_LENGTH) return title;
	const suffix = ` — ${siteName}`;
	const bare = title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
	if (bare.length <= MAX_TITLE_LENGTH) return bare;
	const room = bare.slice(0, MAX_TITLE_LENGTH - 1);
	const space = room.lastIndexOf(' ');
	return `${(space > MAX_TITLE_LENGTH / 2 ? room.slice(0, space) : room).replace(/[\s,;:.—–-]+$/u, '')}…`;
}
