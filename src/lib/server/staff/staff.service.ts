import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { deleteSessionsOfStaff } from '../auth/session.repository';
import { notFound, validationFailed } from '../errors';
import { isUniqueViolation } from '../db/constraint-errors';
import { parseInput } from '../validation';
import { writeTransaction } from '../db/write-transaction';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { staffInput, type StaffInput } from '../../shared/clinic.schema';
import type { StaffMember } from './staff';
import * as staff from './staff.repository';

export async function listStaff(ctx: Ctx): Promise<StaffMember[]> {
	authorize(ctx.actor, 'staff:read');
	const clinic = await getClinic(ctx);
	return staff.listStaff(ctx.db, clinic.id);
}

export async function getStaffMember(ctx: Ctx, id: string): Promise<StaffMember> {
	authorize(ctx.actor, 'staff:manage');
	const clinic = await getClinic(ctx);
	const member = await staff.findStaff(ctx.db, clinic.id, id);
	if (!member) throw notFound('staff member');
	return member;
}

export async function createStaffMember(ctx: Ctx, input: unknown): Promise<StaffMember> {
	authorize(ctx.actor, 'staff:manage');
	const parsed = parseInput(staffInput, input);
	if (parsed.password === '') throw validationFailed({ password: 'Set a password of at least 12 characters.' });
	const write = toWrite(ctx, parsed);
	assertAcceptablePassword(parsed.password, write.email);
	const clinic = await getClinic(ctx);
	const id = randomUUID();
	const passwordHash = await hashPassword(parsed.password);
	await writeTransaction(ctx.db, async (trx) => {
		if (await staff.emailTaken(trx, write.email)) throw emailInUse();
		await saveOrExplain(() =>
			staff.insertStaff(trx, { ...write, id, clinicId: clinic.id, passwordHash, now: ctx.clock.now() })
		);
		await recordAudit({ ...ctx, db: trx }, { action: 'staff.created', entityType: 'staff', entityId: id, detail: { role: write.role } });
	});
	return getStaffMember(ctx, id);
}

export async function updateStaffMember(ctx: Ctx, id: string, input: unknown): Promise<StaffMember> {
	const existing = await getStaffMember(ctx, id);
	const parsed = parseInput(staffInput, input);
	const write = toWrite(ctx, parsed);
	if (parsed.password) assertAcceptablePassword(parsed.password, write.email);
	const passwordHash = parsed.password ? await hashPassword(parsed.password) : undefined;
	const now = ctx.clock.now();
	await writeTransaction(ctx.db, async (trx) => {
		if (await staff.emailTaken(trx, write.email, existing.id)) throw emailInUse();
		const losesAdmin = existing.role === 'admin' && existing.active && (write.role !== 'admin' || !write.active);
		if (losesAdmin && (await staff.countAdmins(trx, existing.clinicId)) <= 1) {
			throw validationFailed({ role: 'The clinic needs at least one active administrator.' });
		}
		await saveOrExplain(() => staff.updateStaff(trx, existing.id, write, now));
		if (passwordHash) await staff.setPasswordHash(trx, existing.id, passwordHash, now);
		// A disabled account or a changed password must not leave sessions open elsewhere.
		if (!write.active || passwordHash) await deleteSessionsOfStaff(trx, existing.id);
		await auditStaffChange({ ...ctx, db: trx }, existing, write, passwordHash !== undefined);
	});
	return getStaffMember(ctx, id);
}

async function auditStaffChange(ctx: Ctx, before: StaffMember, after: staff.StaffWrite, passwordSet: boolean): Promise<void> {
	const target = { entityType: 'staff', entityId: before.id };
	if (before.role !== after.role) {
		await recordAudit(ctx, { action: 'staff.role_changed', ...target, detail: { from: before.role, to: after.role } });
	}
	if (before.active && !after.active) await recordAudit(ctx, { action: 'staff.disabled', ...target });
	if (passwordSet) await recordAudit(ctx, { action: 'auth.password_changed', ...target, detail: { byAdmin: true } });
	const credentialsChanged = before.credentials.join() !== after.credentials.join();
	await recordAudit(ctx, { action: 'staff.updated', ...target, detail: { credentialsChanged, active: after.active } });
}

function toWrite(ctx: Ctx, input: StaffInput): staff.StaffWrite {
	const today = ctx.clock.now().toISOString().slice(0, 10);
	if (input.dnCertifiedOn !== undefined && input.dnCertifiedOn > today) {
		throw validationFailed({ dnCertifiedOn: 'The certification date cannot be in the future.' });
	}
	return {
		name: input.name,
		email: input.email,
		role: input.role,
		bio: input.bio,
		active: input.active,
		credentials: input.credentials,
		dryNeedling:
			input.dnCertifiedOn !== undefined && input.dnHours !== undefined
				?  { certifiedOn: input.dnCertifiedOn, hours: input.dnHours, course: input.dnCourse }
				: null
	};
}

function assertAcceptablePassword(password: string, email: string): void {
	const problem = passwordProblem(password, { email });
	if (problem) throw validationFailed({ password: problem });
}

function emailInUse() {
	return validationFailed({ email: 'Another staff member already uses this email.' });
}

async function saveOrExplain(save: () => Promise<void>): Promise<void> {
	try {
		await save();
	} catch (error) {
		if (isUniqueViolation(error)) throw emailInUse();
		throw error;
	}
}
