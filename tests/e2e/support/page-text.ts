/** The text a reader sees in server-rendered HTML: no head, scripts, styles, comments or tags. */
export function visibleText(html: string): string {
	return html
		.replace(/<head[\s\S]*?<\/head>/i, ' ')
		.replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<\/?(p|div|li|ul|ol|h[1-6]|section|article|header|footer|nav|main|td|th|tr|table|dt|dd|dl|br|address|form|fieldset|legend|label)\b[^>]*>/gi, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');
}

/**
 * Spacing and bracket slips a reader notices: a middle dot without a space on each side
 * ("2026 ·Dr."), a word glued to an opening bracket ("Waiting(1)"), brackets inside brackets.
 */
export function typographySlips(text: string): string[] {
	const slips: string[] = [];
	for (const line of text.split('\n')) {
		if (/\S·|·\S/.test(line)) slips.push(`middle dot without spaces: "${line.trim()}"`);
		if (/[A-Za-z]\(/.test(line)) slips.push(`no space before a bracket: "${line.trim()}"`);
		if (/\([^()]*\([^()]*\)[^()]*\)/.test(line)) slips.push(`brackets inside brackets: "${line.trim()}"`);
	}
	return slips;
}
