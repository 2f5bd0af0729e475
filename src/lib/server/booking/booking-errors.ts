import { DomainError } from '../errors';
import type { AvailableSlot } from '../scheduling/availability';

/** The chosen time was free when listed but someone else booked it first (HTTP 409). */
export class SlotTakenError extends DomainError {
	constructor(readonly alternatives: readonly AvailableSlot[]) {
		super('conflict', 'Sorry, that time was just booked by someone else. Please choose another time.', {
			start: 'This time is no longer free.'
		});
	}
}

/** A first-time patient asked for a service that starts with a consultation (HTTP 422). */
export class ConsultationFirstError extends DomainError {
	constructor(readonly consultationSlug: string | undefined) {
		super('validation_failed', 'New patients start with an initial consultation.', {
			service:
				'This is your first visit with us, so please book an initial consultation first: your clinician checks that this treatment suits you.'
		});
	}
}

/** Too close to the start for online changes; the clinic's phone number goes in the message. */
export function tooLateToChange(hours: number, phone: string): DomainError {
	return new DomainError(
		'conflict',
		`Online changes close ${hours} hours before the appointment. Please call us at ${phone}.`
	);
}

/**
 * A change decided on what the appointment looked like a moment ago, which another change (a
 * cancellation, a move, a status) has since altered: nothing was done (HTTP 409).
 */
export function appointmentChanged(): DomainError {
	return new DomainError('conflict', 'This appointment was changed a moment ago, so nothing was done. Please look at it again before you change it.');
}
