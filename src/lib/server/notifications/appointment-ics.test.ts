import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { appointmentIcs } from './appointment-ics';
import { sampleNotice } from './notice.fixtures';

const HOST = 'clinic.example';

function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return { calendar, event, vevent: calendar.getFirstSubcomponent('vevent')! };
}

describe('appointmentIcs', () => {
	it('is a REQUEST whose start and end parse to the booked instants, across both DST changes', () => {
		const cases = [
			['2026-12-01T15:00:00.000Z', '2026-12-01T15:30:00.000Z'],
			// New York spring-forward day and fall-back day (1:30 AM happens twice).
			['2026-03-08T17:00:00.000Z', '2026-03-08T18:00:00.000Z'],
			['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
			['2026-11-01T06:30:00.000Z', '2026-11-01T07:30:00.000Z']
		];
		for (const [startsAt, endsAt] of cases) {
			const { calendar, event } = parse(appointmentIcs(sampleNotice({ startsAt, endsAt }), { host: HOST, stamp: new Date('2026-11-27T15:00:00Z') }));
			expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
			expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
			expect(event.endDate.toJSDate().toISOString()).toBe(endsAt);
		}
	});

	it('names the organizer, attendee, place and a stable UID with the appointment’s SEQUENCE', () => {
		const view = sampleNotice({ manageUrl: 'https://clinic.example/appointments/manage/secret-token' });
		const ics = appointmentIcs({ ...view, appointment: { ...view.appointment, sequence: 2 } }, { host: HOST, stamp: new Date() });
		const { event, vevent } = parse(ics);
		expect(event.uid).toBe(`appointment-${view.appointment.id}@${HOST}`);
		expect(event.sequence).toBe(2);
		expect(event.summary).toBe('Dry needling session at Boston Spine');
		expect(event.location).toBe('Back Bay, 120 Example Avenue, Suite 300, Boston, MA 02116');
		expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:hello@boston-spine.example');
		expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:jamie.rivera@example.com');
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(ics).not.toContain('secret-token');
	});

	it('cancels with the same UID and a higher SEQUENCE', () => {
		const booked = sampleNotice();
		const cancelled = sampleNotice({ kind: 'cancelled', appointment: { ...booked.appointment, status: 'cancelled', sequence: 1 } });
		const first = parse(appointmentIcs(booked, { host: HOST, stamp: new Date() }));
		const second = parse(appointmentIcs(cancelled, { host: HOST, stamp: new Date() }));
		expect(second.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(second.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(second.event.uid).toBe(first.event.uid);
		expect(second.event.sequence).toBeGreaterThan(first.event.sequence);
	});
});
