/** A notice as the demo clinic would send it; tests override only what they are about. */
import type { NoticeView } from './notice';

const ADDRESS = { street: '120 Example Avenue, Suite 300', city: 'Boston', region: 'MA', postalCode: '02116', country: 'US' };

export function sampleNotice(overrides: Partial<NoticeView> & { startsAt?: string; endsAt?: string } = {}): NoticeView {
	const { startsAt = '2026-12-01T15:00:00Z', endsAt = '2026-12-01T15:30:00Z', ...rest } = overrides;
	return {
		kind: 'booked',
		appointment: { id: '5b0f2f5e-8d1c-4a57-9d1e-3c0d8e7f6a21', startsAt: new Date(startsAt), endsAt: new Date(endsAt), sequence: 0, status: 'booked' },
		clinic: { name: 'Boston Spine', phone: '(617) 555-0142', email: 'hello@boston-spine.example', timeZone: 'America/New_York', cancellationNoticeHours: 24, address: ADDRESS },
		location: { name: 'Back Bay', phone: '(617) 555-0142', address: ADDRESS },
		service: { name: 'Dry needling session' },
		provider: { name: 'Dr. Alex Chen' },
		patient: { firstName: 'Jamie', email: 'jamie.rivera@example.com' },
		...rest
	};
}
