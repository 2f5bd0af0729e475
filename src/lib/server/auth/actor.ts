import type { StaffRole } from '../../shared/roles';

export type StaffActor = {
	kind: 'staff';
	staffId: string;
	clinicId: string;
	role: StaffRole;
	name: string;
	email: string;
};

export type Actor = { kind: 'anonymous' } | StaffActor | { kind: 'system'; reason: string };

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(reason: string): Actor {
	return { kind: 'system', reason };
}
