/**
 * In-process benchmark of the signed-consent PDF (the patient's copy): the longest shipped
 * document (dry needling, with the "not acupuncture" statement), a guardian signature, rendered
 * by pdfkit to a Buffer. Target: p95 ≤ 150 ms on a 2-core machine, so the job worker's email
 * stays far below its lease.
 *
 *   npx tsx bench/consent-pdf.bench.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { consentHash } from '../src/lib/server/consent/consent-document';
import { renderConsentPdf, type ConsentCopy } from '../src/lib/server/consent/consent-pdf';
import { DEFAULT_DOCUMENTS, DRY_NEEDLING_NOT_ACUPUNCTURE } from '../src/lib/server/consent/default-documents';

const WARMUP_RUNS = 20;
const TIMED_RUNS = 200;

const document = { ...DEFAULT_DOCUMENTS.dry_needling, notice: DRY_NEEDLING_NOT_ACUPUNCTURE };
const copy: ConsentCopy = {
	clinic: { name: 'Boston Spine', phone: '(617) 555-0100', email: 'hello@boston-spine.example', address: '1 Beacon St, Boston, MA 02108', timeZone: 'America/New_York' },
	patient: { name: 'Theo Marsh', dateOfBirth: '2010-06-01' },
	document: { ...document, version: 3, hash: consentHash(document), publishedAt: new Date('2026-11-20T14:00:00Z') },
	signature: {
		id: '6f1d2c1e-7a43-4b7e-9d52-0c1c5e0f9a11',
		signerName: 'Helen Marsh',
		signerRole: 'guardian',
		guardianRelationship: 'parent',
		signedOn: '2026-12-02',
		signedAt: new Date('2026-12-02T15:04:05Z'),
		via: 'staff',
		witnessName: 'Jordan Lee',
		ip: '203.0.113.7'
	}
};

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let bytes = 0;
for (let i = 0; i < WARMUP_RUNS; i++) bytes = (await renderConsentPdf(copy)).length;
const times: number[] = [];
for (let i = 0; i < TIMED_RUNS; i++) {
	const started = performance.now();
	await renderConsentPdf(copy);
	times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const f = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`consent PDF (dry needling, ${bytes} bytes), ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up`);
console.log(`  median ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  p99 ${f(percentile(times, 99))}  max ${f(times.at(-1)!)}`);
console.log(`  node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg()[0]!.toFixed(2)}`);
