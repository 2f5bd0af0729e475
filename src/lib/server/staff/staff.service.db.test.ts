import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic, DEMO_PASSWORD } from '../demo/demo-clinic';
import { signIn } from '../auth/sign-in.service';
import { resolveSession } from '../auth/session.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { createStaffMember, getStaffMember, listStaff, updateStaffMember } from './staff.service';

const newMember = (overrides: Record<string, unknown> = {}) => ({
	name: 'Dr. Robin Park',
	email: 'Robin.Park@Boston-Spine.example',
	role: 'clinician',
	bio: 'Sports physical therapist.',
	active: 'on',
	credentials: ['DPT'],
	dnCertifiedOn: '2023-06-01',
	dnHours: '54',
	dnCourse: 'Level 1',
	password: 'a long enough password',
	...overrides
});

describeEachEngine('staff administration', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const asAdmin = async () => testCtx(handle.db, await staffActor(handle.db, 'admin'));

	it('seeds the demo team with credentials and dry-needling certifications', async () => {
		const staff = await listStaff(await asAdmin());
		const summary = staff.map((s) => [s.role, s.credentials.join('+'), s.dryNeedling !== null]);
		expect(summary).toEqual([
			['clinician', 'DPT', true],
			['clinician', 'DPT', true],
			['clinician', 'DC', true],
			['front_desk', '', false],
			['clinician', 'DiplOM+LAc', false],
			['admin', '', false]
		]);
	});

	it('creates a staff member who can then sign in with the lower-cased email', async () => {
		const ctx = await asAdmin();
		const created = await createStaffMember(ctx, newMember());
		expect(created).toMatchObject({
			email: 'robin.park@boston-spine.example',
			credentials: ['DPT'],
			dryNeedling: { certifiedOn: '2023-06-01', hours: 54, course: 'Level 1' }
		});
		const session = await signIn(ctx, { email: 'ROBIN.park@boston-spine.example', password: 'a long enough password' });
		expect(session.staffId).toBe(created.id);
	});

	it('refuses a second account with the same email, whatever its case', async () => {
		const error = await domainError(createStaffMember(await asAdmin(), newMember({ email: 'robin.PARK@boston-spine.example' })));
		expect(error.fieldErrors).toEqual({ email: 'Another staff member already uses this email.' });
	});

	it('refuses a certification dated in the future', async () => {
		const error = await domainError(createStaffMember(await asAdmin(), newMember({ email: 'x@example.com', dnCertifiedOn: '2030-01-01' })));
		expect(error.fieldErrors).toEqual({ dnCertifiedOn: 'The certification date cannot be in the future.' });
	});

	it('keeps at least one active administrator', async () => {
		const ctx = await asAdmin();
		const admin = (await listStaff(ctx)).find((s) => s.role === 'admin')!;
		const form = { ...newMember({ name: admin.name, email: admin.email, credentials: [], dnCertifiedOn: '', dnHours: '', password: '' }) };
		expect((await domainError(updateStaffMember(ctx, admin.id, { ...form, role: 'front_desk' }))).fieldErrors).toHaveProperty('role');
		expect((await domainError(updateStaffMember(ctx, admin.id, { ...form, role: 'admin', active: undefined }))).fieldErrors).toHaveProperty('role');
		expect((await getStaffMember(ctx, admin.id)).role).toBe('admin');
	});

	it('ends every session of a member who is disabled or whose password changes', async () => {
		const ctx = await asAdmin();
		const member = (await listStaff(ctx)).find((s) => s.email === 'priya.nair@boston-spine.example')!;
		const policy = { idleMinutes: 30 };
		const first = await signIn(ctx, { email: member.email, password: DEMO_PASSWORD });
		expect((await resolveSession(handle.db, ctx.clock, policy, first.token))?.actor).toMatchObject({ staffId: member.id });
		const form = newMember({ name: member.name, email: member.email, password: '', dnCertifiedOn: '', dnHours: '' });
		await updateStaffMember(ctx, member.id, { ...form, active: undefined });
		expect(await resolveSession(handle.db, ctx.clock, policy, first.token)).toBeNull();
		expect((await domainError(signIn(ctx, { email: member.email, password: DEMO_PASSWORD }))).code).toBe('unauthenticated');

		await updateStaffMember(ctx, member.id, form);
		const second = await signIn(ctx, { email: member.email, password: DEMO_PASSWORD });
		await updateStaffMember(ctx, member.id, { ...form, password: 'a brand new passphrase' });
		expect(await resolveSession(handle.db, ctx.clock, policy, second.token)).toBeNull();
		await signIn(ctx, { email: member.email, password: 'a brand new passphrase' });
	});

	it('refuses everyone but administrators', async () => {
		for (const role of ['clinician', 'front_desk'] as const) {
			const ctx = testCtx(handle.db, await staffActor(handle.db, role));
			expect((await domainError(createStaffMember(ctx, newMember({ email: `${role}@example.com` })))).code).toBe('forbidden');
		}
	});
});
