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

/** Fields carried forward as hidden inputs: the choices and details made on earlier steps. */
export type Carried = Record<string, string>;

export type Summary = { serviceName: string; providerName: string; timeLabel: string; zoneLabel: string };

export type BookingView =
	| { kind: 'service'; services: ServiceOption[]; carried: Carried; message?: string; error?: string; selected?: string; fromAssessment: boolean }
	| { kind: 'provider'; service: ServiceOption; providers: ProviderOption[]; carried: Carried; error?: string; selected?: string }
	| {
			kind: 'time';
			service: ServiceOption;
			providerName: string;
			days: DayOption[];
			zoneLabel: string;
			zone: string;
			earlier: string | null;
			later: string | null;
			carried: Carried;
			message?: string;
			alternatives?: TimeOption[];
	  }
	| { kind: 'details'; summary: Summary; values: Record<string, string>; errors: Record<string, string>; carried: Carried; message?: string }
	| { kind: 'review'; summary: Summary; details: Record<string, string>; submission: string; carried: Carried; message?: string }
	| { kind: 'consultation'; summary: Summary; consultation: ServiceOption | null; carried: Carried }
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
	mode: 'view' | 'confirm-cancel' | 'times';
	notice?: string;
	message?: string;
	times?: { days: DayOption[]; zoneLabel: string; earlier: string | null; later: string | null; alternatives?: TimeOption[] };
};
