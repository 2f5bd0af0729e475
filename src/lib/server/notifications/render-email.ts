import { zonedTimes } from './format-time';
import { addressLine, type NoticeView } from './notice';

export type RenderedEmail = { subject: string; text: string; html: string };

const HEADINGS = {
	booked: 'Your appointment is booked',
	rescheduled: 'Your appointment has moved',
	cancelled: 'Your appointment is cancelled',
	reminder: 'Appointment reminder'
} as const;

function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function subjectOf(view: NoticeView, short: string): string {
	const clinic = view.clinic.name;
	switch (view.kind) {
		case 'booked':
			return `Appointment confirmed: ${short} — ${clinic}`;
		case 'rescheduled':
			return `Appointment moved: now ${short} — ${clinic}`;
		case 'cancelled':
			return `Appointment cancelled: ${short} — ${clinic}`;
		case 'reminder':
			return `Reminder: ${short} — ${clinic}`;
	}
}

function introOf(view: NoticeView): string {
	const clinic = view.clinic.name;
	switch (view.kind) {
		case 'booked':
			return `Your appointment at ${clinic} is booked.`;
		case 'rescheduled':
			return `Your appointment at ${clinic} has moved. The new time is below.`;
		case 'cancelled':
			return `Your appointment at ${clinic} has been cancelled.`;
		case 'reminder':
			return `A reminder of your upcoming appointment at ${clinic}.`;
	}
}

/** The cancellation policy in one sentence, or nothing when the clinic has none. */
export function policySentence(hours: number): string | undefined {
	if (hours <= 0) return undefined;
	const span = hours % 24 === 0 && hours >= 48 ? `${hours / 24} days’` : `${hours} ${hours === 1 ? 'hour’s' : 'hours’'}`;
	return `Please give at least ${span} notice if you need to change or cancel; later changes count as a late cancellation.`;
}

type Block = { kind: 'p'; text: string } | { kind: 'link'; label: string; href: string; after?: string };

/**
 * The patient-facing email for a booking, change, cancellation or reminder, as plain text and
 * simple HTML with the same content. Pure: the caller supplies everything, including the zone.
 * Subjects carry the time and the clinic only: they show on lock screens, so no service or name.
 */
export function renderAppointmentEmail(view: NoticeView): RenderedEmail {
	const times = zonedTimes(view.appointment.startsAt, view.appointment.endsAt, view.clinic.timeZone);
	const subject = subjectOf(view, times.short);
	const cancelled = view.kind === 'cancelled';
	const details: Array<[string, string]> = [
		['What', `${view.service.name} with ${view.provider.name}`],
		['When', `${times.date}, ${times.time}`],
		['Where', `${view.location.name}, ${addressLine(view.location.address)}`]
	];

	const blocks: Block[] = [];
	if (cancelled) {
		// Booking online is open day and night; the phone for those who prefer it.
		if (view.bookUrl) blocks.push({ kind: 'link', label: 'Book a new time online', href: view.bookUrl, after: `Or call us at ${view.clinic.phone}.` });
		else blocks.push({ kind: 'p', text: `To book a new time, call us at ${view.clinic.phone}.` });
		blocks.push({ kind: 'p', text: 'The attached calendar update removes the appointment from your calendar.' });
	} else {
		if (view.manageUrl) {
			blocks.push({
				kind: 'link',
				label: 'Change or cancel your appointment',
				href: view.manageUrl,
				after: 'Keep this link to yourself: anyone who has it can change your appointment.'
			});
		} else {
			blocks.push({
				kind: 'p',
				text: `To change or cancel, use the link in your confirmation email or call us at ${view.clinic.phone}.`
			});
		}
		if (view.formsUrl) {
			blocks.push({
				kind: 'link',
				label: 'Fill in your health forms before your visit',
				href: view.formsUrl,
				after: 'About 10 minutes; you can stop and come back. This link is only for you.'
			});
		}
		const policy = policySentence(view.clinic.cancellationNoticeHours);
		if (policy) blocks.push({ kind: 'p', text: policy });
		blocks.push({ kind: 'p', text: 'The attached invite adds the appointment to your calendar.' });
	}

	const clinicAddress = addressLine(view.clinic.address);
	const text = [
		`Hello ${view.patient.firstName},`,
		'',
		introOf(view),
		'',
		...details.map(([label, value]) => `  ${`${label}:`.padEnd(7)}${value}${cancelled && label === 'When' ? ' (cancelled)' : ''}`),
		'',
		...blocks.flatMap((b) => (b.kind === 'p' ? [b.text, ''] : [`${b.label}: ${b.href}`, ...(b.after ? [b.after] : []), ''])),
		view.clinic.name,
		clinicAddress,
		`${view.clinic.phone} · ${view.clinic.email}`,
		''
	].join('\n');

	const e = escapeHtml;
	const html = [
		'<!doctype html>',
		'<html lang="en">',
		`<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
		'<body>',
		`<h1>${e(HEADINGS[view.kind])}</h1>`,
		`<p>Hello ${e(view.patient.firstName)},</p>`,
		`<p>${e(introOf(view))}</p>`,
		'<table>',
		...details.map(
			([label, value]) =>
				`<tr><th scope="row" align="left">${e(label)}</th><td>${cancelled && label === 'When' ? `<s>${e(value)}</s> (cancelled)` : e(value)}</td></tr>`
		),
		'</table>',
		...blocks.map((b) =>
			b.kind === 'p'
				? `<p>${e(b.text)}</p>`
				: `<p><a href="${e(b.href)}">${e(b.label)}</a>${b.after ? `<br>${e(b.after)}` : ''}</p>`
		),
		`<p>${e(view.clinic.name)}<br>${e(clinicAddress)}<br><a href="tel:${e(view.clinic.phone.replace(/[^0-9+]/g, ''))}">${e(view.clinic.phone)}</a> · <a href="mailto:${e(view.clinic.email)}">${e(view.clinic.email)}</a></p>`,
		'</body>',
		'</html>',
		''
	].join('\n');

	return { subject, text, html };
}
