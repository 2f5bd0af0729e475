import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { getClinic } from '../clinic/clinic.service';
import { parseInput } from '../validation';
import { AUDIT_ACTIONS } from './audit';
import { recordAudit } from './audit.service';
import { searchAudit, type AuditFilter, type StoredAuditRow } from './audit.repository';

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
function toFilter(input: z.infer<typeof auditFilterInput>, zone: string): AuditFilter {
	const startOf = (day: string) => Temporal.PlainDate.from(day).toZonedDateTime(zone).toInstant().toString();
	return {
		actorId: input.user || undefined,
		patientId: input.patient || undefined,
		action: input.action || undefined,
		from: input.from ? startOf(input.from) : undefined,
		to: input.to ? startOf(Temporal.PlainDate.from(input.to).add({ days: 1 }).toString()) : undefined
	};
}

export async function searchAuditTrail(ctx: Ctx, raw: unknown): Promise<{ rows: StoredAuditRow[]; nextBefore?: number; timeZone: string }> {
	authorize(ctx.actor, 'audit:read');
	const input = parseInput(auditFilterInput, raw);
	const clinic = await getClinic(ctx);
	const rows = await searchAudit(ctx.db, toFilter(input, clinic.timeZone), AUDIT_PAGE_SIZE + 1, input.before);
	const page = rows.slice(0, AUDIT_PAGE_SIZE);
	return { rows: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)?.id : undefined, timeZone: clinic.timeZone };
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
	const filter = toFilter(input, clinic.timeZone);
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
