import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		}
	});
	return { lines, stream };
}

describe('createLogger', () => {
	it('drops every field that is not on the allow-list, in calls and in child bindings', () => {
		const { lines, stream } = capture();
		const log = createLogger('info', stream).child({ requestId: 'r1', patientName: 'Jane Doe' } as never);
		log.info({ event: 'booked', status: 201, dateOfBirth: '1980-01-01', email: 'jane@example.com' } as never, 'booking');
		const entry = JSON.parse(lines[0]!);
		expect(entry).toMatchObject({ requestId: 'r1', event: 'booked', status: 201, msg: 'booking' });
		expect(JSON.stringify(entry)).not.toMatch(/Jane|1980|jane@/);
		log.child({ note: 'Jane has a bad back', route: '/x' } as never).info({ event: 'nested' });
		expect(JSON.parse(lines[1]!)).toMatchObject({ requestId: 'r1', route: '/x', event: 'nested' });
		expect(lines[1]).not.toContain('Jane');
	});
});
