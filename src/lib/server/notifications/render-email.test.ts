import { describe, expect, it } from 'vitest';
import { sampleNotice } from './notice.fixtures';
import { policySentence, renderAppointmentEmail } from './render-email';

const MANAGE = 'https://clinic.example/appointments/manage/Tok3n_abc-123';

describe('renderAppointmentEmail', () => {
	it('confirms a booking with the clinic’s local time and zone, the address, phone, policy and manage link', () => {
		const email = renderAppointmentEmail(sampleNotice({ manageUrl: MANAGE }));
		expect(email.subject).toBe('Appointment confirmed: Tue, Dec 1, 10:00 AM EST — Boston Spine');
		expect(email.text).toContain('Hello Jamie,');
		expect(email.text).toContain('What:  Dry needling session with Dr. Alex Chen');
		expect(email.text).toContain('When:  Tuesday, December 1, 2026, 10:00 AM – 10:30 AM EST');
		expect(email.text).toContain('Where: Back Bay, 120 Example Avenue, Suite 300, Boston, MA 02116');
		expect(email.text).toContain(`Change or cancel your appointment: ${MANAGE}`);
		expect(email.text).toContain('Please give at least 24 hours’ notice if you need to change or cancel');
		expect(email.text).toContain('(617) 555-0142 · hello@boston-spine.example');
		expect(email.html).toContain('<html lang="en">');
		expect(email.html).toContain(`<a href="${MANAGE}">Change or cancel your appointment</a>`);
		expect(email.html).toContain('<th scope="row" align="left">When</th><td>Tuesday, December 1, 2026, 10:00 AM – 10:30 AM EST</td>');
		expect(email.html).toContain('<a href="tel:6175550142">(617) 555-0142</a>');
	});

	it('keeps the patient’s name and the service out of the subject line', () => {
		for (const kind of ['booked', 'rescheduled', 'cancelled', 'reminder'] as const) {
			const { subject } = renderAppointmentEmail(sampleNotice({ kind }));
			expect(subject).not.toMatch(/Jamie|needling/i);
			expect(subject).toContain('Tue, Dec 1, 10:00 AM EST');
		}
	});

	it('words each kind of notice for what happened', () => {
		const moved = renderAppointmentEmail(sampleNotice({ kind: 'rescheduled', startsAt: '2026-07-01T13:30:00Z', endsAt: '2026-07-01T14:00:00Z' }));
		expect(moved.subject).toBe('Appointment moved: now Wed, Jul 1, 9:30 AM EDT — Boston Spine');
		expect(moved.html).toContain('<h1>Your appointment has moved</h1>');

		const cancelled = renderAppointmentEmail(sampleNotice({ kind: 'cancelled', manageUrl: MANAGE, bookUrl: 'https://clinic.example/book' }));
		expect(cancelled.text).toContain('10:30 AM EST (cancelled)');
		expect(cancelled.text).not.toContain('To book again, call us');
		expect(cancelled.text).toContain('Book a new time online: https://clinic.example/book\nOr call us at (617) 555-0142.');
		expect(cancelled.html).toContain('<a href="https://clinic.example/book">Book a new time online</a>');
		// Without a known web address, the phone alone.
		expect(renderAppointmentEmail(sampleNotice({ kind: 'cancelled' })).text).toContain('To book a new time, call us at (617) 555-0142.');
		// The link is useless after a cancellation, and a bearer link should travel no further than needed.
		expect(cancelled.text).not.toContain(MANAGE);
		expect(cancelled.text).not.toContain('notice if you need to change');

		const reminder = renderAppointmentEmail(sampleNotice({ kind: 'reminder' }));
		expect(reminder.subject).toBe('Reminder: Tue, Dec 1, 10:00 AM EST — Boston Spine');
		expect(reminder.text).toContain('use the link in your confirmation email or call us at (617) 555-0142');
	});

	it('escapes everything it puts into HTML', () => {
		const email = renderAppointmentEmail(
			sampleNotice({
				patient: { firstName: '<img src=x onerror=alert(1)>', email: 'a@example.com' },
				provider: { name: 'Dr. "Quote" & Co' },
				manageUrl: 'https://clinic.example/appointments/manage/a"onmouseover="x'
			})
		);
		expect(email.html).not.toContain('<img');
		expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(email.html).toContain('Dr. &quot;Quote&quot; &amp; Co');
		expect(email.html).toContain('href="https://clinic.example/appointments/manage/a&quot;onmouseover=&quot;x"');
	});
});

describe('policySentence', () => {
	it('states the notice period in hours or whole days, or nothing', () => {
		expect(policySentence(24)).toMatch(/^Please give at least 24 hours’ notice/);
		expect(policySentence(1)).toMatch(/at least 1 hour’s notice/);
		expect(policySentence(48)).toMatch(/at least 2 days’ notice/);
		expect(policySentence(0)).toBeUndefined();
	});
});
