import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type AppLogger, type LogFields } from './log';

/** Simulates a careless call that smuggles patient data past the types. */
const smuggle = (fields: Record<string, unknown>) => fields as LogFields;

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
		const root: AppLogger = createLogger('info', stream);
		const log = root.child(smuggle({ requestId: 'r1', patientName: 'Jane Doe' }));
		log.info(smuggle({ event: 'booked', status: 201, dateOfBirth: '1980-01-01', email: 'jane@example.com' }), 'booking');
		const entry = JSON.parse(lines[0]!);
		expect(entry).toMatchObject({ requestId: 'r1', event: 'booked', status: 201, msg: 'booking' });
		expect(JSON.stringify(entry)).not.toMatch(/Jane|1980|jane@/);
		log.child(smuggle({ note: 'Jane has a bad back', route: '/x' })).info({ event: 'nested' });
		expect(JSON.parse(lines[1]!)).toMatchObject({ requestId: 'r1', route: '/x', event: 'nested' });
		expect(lines[1]).not.toContain('Jane');
	});
});
