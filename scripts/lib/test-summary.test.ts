import { describe, expect, it } from 'vitest';
import { summarize } from './test-summary.mjs';

type Status = 'passed' | 'failed' | 'pending';

/** A vitest JSON report of the given tests ([file, full name, status]). */
function report(tests: Array<[string, string, Status]>) {
	const files = new Map<string, Array<{ fullName: string; status: string }>>();
	for (const [file, fullName, status] of tests) files.set(file, [...(files.get(file) ?? []), { fullName, status }]);
	const count = (s: Status) => tests.filter((t) => t[2] === s).length;
	return {
		numPassedTests: count('passed'),
		numFailedTests: count('failed'),
		numPendingTests: count('pending'),
		numTodoTests: 0,
		testResults: [...files].map(([name, assertionResults]) => ({ name: `/repo/${name}`, assertionResults }))
	};
}

const unit: Array<[string, string, Status]> = [
	['src/a.test.ts', 'a works', 'passed'],
	['src/a.test.ts', 'a works again', 'passed'],
	// describeEachEngine-style: the same title twice in one file is two tests.
	['src/b.db.test.ts', 'b keeps rows', 'passed'],
	['src/b.db.test.ts', 'b keeps rows', 'passed']
];
const e2e: Array<[string, string, Status]> = [['tests/e2e/x.e2e.ts', 'x serves pages', 'passed']];

function threeZonesAndE2e(unitTests = unit, e2eTests = e2e, code = 0) {
	return [
		...['UTC', 'America/New_York', 'Asia/Kolkata'].map((tz) => ({ label: `unit+db TZ=${tz}`, suite: 'unit+DB', code, report: report(unitTests) })),
		{ label: 'e2e', suite: 'e2e', code: 0, report: report(e2eTests) }
	];
}

describe('the closing count of npm test', () => {
	it('names distinct tests apart from runs, and ends with "N passed, N failed" counting runs', () => {
		const summary = summarize(threeZonesAndE2e(), { requireAll: true, root: '/repo' });
		expect(summary.distinct).toEqual(new Map([['unit+DB', 4], ['e2e', 1]]));
		expect(summary.runs).toBe(13);
		expect(summary.lines.at(-3)).toBe('Distinct tests: 5 (unit+DB 4, e2e 1); runs: 13 (unit+DB × 3 time zones + e2e).');
		expect(summary.lines.at(-1)).toBe('13 passed, 0 failed');
		expect(summary.lines.at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
	});

	it('counts a test that ran in only one time zone once', () => {
		const runs = threeZonesAndE2e();
		runs[1]!.report = report([...unit, ['src/c.test.ts', 'only in New York', 'passed']]);
		expect(summarize(runs, { requireAll: true, root: '/repo' }).distinct.get('unit+DB')).toBe(5);
	});

	it('still fails the total on a failed test, a crashed run, a missing report or (in CI) a skipped test', () => {
		const failing = summarize(threeZonesAndE2e([...unit.slice(1), ['src/a.test.ts', 'a works', 'failed']]), { requireAll: false });
		expect(failing.lines.at(-1)).toBe('10 passed, 3 failed');

		const crashed = summarize(threeZonesAndE2e(unit, e2e, 1), { requireAll: false });
		expect(crashed.broken).toBe(true);
		expect(crashed.lines.at(-1)).toBe('13 passed, 3 failed');

		const missing = summarize([{ label: 'build', suite: 'build', code: 1, report: undefined }], { requireAll: false });
		expect(missing.lines.at(-1)).toBe('0 passed, 1 failed');

		const skipped = threeZonesAndE2e(unit, [['tests/e2e/x.e2e.ts', 'x serves pages', 'pending']]);
		expect(summarize(skipped, { requireAll: true }).lines.at(-1)).toBe('12 passed, 1 failed');
		const local = summarize(skipped, { requireAll: false });
		expect(local.lines.at(-1)).toBe('12 passed, 0 failed');
		expect(local.lines.at(-3)).toContain('1 of them skipped');
	});
});
