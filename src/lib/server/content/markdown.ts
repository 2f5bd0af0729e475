/**
 * Article Markdown → safe HTML, the table of contents and the word count. Pure: the same text
 * always gives the same output, so the editor's preview is exactly what the public page shows.
 *
 * Two locks: raw HTML written into the Markdown is escaped into visible text by the renderer, and
 * the result then passes an allow-list sanitiser, so nothing outside the list survives even if
 * marked itself misbehaves.
 */
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { slugify } from '../clinic/clinic';

export type TocEntry = { depth: 2 | 3; id: string; text: string };
export type RenderedMarkdown = { html: string; toc: TocEntry[]; wordCount: number };

/** Images may only come from our own image route, by content hash. */
export const OWN_IMAGE_SRC = /^\/media\/[0-9a-f]{64}\.(png|jpg|webp)$/;

/** Ids the article page itself uses; a heading never takes one of these. */
const RESERVED_IDS = new Set(['main', 'content', 'toc', 'comments', 'comment-form', 'article-title']);

const ALLOWED_TAGS = [
	'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'a', 'img',
	'blockquote', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
];

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: {
		a: ['href', 'rel'],
		img: ['src', 'alt', 'loading'],
		h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
		th: ['align'], td: ['align'],
		ol: ['start'],
		code: ['class']
	},
	allowedClasses: { code: ['language-*'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: [] },
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_IMAGE_SRC.test(frame.attribs.src ?? ''),
	transformTags: {
		a: (tagName, attribs) => {
			const external = /^https?:/i.test(attribs.href ?? '');
			return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
		}
	}
};

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** The visible text of inline tokens, without Markdown punctuation (raw HTML shows as text). */
function plainText(tokens: Token[] | undefined): string {
	if (!tokens) return '';
	return tokens
		.map((token) => {
			if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return plainText(token.tokens);
			return 'text' in token && typeof token.text === 'string' ? token.text : '';
		})
		.join('');
}

function headingIdFactory() {
	const used = new Set(RESERVED_IDS);
	return (text: string): string => {
		const base = slugify(text) || 'section';
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		return id;
	};
}

function countWords(html: string): number {
	const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
	const nextId = headingIdFactory();
	const toc: TocEntry[] = [];
	const ids = new Map<Tokens.Heading, string>();
	const marked = new Marked({ gfm: true, breaks: false, async: false });
	const tokens = marked.lexer(markdown);
	marked.walkTokens(tokens, (token) => {
		if (token.type !== 'heading') return;
		const heading = token as Tokens.Heading;
		const text = plainText(heading.tokens).trim();
		const id = nextId(text);
		ids.set(heading, id);
		// The article title is the page's h1, so Markdown headings start at h2.
		const depth = Math.max(2, heading.depth);
		if (depth === 2 || depth === 3) toc.push({ depth, id, text });
	});
	marked.use({
		renderer: {
			heading(token) {
				const depth = Math.max(2, token.depth);
				const id = ids.get(token) ?? nextId(plainText(token.tokens));
				// The heading links to itself: a reader can copy a link to the section.
				return `<h${depth} id="${id}"><a href="#${id}">${this.parser.parseInline(token.tokens)}</a></h${depth}>\n`;
			},
			html(token) {
				return escapeHtml(token.text);
			},
			image(token) {
				if (!OWN_IMAGE_SRC.test(token.href)) return escapeHtml(token.text);
				return `<img src="${token.href}" alt="${escapeHtml(token.text)}" loading="lazy">`;
			}
		}
	});
	const raw = marked.parser(tokens) as string;
	const html = sanitizeHtml(raw, SANITIZE);
	return { html, toc, wordCount: countWords(html) };
}

/** Minutes at an unhurried 220 words a minute; never "0 min". */
export function readingMinutes(wordCount: number): number {
	return Math.max(1, Math.round(wordCount / 220));
}

/** A table of contents helps on long articles only. */
export function wantsTableOfContents(rendered: Pick<RenderedMarkdown, 'toc' | 'wordCount'>): boolean {
	return rendered.wordCount >= 600 && rendered.toc.filter((entry) => entry.depth === 2).length >= 3;
}
