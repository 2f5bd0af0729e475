import type { AppointmentStatus } from '../db/schema';

export type AppointmentSource = 'online' | 'staff' | 'api';

export type CancelledBy = 'patient' | 'clinic';

export type Appointment = {
	id: string;
	clinicId: string;
	serviceId: string;
	providerId: string;
	locationId: string;
	patientId: string;
	startsAt: Date;
	endsAt: Date;
	status: AppointmentStatus;
	source: AppointmentSource;
	note: string;
	/** RFC 5545 SEQUENCE: grows with each change, for calendar invites. */
	sequence: number;
	lateCancellation: boolean;
	/** Who asked for the cancellation (staff record it when a patient calls); null while not cancelled. */
	cancelledBy: CancelledBy | null;
	/** Why, in the words staff typed; null for a patient's own cancellation by link. */
	cancellationReason: string | null;
	cancelledAt: Date | null;
	createdAt: Date;
};

/** Statuses a clinic sets during and after the visit; cancelling has its own path. */
export const VISIT_STATUSES = ['booked', 'arrived', 'completed', 'no_show'] as const satisfies readonly AppointmentStatus[];
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
	booked: 'Booked',
	arrived: 'Arrived',
	completed: 'Completed',
	cancelled: 'Cancelled',
	no_show: 'No-show'
};
