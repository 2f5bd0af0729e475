import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/lib/server/db/schema';
import { messageIdFor } from '../../../src/lib/server/notifications/deliver';
import { changeEmailKey, reminderKey } from '../../../src/lib/server/notifications/notice-keys';
import { parseEml, type ParsedEml } from '../../../src/lib/server/outbox/eml';

export type Booked = { id: string; startsAt: Date };

/** Every .eml in the outbox, parsed. */
export function readOutbox(dir: string): Array<ParsedEml & { file: string }> {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.map((file) => ({ file, ...parseEml(readFileSync(join(dir, file), 'utf8')) }));
}

export function countEml(dir: string): number {
	return readdirSync(dir).filter((f) => f.endsWith('.eml')).length;
}

/** The Message-IDs the confirmation and the reminder (`hoursBefore` ahead) of each booking must carry. */
export function expectedMessageIds(booked: Booked[], host: string, hoursBefore = 24): Map<string, string> {
	const expected = new Map<string, string>();
	for (const { id, startsAt } of booked) {
		expected.set(messageIdFor(changeEmailKey(id, 0, 'booked'), host), `confirmation of ${id}`);
		expected.set(messageIdFor(reminderKey(id, hoursBefore, startsAt), host), `reminder of ${id}`);
	}
	return expected;
}

/** Jobs not yet finished (queued or running), and failed ones. */
export async function jobCounts(db: Kysely<DB>): Promise<{ open: number; failed: number }> {
	const rows = await db.selectFrom('job').select(['status']).execute();
	return {
		open: rows.filter((r) => r.status === 'queued' || r.status === 'running').length,
		failed: rows.filter((r) => r.status === 'failed').length
	};
}


/** Polls until `check` holds (usable in hooks, where expect.poll is not). */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
