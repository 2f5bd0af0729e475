/**
 * JSON-LD as the text of a <script type="application/ld+json"> element. "<" and friends become
 * \u escapes, so no value (an article title, say) can close the element and open real markup.
 */
export function jsonLdScript(data: unknown): string {
	const json = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${json}</script>`;
}
