import { writeTransaction } from '../db/write-transaction';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { getClinic } from '../clinic/clinic.service';
import { storeUploadedImage } from '../images/image.service';
import { setStaffPhoto } from '../images/image.repository';
import { bumpContentVersion } from '../site/site-settings.repository';
import { getStaffMember } from './staff.service';
import { listStaffProfiles } from './staff-profile.repository';

/** A staff member and their current photo, for the admin photo page. */
export async function getStaffPhoto(ctx: Ctx, staffId: string) {
	authorize(ctx.actor, 'staff:manage');
	const member = await getStaffMember(ctx, staffId);
	const [profile] = await listStaffProfiles(ctx.db, member.clinicId, { ids: [member.id] });
	return { member, photo: profile?.photo ?? null };
}

/** The photo shown with articles and on service pages. Admins manage it on the staff page. */
export async function uploadStaffPhoto(ctx: Ctx, staffId: string, bytes: Uint8Array): Promise<void> {
	authorize(ctx.actor, 'staff:manage');
	const member = await getStaffMember(ctx, staffId);
	const image = await storeUploadedImage(ctx, 'staff:manage', bytes, 'photo');
	await writeTransaction(ctx.db, async (trx) => {
		await setStaffPhoto(trx, member.id, image.id);
		await bumpContentVersion(trx, member.clinicId);
	});
}

export async function removeStaffPhoto(ctx: Ctx, staffId: string): Promise<void> {
	authorize(ctx.actor, 'staff:manage');
	const member = await getStaffMember(ctx, staffId);
	const clinic = await getClinic(ctx);
	await writeTransaction(ctx.db, async (trx) => {
		await setStaffPhoto(trx, member.id, null);
		await bumpContentVersion(trx, clinic.id);
	});
}
