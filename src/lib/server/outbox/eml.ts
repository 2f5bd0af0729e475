/**
 * Reads back the .eml files the outbox writes (nodemailer's MIME output) well enough to show them
 * to an admin: the headers, each part's decoded text, and the attachments' names. Not a general
 * MIME parser; anything it does not understand is shown as it is, never executed or rendered.
 */

export type EmlPart = { contentType: string; filename: string | undefined; text: string };
export type ParsedEml = { headers: Record<string, string>; parts: EmlPart[] };

function splitHead(raw: string): { head: string; body: string } {
	const match = /\r?\n\r?\n/.exec(raw);
	if (!match) return { head: raw, body: '' };
	return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function parseHeaders(head: string): Record<string, string> {
	const headers: Record<string, string> = {};
	// Folded lines continue the header above them (RFC 5322 §2.2.3).
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		const name = line.slice(0, colon).trim().toLowerCase();
		headers[name] = decodeWords(line.slice(colon + 1).trim());
	}
	return headers;
}

/** RFC 2047 encoded words, as nodemailer writes them for non-ASCII subjects and names. */
export function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
			encoding.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: Buffer.from(qpBytes(text.replace(/_/g, ' '))).toString('utf8')
		);
}

function qpBytes(text: string): number[] {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
			bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(c, 'utf8'));
		}
	}
	return bytes;
}

function decodeBody(body: string, encoding: string | undefined): string {
	switch ((encoding ?? '').toLowerCase()) {
		case 'base64':
			return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
		case 'quoted-printable':
			// Soft line breaks ("=" at the end of a line) join lines.
			return Buffer.from(qpBytes(body.replace(/=\r?\n/g, ''))).toString('utf8');
		default:
			return body;
	}
}

function param(header: string, name: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${name}="?([^";]+)"?`, 'i').exec(header);
	return match?.[1];
}

function parseEntity(raw: string, depth: number, parts: EmlPart[]): Record<string, string> {
	const { head, body } = splitHead(raw);
	const headers = parseHeaders(head);
	const contentType = headers['content-type'] ?? 'text/plain';
	const boundary = param(contentType, 'boundary');
	if (/^multipart\//i.test(contentType) && boundary && depth < 5) {
		const sections = body.split(`--${boundary}`);
		// Before the first boundary is the preamble; after the closing "--" the epilogue.
		for (const section of sections.slice(1)) {
			if (section.startsWith('--')) break;
			parseEntity(section.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), depth + 1, parts);
		}
	} else {
		const disposition = headers['content-disposition'] ?? '';
		parts.push({
			contentType: contentType.split(';')[0]!.trim().toLowerCase(),
			filename: param(disposition, 'filename') ?? param(contentType, 'name'),
			text: decodeBody(body, headers['content-transfer-encoding'])
		});
	}
	return headers;
}

export function parseEml(raw: string): ParsedEml {
	const parts: EmlPart[] = [];
	const headers = parseEntity(raw, 0, parts);
	return { headers, parts };
}
