import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../mail/outbox';
import { outboxMailer } from '../mail/transports';
import { outboxProbe, unknowableProbe } from './delivery-probe';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outbox(): string {
	const dir = mkdtempSync(join(tmpdir(), 'needlepoint-probe-'));
	dirs.push(dir);
	return dir;
}

const message = { to: 'p@example.com', subject: 'Hi', text: 'Hello', messageId: '<notice.1@clinic.example>' };

describe('outboxProbe', () => {
	it('finds a message by Message-ID through its index, and says so when it is not there', async () => {
		const dir = outbox();
		const probe = outboxProbe(dir);
		expect(await probe('<notice.1@clinic.example>')).toBe('not_delivered');
		await outboxMailer(dir, 'C <c@example.com>', () => new Date('2026-12-01T12:00:00Z')).send(message);
		expect(await probe('<notice.1@clinic.example>')).toBe('delivered');
		expect(await probe('<notice.2@clinic.example>')).toBe('not_delivered');
		// Written whole: no temporary files are left behind.
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('reads the .eml itself when its index is missing or damaged', async () => {
		const dir = outbox();
		await outboxMailer(dir, 'C <c@example.com>', () => new Date('2026-12-01T12:00:00Z')).send(message);
		const index = readdirSync(dir).find((f) => f.endsWith('.json'))!;
		writeFileSync(join(dir, index), '');
		expect(await outboxProbe(dir)('<notice.1@clinic.example>')).toBe('delivered');
		expect(await listOutbox(dir)).toEqual([]);
		rmSync(join(dir, index));
		expect(await outboxProbe(dir)('<notice.1@clinic.example>')).toBe('delivered');
		// A message id that merely appears in the body does not count.
		await outboxMailer(dir, 'C <c@example.com>', () => new Date()).send({ ...message, messageId: '<notice.9@clinic.example>', text: '<notice.3@clinic.example>' });
		expect(await outboxProbe(dir)('<notice.3@clinic.example>')).toBe('not_delivered');
	});

	it('treats a missing outbox as empty, and SMTP as unknowable', async () => {
		expect(await outboxProbe(join(outbox(), 'none'))('<x@y>')).toBe('not_delivered');
		expect(await unknowableProbe('<x@y>')).toBe('unknown');
	});
});
