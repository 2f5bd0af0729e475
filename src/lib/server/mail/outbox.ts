import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { OutboxEntry } from './transports';

/** The outbox's messages, newest first. */
export async function listOutbox(dir: string): Promise<OutboxEntry[]> {
	let files: string[];
	try {
		files = await readdir(dir);
	} catch {
		return [];
	}
	const entries = await Promise.all(
		files.filter((f) => f.endsWith('.json')).map(async (f) => {
			try {
				return JSON.parse(await readFile(join(dir, f), 'utf8')) as OutboxEntry;
			} catch {
				return undefined; // an index damaged by hand: skip it rather than hide the whole outbox
			}
		})
	);
	return entries.filter((e): e is OutboxEntry => e !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The raw .eml of one outbox message; the name is reduced to a bare file name first. */
export async function readOutboxMessage(dir: string, file: string): Promise<string | undefined> {
	const name = basename(file);
	if (!/^[0-9TZ]+-[0-9a-f]{8}\.eml$/.test(name)) return undefined;
	try {
		return await readFile(join(dir, name), 'utf8');
	} catch {
		return undefined;
	}
}
