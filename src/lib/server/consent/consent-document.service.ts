import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { writeTransaction } from '../db/write-transaction';
import { notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { CONSENT_MODALITIES, isConsentModality, type ConsentModality } from '../../shared/consent';
import type { ConsentDocumentVersion } from './consent-document';
import { DEFAULT_DOCUMENTS, DRY_NEEDLING_NOT_ACUPUNCTURE } from './default-documents';
import { insertVersion, latestVersion, latestVersions, readSettings, versionHistory, writeSettings, type ConsentSettings } from './consent.repository';

/**
 * Consent documents: the shipped texts become version 1 of each modality; an admin's edit
 * publishes the next version. Published rows never change (database triggers), so a signature
 * always points at exactly the text that was shown.
 */

/** Publishes the shipped text of every modality a clinic does not have yet (idempotent; run at start). */
export async function ensureDefaultConsentDocuments(db: Kysely<DB>, now: Date): Promise<number> {
	const clinics = await db.selectFrom('clinic').select('id').execute();
	let published = 0;
	for (const { id } of clinics) {
		await writeTransaction(db, async (trx) => {
			const have = new Set((await latestVersions(trx, id)).map((v) => v.modality));
			const settings = await readSettings(trx, id);
			for (const modality of CONSENT_MODALITIES) {
				if (have.has(modality)) continue;
				await insertVersion(trx, { clinicId: id, modality, ...DEFAULT_DOCUMENTS[modality], notice: noticeFor(modality, settings), publishedBy: null, now });
				published++;
			}
		});
	}
	return published;
}

function noticeFor(modality: ConsentModality, settings: ConsentSettings): string {
	return modality === 'dry_needling' && settings.dryNeedlingNotAcupuncture ? DRY_NEEDLING_NOT_ACUPUNCTURE : '';
}

export function parseModality(value: string): ConsentModality {
	if (!isConsentModality(value)) throw notFound('consent document');
	return value;
}

/** The latest published version of each modality. Public: the texts are shown to every patient. */
export async function publishedConsentDocuments(ctx: Ctx): Promise<ConsentDocumentVersion[]> {
	const clinic = await getClinic(ctx);
	const order = (m: ConsentModality) => CONSENT_MODALITIES.indexOf(m);
	return (await latestVersions(ctx.db, clinic.id)).sort((a, b) => order(a.modality) - order(b.modality));
}

export type ConsentDocumentAdmin = { history: ConsentDocumentVersion[]; settings: ConsentSettings };

export async function consentDocumentForEditing(ctx: Ctx, rawModality: string): Promise<ConsentDocumentAdmin> {
	authorize(ctx.actor, 'consent:manage_documents');
	const modality = parseModality(rawModality);
	const clinic = await getClinic(ctx);
	const history = await versionHistory(ctx.db, clinic.id, modality);
	if (history.length === 0) throw notFound('consent document');
	return { history, settings: await readSettings(ctx.db, clinic.id) };
}

export async function consentAdminOverview(ctx: Ctx): Promise<{ documents: ConsentDocumentVersion[]; settings: ConsentSettings }> {
	authorize(ctx.actor, 'consent:manage_documents');
	const clinic = await getClinic(ctx);
	return { documents: await publishedConsentDocuments(ctx), settings: await readSettings(ctx.db, clinic.id) };
}

const LIGHT_MARKUP_HINT = 'Use “## ” for headings and “- ” for list items; HTML is not allowed.';
const documentInput = z.object({
	title: z.string({ error: 'Give the document a title.' }).trim().min(3, 'Give the document a title (at least 3 characters).').max(150, 'Keep the title under 150 characters.'),
	body: z
		.string({ error: 'Write the text of the document.' })
		.trim()
		.min(50, 'Write the text of the document (at least 50 characters).')
		.max(30_000, 'Keep the text under 30,000 characters.')
		.refine((text) => !/<\/?[a-z!][^>]*>/i.test(text), LIGHT_MARKUP_HINT)
});

/** Publishes a new version of one modality's document; an unchanged text publishes nothing. */
export async function publishConsentDocument(ctx: Ctx, rawModality: string, raw: unknown): Promise<ConsentDocumentVersion> {
	authorize(ctx.actor, 'consent:manage_documents');
	const modality = parseModality(rawModality);
	const input = parseInput(documentInput, raw);
	const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
	const clinic = await getClinic(ctx);
	return writeTransaction(ctx.db, async (trx) => {
		const current = await latestVersion(trx, clinic.id, modality);
		const settings = await readSettings(trx, clinic.id);
		const notice = noticeFor(modality, settings);
		if (current && current.title === input.title && current.body === input.body && current.notice === notice) {
			throw validationFailed({ body: 'Nothing changed: edit the text to publish a new version.' }, 'Nothing to publish.');
		}
		const published = await insertVersion(trx, { clinicId: clinic.id, modality, ...input, notice, publishedBy: staffId, now: ctx.clock.now() });
		await recordAudit({ ...ctx, db: trx }, { action: 'consent.document_published', entityType: 'consent_document', entityId: published.id, detail: { modality, version: published.version } });
		return published;
	});
}

const settingsInput = z.object({
	dryNeedlingNotAcupuncture: z.boolean(),
	resignOnNewVersion: z.boolean()
});

/**
 * Changes the clinic's consent settings. Turning the "not acupuncture" statement on or off
 * publishes a new dry-needling version, because the statement is part of the signed text.
 */
export async function updateConsentSettings(ctx: Ctx, raw: unknown): Promise<ConsentSettings> {
	authorize(ctx.actor, 'consent:manage_documents');
	const settings = parseInput(settingsInput, raw);
	const staffId = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
	const clinic = await getClinic(ctx);
	return writeTransaction(ctx.db, async (trx) => {
		const inTrx = { ...ctx, db: trx };
		const before = await readSettings(trx, clinic.id);
		await writeSettings(trx, clinic.id, settings, ctx.clock.now());
		if (before.dryNeedlingNotAcupuncture !== settings.dryNeedlingNotAcupuncture) {
			const current = await latestVersion(trx, clinic.id, 'dry_needling');
			const base = current ?? { ...DEFAULT_DOCUMENTS.dry_needling };
			const published = await insertVersion(trx, { clinicId: clinic.id, modality: 'dry_needling', title: base.title, body: base.body, notice: noticeFor('dry_needling', settings), publishedBy: staffId, now: ctx.clock.now() });
			await recordAudit(inTrx, { action: 'consent.document_published', entityType: 'consent_document', entityId: published.id, detail: { modality: 'dry_needling', version: published.version } });
		}
		await recordAudit(inTrx, { action: 'consent.settings_changed', entityType: 'clinic', entityId: clinic.id, detail: { ...settings } });
		return settings;
	});
}
