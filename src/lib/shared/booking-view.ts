/** What the booking pages show at each step; built on the server (booking-flow.ts), rendered by Svelte. */

export type ServiceOption = {
	slug: string;
	name: string;
	description: string;
	durationMinutes: number;
	priceCents: number;
	consultationFirst: boolean;
};

/** `credentials`: display abbreviations ("L.Ac."), as everywhere people read them. */
export type ProviderOption = { id: string; name: string; credentials: string[]; dryNeedlingCertified: boolean };

/** A bookable time: `value` is RFC 3339 with the clinic's offset; `label` the wall-clock time there. */
export type TimeOption = { value: string; label: string; dayLabel: string };

export type DayOption = { date: string; label: string; times: TimeOption[] };

export type Summary = { serviceName: string; providerName: string; timeLabel: string; zoneLabel: string };

/** The steps of online booking; each is a GET of /book?step=…, so Back and Forward can show it again. */
export const BOOKING_STEPS = ['service', 'visit', 'provider', 'time', 'details', 'review', 'consultation', 'confirmed'] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

export type BookingView =
	| { kind: 'service'; services: ServiceOption[]; message?: string; error?: string; selected?: string; fromAssessment: boolean }
	| {
			kind: 'visit';
			/** The service chosen, which first-time patients reach through a consultation. */
			service: ServiceOption;
			consultation: ServiceOption | null;
			selected?: 'new' | 'returning';
			error?: string;
	  }
	| {
			kind: 'provider';
			service: ServiceOption;
			/** Set when this consultation leads to another service: only clinicians who offer both are listed. */
			intended?: ServiceOption;
			providers: ProviderOption[];
			error?: string;
			selected?: string;
	  }
	| {
			kind: 'time';
			service: ServiceOption;
			providerName: string;
			days: DayOption[];
			zoneLabel: string;
			zone: string;
			earlier: string | null;
			later: string | null;
			message?: string;
			alternatives?: TimeOption[];
	  }
	| { kind: 'details'; summary: Summary; values: Record<string, string>; errors: Record<string, string>; message?: string; today: string }
	| { kind: 'review'; summary: Summary; details: Record<string, string>; submission: string; message?: string }
	| { kind: 'consultation'; summary: Summary; consultation: ServiceOption | null }
	| {
			kind: 'confirmed';
			summary: Summary;
			locationName: string;
			address: string;
			manageUrl: string;
			noticeHours: number;
			firstName: string;
	  };

/** The patient's manage page: one appointment, and what may be done with it now. */
export type ManageView = {
	summary: Summary;
	locationName: string;
	address: string;
	status: string;
	statusLabel: string;
	canChange: boolean;
	changeableUntil: string;
	noticeHours: number;
	phone: string;
	mode: 'view' | 'confirm-cancel' | 'times' | 'confirm-move';
	/** The time chosen on the picker, waiting for "Confirm" (mode confirm-move). */
	move?: { start: string; timeLabel: string };
	notice?: string;
	message?: string;
	times?: { days: DayOption[]; zoneLabel: string; earlier: string | null; later: string | null; alternatives?: TimeOption[] };
};
