import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';
import { imageUrl, type ImageRef } from './image';

export type NewImage = {
	id: string;
	clinicId: string;
	sha256: string;
	contentType: string;
	width: number;
	height: number;
	bytes: Buffer;
	now: Date;
};

/** Stores the image unless the same bytes are already stored; returns the stored one either way. */
export async function insertImageIfNew(db: Kysely<DB>, image: NewImage): Promise<ImageRef> {
	await db
		.insertInto('image')
		.values({
			id: image.id,
			clinicId: image.clinicId,
			sha256: image.sha256,
			contentType: image.contentType,
			width: image.width,
			height: image.height,
			byteSize: image.bytes.length,
			bytes: image.bytes,
			createdAt: writeInstant(image.now)
		})
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	const row = await db
		.selectFrom('image')
		.select(['id', 'sha256', 'contentType', 'width', 'height'])
		.where('sha256', '=', image.sha256)
		.executeTakeFirstOrThrow();
	return { id: row.id, url: imageUrl(row.sha256, row.contentType), width: row.width, height: row.height };
}

export async function findImageFile(
	db: Kysely<DB>,
	sha256: string
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
	const row = await db.selectFrom('image').select(['contentType', 'bytes']).where('sha256', '=', sha256).executeTakeFirst();
	return row && { contentType: row.contentType, bytes: Buffer.from(row.bytes) };
}

export async function setStaffPhoto(db: Kysely<DB>, staffId: string, imageId: string | null): Promise<void> {
	await db.deleteFrom('staffPhoto').where('staffId', '=', staffId).execute();
	if (imageId) await db.insertInto('staffPhoto').values({ staffId, imageId }).execute();
}
