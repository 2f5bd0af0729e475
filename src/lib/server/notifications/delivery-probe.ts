import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import type { OutboxEntry } from '../mail/transports';

export type ProbeAnswer = 'delivered' | 'not_delivered' | 'unknown';

/**
 * Asks the transport whether a message with this Message-ID went out. Used only after an attempt
 * was cut short (a crash, a transport error) to decide between "send again" and "already sent".
 */
export type DeliveryProbe = (messageId: string) => Promise<ProbeAnswer>;

/** SMTP cannot be asked after the fact: a relay that accepted a message does not say so later. */
export const unknowableProbe: DeliveryProbe = async () => 'unknown';

const HEAD_BYTES = 16 * 1024;

/**
 * The outbox can be asked: every message is an .eml file with a .json index beside it, each
 * written whole (temporary file, then rename) and the index second. A crash between the two
 * leaves an .eml without its index, so such an .eml is read itself.
 */
export function outboxProbe(dir: string): DeliveryProbe {
	return async (messageId) => {
		let files: string[];
		try {
			files = await readdir(dir);
		} catch {
			return 'not_delivered';
		}
		for (const file of files.filter((f) => f.endsWith('.eml'))) {
			const index = await readIndex(join(dir, file.replace(/\.eml$/, '.json')));
			if (index ? index.messageId === messageId : await emlHasMessageId(join(dir, file), messageId)) return 'delivered';
		}
		return 'not_delivered';
	};
}

async function readIndex(path: string): Promise<OutboxEntry | undefined> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as OutboxEntry;
	} catch {
		// Missing (a crash between the two files) or unreadable: the .eml itself is read instead.
		return undefined;
	}
}

async function emlHasMessageId(path: string, messageId: string): Promise<boolean> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(HEAD_BYTES);
		const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
		const head = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
		return new RegExp(`^Message-ID:\\s*${escapeRegExp(messageId)}\\s*$`, 'im').test(head);
	} finally {
		await handle.close();
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function probeFor(config: Config): DeliveryProbe {
	return config.mail.smtpUrl ? unknowableProbe : outboxProbe(config.mail.outboxDir);
}
