/**
 * The staff area's sections, in menu order: the header menu and the staff home page both list
 * them, each for the roles allowed in (the layout computes `StaffAccess` from the policy).
 */
export type StaffAccess = {
	canAdminister: boolean;
	canReadReports: boolean;
	canWriteArticles: boolean;
	canModerateComments: boolean;
	canReadInbox: boolean;
};

export type StaffArea = { href: string; label: string; summary: string; needs?: keyof StaffAccess };

export const STAFF_AREAS: readonly StaffArea[] = [
	{ href: '/staff/calendar', label: 'Calendar', summary: 'Appointments by day or week: book, move or cancel, and mark arrivals.' },
	{ href: '/staff/patients', label: 'Patients', summary: 'Find a patient and open their record.' },
	{ href: '/staff/reports/consent', label: 'Consent check', summary: 'Needling visits coming up without a valid consent.' },
	{ href: '/staff/schedule', label: 'Schedules', summary: 'Working hours and breaks of each clinician.' },
	{ href: '/staff/articles', label: 'Articles', summary: 'Write and publish articles for the public site.', needs: 'canWriteArticles' },
	{ href: '/staff/comments', label: 'Comments', summary: 'Approve or reject readers’ comments and reply for the clinic.', needs: 'canModerateComments' },
	{ href: '/staff/inbox', label: 'Inbox', summary: 'Messages sent through the contact form.', needs: 'canReadInbox' },
	{ href: '/staff/admin/clinic', label: 'Clinic', summary: 'Clinic details, time zone and opening hours.', needs: 'canAdminister' },
	{ href: '/staff/admin/locations', label: 'Locations', summary: 'Addresses and phone numbers of each location.', needs: 'canAdminister' },
	{ href: '/staff/admin/services', label: 'Services', summary: 'What the clinic offers, its length, price and who may deliver it.', needs: 'canAdminister' },
	{ href: '/staff/admin/staff', label: 'Staff', summary: 'Accounts, roles and credentials of the team.', needs: 'canAdminister' },
	{ href: '/staff/admin/audit', label: 'Audit trail', summary: 'Who saw or changed what, and when.', needs: 'canAdminister' },
	{ href: '/staff/admin/outbox', label: 'Email outbox', summary: 'Emails to patients, kept here while no mail server is set.', needs: 'canAdminister' },
	{ href: '/staff/admin/consent', label: 'Consent documents', summary: 'The consent texts patients sign, and their versions.', needs: 'canAdminister' },
	{ href: '/staff/reports/assessment', label: 'Self-assessment report', summary: 'How visitors’ self-assessments turned out, in totals.', needs: 'canReadReports' }
];

/** The sections a member of staff with this access can open, in menu order. */
export function staffAreasFor(access: StaffAccess): StaffArea[] {
	return STAFF_AREAS.filter((area) => !area.needs || access[area.needs]);
}
