import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { authorize, type Action } from '../auth/policy';
import { validationFailed } from '../errors';
import { getClinic } from '../clinic/clinic.service';
import { findImageFile, insertImageIfNew } from './image.repository';
import { checkImage } from './image-header';
import type { ImageRef } from './image';

/**
 * Checks and stores an uploaded image for a purpose the actor is allowed (`action`). `field` names
 * the form field that gets the message when the file is refused.
 */
export async function storeUploadedImage(ctx: Ctx, action: Action, bytes: Uint8Array, field: string): Promise<ImageRef> {
	authorize(ctx.actor, action);
	const check = checkImage(bytes);
	if (!check.ok) throw validationFailed({ [field]: check.message });
	const clinic = await getClinic(ctx);
	const buffer = Buffer.from(bytes);
	return insertImageIfNew(ctx.db, {
		id: randomUUID(),
		clinicId: clinic.id,
		sha256: createHash('sha256').update(buffer).digest('hex'),
		contentType: check.info.type,
		width: check.info.width,
		height: check.info.height,
		bytes: buffer,
		now: ctx.clock.now()
	});
}

/** Public: images are only reachable by the hash of their bytes. */
export async function readImageFile(ctx: Ctx, sha256: string) {
	return findImageFile(ctx.db, sha256);
}
