import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for small secrets kept in the database (TOTP seeds). The key is derived from
 * APP_SECRET, so a copy of the database alone does not reveal them.
 */
function keyFor(appSecret: string, purpose: string): Buffer {
	return createHmac('sha256', appSecret).update(`needlepoint secret box:${purpose}`).digest();
}

export function seal(appSecret: string, purpose: string, plaintext: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyFor(appSecret, purpose), iv);
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plaintext, or undefined when the box was altered, forged or sealed with another key. */
export function open(appSecret: string, purpose: string, sealed: string): string | undefined {
	const [version, iv, body, tag] = sealed.split('.');
	if (version !== 'v1' || !iv || !body || !tag) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFor(appSecret, purpose), Buffer.from(iv, 'base64url'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}
