import type { CredentialCode } from '../../shared/credentials';
import type { StaffRole } from '../../shared/roles';

export type DryNeedlingCertification = {
	certifiedOn: string;
	hours: number;
	course: string;
};

export type StaffMember = {
	id: string;
	clinicId: string;
	name: string;
	email: string;
	role: StaffRole;
	bio: string;
	active: boolean;
	credentials: CredentialCode[];
	dryNeedling: DryNeedlingCertification | null;
	createdAt: Date;
	updatedAt: Date;
};
