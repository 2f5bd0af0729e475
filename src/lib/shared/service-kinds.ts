export const SERVICE_KINDS = ['consultation', 'dry_needling', 'acupuncture', 'follow_up', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
	consultation: 'Consultation',
	dry_needling: 'Dry needling',
	acupuncture: 'Acupuncture',
	follow_up: 'Follow-up',
	other: 'Other'
};
