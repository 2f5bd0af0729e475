import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { getClinic } from '../clinic/clinic.service';
import { parseInput } from '../validation';
import { AUDIT_ACTIONS } from './audit';
import { recordAudit } from './audit.service';
import { searchAudit, type AuditFilter, type StoredAuditRow } from './audit.repository';
import type { Clinic } from '../clinic/clinic';
import { patientNamesOf } from '../patients/patient.repository';
import { staffNamesOf } from '../staff/staff.repository';
import { AUDIT_ACTION_OPTIONS } from '../../shared/audit-actions';
import { ROLE_LABELS, type StaffRole } from '../../shared/roles';

const date = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-27.')
	.refine(isRealDate, 'That date does not exist.')
	.or(z.literal(''))
	.default('');

function isRealDate(day: string): boolean {
	try {
		Temporal.PlainDate.from(day, { overflow: 'reject' });
		return true;
	} catch {
		return false;
	}
}

export const auditFilterInput = z.object({
	user: z.string().trim().max(64).default(''),
	patient: z.string().trim().max(64).default(''),
	action: z.enum(AUDIT_ACTIONS).or(z.literal('')).default(''),
	from: date,
	to: date,
	before: z.coerce.number().int().positive().optional()
});

export const AUDIT_PAGE_SIZE = 100;

/** Clinic-zone dates → the UTC instants that bound them ("to" is inclusive, so up to the next midnight). */
function toFilter(input: z.infer<typeof auditFilterInput>, clinic: Clinic): AuditFilter {
	const zone = clinic.timeZone;
	const startOf = (day: string) => Temporal.PlainDate.from(day).toZonedDateTime(zone).toInstant().toString();
	return {
		clinicId: clinic.id,
		actorId: input.user || undefined,
		patientId: input.patient || undefined,
		action: input.action || undefined,
		from: input.from ? startOf(input.from) : undefined,
		to: input.to ? startOf(Temporal.PlainDate.from(input.to).add({ days: 1 }).toString()) : undefined
	};
}

/** One event as the audit page shows it: names and plain words beside the stored codes. */
export type LabelledAuditRow = StoredAuditRow & {
	who: string;
	roleLabel: string | null;
	actionLabel: string;
	outcomeLabel: string;
	/** What the event was about, in words ("Staff member Alex Chen", "Appointment"). */
	about: string | null;
	patientName: string | null;
	/** Names of the patients a search or calendar view listed (detail.patients). */
	patientsShown: string[];
};

const OUTCOME_LABELS: Record<string, string> = { success: 'Done', failure: 'Failed', denied: 'Refused' };

const ACTION_LABELS = new Map(AUDIT_ACTION_OPTIONS.map((o) => [o.value, o.label]));

const ENTITY_LABELS: Record<string, string> = {
	appointment: 'Appointment',
	article: 'Article',
	calendar: 'Calendar',
	calendar_feed: 'Calendar feed',
	clinic: 'Clinic',
	clinic_closure: 'Clinic closure',
	comment: 'Comment',
	contact_message: 'Contact message',
	location: 'Location',
	patient: 'Patient',
	service: 'Service',
	session: 'Session',
	staff: 'Staff member'
};

function listedPatients(detail: string | null): string[] {
	if (!detail) return [];
	try {
		const parsed = JSON.parse(detail) as { patients?: unknown };
		return Array.isArray(parsed.patients) ? parsed.patients.filter((p): p is string => typeof p === 'string') : [];
	} catch {
		return [];
	}
}

async function labelRows(ctx: Ctx, clinic: Clinic, rows: StoredAuditRow[]): Promise<{ rows: LabelledAuditRow[]; patientIds: string[] }> {
	const patientIds = [...new Set(rows.flatMap((r) => [...(r.patientId ? [r.patientId] : []), ...listedPatients(r.detail)]))];
	const [staffNames, patientNames] = await Promise.all([staffNamesOf(ctx.db, clinic.id), patientNamesOf(ctx.db, clinic.id, patientIds)]);
	const labelled = rows.map((row) => {
		const entityName = row.entityType === 'staff' ? staffNames.get(row.entityId ?? '') : row.entityType === 'patient' ? patientNames.get(row.entityId ?? '') : undefined;
		const entity = row.entityType ? (ENTITY_LABELS[row.entityType] ?? row.entityType.replace(/_/g, ' ')) : null;
		return {
			...row,
			who: row.actorId ? (staffNames.get(row.actorId) ?? 'Former or unknown staff member') : row.actorType === 'system' ? 'The system' : 'Anonymous visitor',
			roleLabel: row.actorRole ? (ROLE_LABELS[row.actorRole as StaffRole] ?? row.actorRole) : null,
			actionLabel: ACTION_LABELS.get(row.action) ?? row.action,
			outcomeLabel: OUTCOME_LABELS[row.outcome] ?? row.outcome,
			about: entity && entityName ? `${entity} ${entityName}` : entity,
			patientName: row.patientId ? (patientNames.get(row.patientId) ?? 'Unknown patient') : null,
			patientsShown: listedPatients(row.detail).map((id) => patientNames.get(id) ?? 'Unknown patient')
		};
	});
	return { rows: labelled, patientIds: patientIds.filter((id) => patientNames.has(id)) };
}

/**
 * A page of the trail with names filled in. Opening it is itself recorded, with the patients whose
 * names it showed.
 */
export async function searchAuditTrail(ctx: Ctx, raw: unknown): Promise<{ rows: LabelledAuditRow[]; nextBefore?: number; timeZone: string }> {
	authorize(ctx.actor, 'audit:read');
	const input = parseInput(auditFilterInput, raw);
	const clinic = await getClinic(ctx);
	const found = await searchAudit(ctx.db, toFilter(input, clinic), AUDIT_PAGE_SIZE + 1, input.before);
	const page = found.slice(0, AUDIT_PAGE_SIZE);
	const { rows, patientIds } = await labelRows(ctx, clinic, page);
	await recordAudit(ctx, {
		action: 'audit.viewed',
		detail: { rows: rows.length, action: input.action || null, user: input.user || null, patient: input.patient || null, from: input.from || null, to: input.to || null, patients: patientIds }
	});
	return { rows, nextBefore: found.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined, timeZone: clinic.timeZone };
}

const CSV_COLUMNS = [
	'id',
	'at',
	'actorType',
	'actorId',
	'actorRole',
	'action',
	'entityType',
	'entityId',
	'patientId',
	'outcome',
	'ip',
	'userAgent',
	'requestId',
	'detail',
	'prevHash',
	'hash'
] as const;

/** A spreadsheet would run a cell that starts with = + - @ as a formula; such cells get a quote first. */
export function csvCell(value: unknown): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every matching event (not just one page) as CSV; the export itself is audited. */
export async function exportAuditCsv(ctx: Ctx, raw: unknown): Promise<string> {
	authorize(ctx.actor, 'audit:read');
	const input = parseInput(auditFilterInput, raw);
	const clinic = await getClinic(ctx);
	const filter = toFilter(input, clinic);
	const lines = [CSV_COLUMNS.join(',')];
	let before: number | undefined;
	let exported = 0;
	for (;;) {
		const rows = await searchAudit(ctx.db, filter, 1000, before);
		for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
		exported += rows.length;
		if (rows.length < 1000) break;
		before = rows.at(-1)!.id;
	}
	await recordAudit(ctx, { action: 'audit.exported', detail: { rows: exported, action: input.action || null } });
	return lines.join('\r\n') + '\r\n';
}
