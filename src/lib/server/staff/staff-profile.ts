import type { CredentialCode } from '../../shared/credentials';
import type { StaffRole } from '../../shared/roles';
import type { ImageRef } from '../images/image';

/** What the public site may show about a team member: never the email or anything internal. */
export type StaffProfile = {
	id: string;
	name: string;
	role: StaffRole;
	bio: string;
	credentials: CredentialCode[];
	dryNeedlingCertified: boolean;
	photo: ImageRef | null;
};
