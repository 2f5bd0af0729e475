import type { AppointmentStatus } from '../db/schema';
import type { NoticeKind } from './notice-keys';

export type PostalAddress = { street: string; city: string; region: string; postalCode: string; country: string };

/** Everything an appointment email or invite shows, gathered once by ./notice.repository.ts. */
export type NoticeView = {
	kind: NoticeKind;
	appointment: { id: string; startsAt: Date; endsAt: Date; sequence: number; status: AppointmentStatus };
	clinic: { name: string; phone: string; email: string; timeZone: string; cancellationNoticeHours: number; address: PostalAddress };
	location: { name: string; phone: string; address: PostalAddress };
	service: { name: string };
	provider: { name: string };
	patient: { firstName: string; email: string };
	/** The patient's bearer link to change or cancel; only present when the caller passed it. */
	manageUrl?: string;
	/** The clinic's online booking page (absolute), when the app knows its own address. */
	bookUrl?: string;
	/** A first visit's pre-visit forms link; only present when the caller passed it. */
	formsUrl?: string;
};

/** "120 Example Avenue, Suite 300, Boston, MA 02116" (the country only when it is not the US). */
export function addressLine(a: PostalAddress): string {
	const place = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
	return [a.street, place, a.country && a.country !== 'US' ? a.country : ''].filter(Boolean).join(', ');
}
