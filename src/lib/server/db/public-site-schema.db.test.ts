import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic, DEMO_CLINIC_ID } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW } from '../testing/test-context';

/** The public site's invariants hold in the database itself, not only in the services. */
describeEachEngine('public site schema invariants', (handle) => {
	const now = TEST_NOW.toISOString();
	let authorId = '';
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		authorId = (await handle.db.selectFrom('staff').select('id').where('role', '=', 'clinician').executeTakeFirstOrThrow()).id;
	});
	const article = (over: Record<string, unknown> = {}) => ({
		id: crypto.randomUUID(),
		clinicId: DEMO_CLINIC_ID,
		slug: `slug-${Math.random().toString(36).slice(2)}`,
		title: 'T',
		bodyMarkdown: 'x',
		status: 'draft',
		publishedAt: null,
		authorId,
		createdAt: now,
		updatedAt: now,
		...over
	});

	it('refuses a duplicate slug, a published article without a date and an unknown status', async () => {
		await handle.db.insertInto('article').values(article({ slug: 'unique-one' })).execute();
		await expect(handle.db.insertInto('article').values(article({ slug: 'unique-one' })).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('article').values(article({ status: 'published' })).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('article').values(article({ status: 'hidden' })).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('article').values(article({ slug: '' })).execute()).rejects.toThrow();
	});

	it('refuses a cover image without a description, and an author who does not exist', async () => {
		const image = {
			id: crypto.randomUUID(), clinicId: DEMO_CLINIC_ID, sha256: 'a'.repeat(64), contentType: 'image/png',
			width: 10, height: 10, byteSize: 3, bytes: Buffer.from([1, 2, 3]), createdAt: now
		};
		await handle.db.insertInto('image').values(image).execute();
		await expect(handle.db.insertInto('image').values({ ...image, id: crypto.randomUUID() }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('image').values({ ...image, id: crypto.randomUUID(), sha256: 'b'.repeat(64), contentType: 'image/svg+xml' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('article').values(article({ coverImageId: image.id, coverAlt: '' })).execute()).rejects.toThrow();
		await handle.db.insertInto('article').values(article({ coverImageId: image.id, coverAlt: 'A room' })).execute();
		await expect(handle.db.insertInto('article').values(article({ authorId: 'nobody' })).execute()).rejects.toThrow();
	});

	it('keeps tags lower-case and contact call-backs with a phone number', async () => {
		const id = (await handle.db.selectFrom('article').select('id').executeTakeFirstOrThrow()).id;
		await expect(handle.db.insertInto('articleTag').values({ articleId: id, tag: 'Safety' }).execute()).rejects.toThrow();
		const message = {
			id: crypto.randomUUID(), clinicId: DEMO_CLINIC_ID, name: 'N', email: 'n@example.com', phone: '', message: 'm',
			preferredContact: 'phone', bodyHash: 'h', createdAt: now
		};
		await expect(handle.db.insertInto('contactMessage').values(message).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('contactMessage').values({ ...message, preferredContact: 'email', email: 'N@example.com' }).execute()).rejects.toThrow();
		await handle.db.insertInto('contactMessage').values({ ...message, phone: '617 555 0100' }).execute();
	});

	it('keeps one settings row per clinic with a known moderation mode', async () => {
		await handle.db.insertInto('siteSettings').values({ clinicId: DEMO_CLINIC_ID }).onConflict((oc) => oc.column('clinicId').doNothing()).execute();
		await expect(handle.db.updateTable('siteSettings').set({ commentModeration: 'sometimes' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('siteSettings').values({ clinicId: DEMO_CLINIC_ID }).execute()).rejects.toThrow();
	});
});
