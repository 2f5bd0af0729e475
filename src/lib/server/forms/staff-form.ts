import type { StaffMember } from '../staff/staff';
import { formObject } from '../form-data';

export function staffFormInput(data: FormData): Record<string, unknown> {
	return formObject(data, ['credentials']);
}

export function staffFormValues(member: StaffMember): Record<string, unknown> {
	return {
		name: member.name,
		email: member.email,
		role: member.role,
		bio: member.bio,
		active: member.active,
		credentials: member.credentials,
		dnCertifiedOn: member.dryNeedling?.certifiedOn ?? '',
		dnHours: member.dryNeedling?.hours ?? '',
		dnCourse: member.dryNeedling?.course ?? ''
	};
}
