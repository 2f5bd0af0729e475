import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { pngBytes } from '../testing/images';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { anonymous } from '../auth/actor';
import { listStaffProfiles } from '../staff/staff-profile.repository';
import { removeStaffPhoto, uploadStaffPhoto } from '../staff/staff-photo.service';
import { readImageFile, storeUploadedImage } from './image.service';

describeEachEngine('images', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const as = async (role: 'admin' | 'clinician' | 'front_desk') => testCtx(handle.db, await staffActor(handle.db, role));

	it('stores the bytes once per content, and serves them back by hash', async () => {
		const ctx = await as('clinician');
		const bytes = pngBytes(40, 30);
		const first = await storeUploadedImage(ctx, 'image:upload', bytes, 'cover');
		const again = await storeUploadedImage(ctx, 'image:upload', bytes, 'cover');
		expect(again).toEqual(first);
		const hash = /\/media\/([0-9a-f]{64})\.png$/.exec(first.url)![1]!;
		const file = await readImageFile(testCtx(handle.db, anonymous), hash);
		expect(file?.contentType).toBe('image/png');
		expect(Buffer.compare(file!.bytes, bytes)).toBe(0);
		expect(await readImageFile(testCtx(handle.db, anonymous), 'f'.repeat(64))).toBeUndefined();
	});

	it('refuses uploads from roles without the permission, and files that are not images', async () => {
		expect((await domainError(storeUploadedImage(await as('front_desk'), 'image:upload', pngBytes(20, 20), 'cover'))).code).toBe('forbidden');
		const error = await domainError(storeUploadedImage(await as('admin'), 'image:upload', Buffer.from('GIF89a....'), 'cover'));
		expect(error.fieldErrors).toEqual({ cover: 'Upload a PNG, JPEG or WebP image.' });
	});

	it('gives a staff member a photo that public profiles show, and takes it away', async () => {
		const admin = await as('admin');
		const clinician = await staffActor(handle.db, 'clinician');
		await uploadStaffPhoto(admin, clinician.staffId, pngBytes(96, 96));
		const [profile] = await listStaffProfiles(handle.db, clinician.clinicId, { ids: [clinician.staffId] });
		expect(profile?.photo).toMatchObject({ width: 96, height: 96, url: expect.stringMatching(/^\/media\//) });
		expect((await domainError(uploadStaffPhoto(await as('clinician'), clinician.staffId, pngBytes(96, 96)))).code).toBe('forbidden');
		await removeStaffPhoto(admin, clinician.staffId);
		const [after] = await listStaffProfiles(handle.db, clinician.clinicId, { ids: [clinician.staffId] });
		expect(after?.photo).toBeNull();
	});
});
