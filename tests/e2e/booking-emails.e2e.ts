import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeSlots, patient, postJson } from './support/booking';
import { readOutbox, waitFor } from './support/notices';
import { startServer, tempDatabaseFile, type RunningServer } from './support/server';

/** Booking → job queue → outbox, end to end through the built server. */
describe('emails of a booking made through the API', () => {
	const database = tempDatabaseFile();
	const outbox = mkdtempSync(join(tmpdir(), 'needlepoint-outbox-'));
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ DATABASE_FILE: database.file, OUTBOX_DIR: outbox, JOB_POLL_SECONDS: '1' });
	});
	afterAll(async () => {
		await server?.stop();
		database.cleanup();
		rmSync(outbox, { recursive: true, force: true });
	});

	function invites() {
		return readOutbox(outbox).flatMap((mail) =>
			mail.parts
				.filter((part) => part.contentType.startsWith('text/calendar'))
				.map((part) => {
					const calendar = new ICAL.Component(ICAL.parse(part.text));
					const event = calendar.getFirstSubcomponent('vevent')!;
					return {
						to: mail.headers['to'] ?? '',
						method: String(calendar.getFirstPropertyValue('method')),
						uid: String(event.getFirstPropertyValue('uid')),
						sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
						start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()
					};
				})
		);
	}

	it('sends a confirmation whose invite is at the booked instant, then a CANCEL with the same UID', async () => {
		const [slot] = await freeSlots(server.url, 'initial-consultation', undefined, 2, 20);
		expect(slot).toBeDefined();
		const booked = await postJson(`${server.url}/api/v1/appointments`, {
			service: 'initial-consultation',
			providerId: slot!.providerId,
			start: slot!.start,
			patient: patient('email-e2e'),
			note: ''
		});
		expect(booked.status).toBe(201);
		const appointment = (await booked.json()) as { id: string; manageUrl: string };

		await waitFor('the confirmation', () => invites().length >= 1, 30_000);
		const [confirmation] = invites();
		expect(confirmation).toMatchObject({ method: 'REQUEST', to: 'patient.email-e2e@example.com' });
		expect(confirmation!.start).toBe(new Date(slot!.start).getTime());
		const text = readOutbox(outbox)[0]!.parts.map((p) => p.text).join('\n');
		expect(text).toContain(appointment.manageUrl);

		const token = appointment.manageUrl.split('/').at(-1)!;
		const cancelled = await postJson(`${server.url}/api/v1/appointments/${appointment.id}/cancel`, { token }, { authorization: `Bearer ${token}` });
		expect(cancelled.status).toBeLessThan(300);
		await waitFor('the cancellation', () => invites().length >= 2, 30_000);
		const cancel = invites().find((i) => i.method === 'CANCEL')!;
		expect(cancel.uid).toBe(confirmation!.uid);
		expect(cancel.sequence).toBeGreaterThan(confirmation!.sequence);
	});
});
