export const STAFF_ROLES = ['admin', 'clinician', 'front_desk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
	admin: 'Administrator',
	clinician: 'Clinician',
	front_desk: 'Front desk'
};
