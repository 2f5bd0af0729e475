/** Text and attribute escaping for the XML documents we write by hand (feed, sitemap). */
export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		// Control characters are not allowed in XML 1.0 at all.
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
