// The closing count of `npm test` (scripts/test.mjs). The unit and database suite runs once per
// time zone, so adding up its runs counts each test three times: the summary names the distinct
// tests (by file and full name) apart from the runs, and keeps the last line "N passed, N failed"
// (runs), which CI reads.

/**
 * @typedef {{ fullName: string; status: string }} AssertionResult
 * @typedef {{ name: string; assertionResults: AssertionResult[] }} FileResult
 * @typedef {{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: FileResult[] }} VitestReport
 * @typedef {{ label: string; suite: string; code: number; report: VitestReport | undefined }} SuiteRun
 * @typedef {{ passed: number; failed: number; skipped: number; broken: boolean; distinct: Map<string, number>; runs: number; lines: string[] }} Summary
 */

/**
 * Test identity across runs: the file (relative to the project) and the full name.
 * @param {string} file
 * @param {string} fullName
 * @param {string | undefined} root
 */
function testKey(file, fullName, root) {
	const relative = root && file.startsWith(root) ? file.slice(root.length).replace(/^[/\\]/, '') : file;
	return `${relative}\u0000${fullName}`;
}

/**
 * Adds up the runs. `suite` groups runs of the same tests (the unit runs under three time zones
 * share one suite); a test counts once per suite however many runs it was in (tests with the same
 * name in one file count as often as they appear in one run).
 * @param {SuiteRun[]} runs
 * @param {{ requireAll: boolean; root?: string }} options
 * @returns {Summary}
 */
export function summarize(runs, options) {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	let broken = false;
	/** @type {string[]} */
	const lines = [];
	/** @type {Map<string, Map<string, number>>} suite -> test key -> most copies seen in one run */
	const bySuite = new Map();
	let counted = 0;
	for (const { label, suite, code, report } of runs) {
		if (!report) {
			broken = true;
			failed += 1;
			lines.push(`${label}: no report (exit ${code})`);
			continue;
		}
		const skippedHere = report.numPendingTests + report.numTodoTests;
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += skippedHere;
		counted += report.numPassedTests + report.numFailedTests + skippedHere;
		// A crashed file or a failing hook shows only in the exit code.
		if (code !== 0 && report.numFailedTests === 0) {
			broken = true;
			failed += 1;
		}
		lines.push(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skippedHere} skipped (exit ${code})`);
		const tests = bySuite.get(suite) ?? new Map();
		bySuite.set(suite, tests);
		/** @type {Map<string, number>} */
		const inThisRun = new Map();
		for (const file of report.testResults) {
			for (const test of file.assertionResults) {
				const key = testKey(file.name, test.fullName, options.root);
				inThisRun.set(key, (inThisRun.get(key) ?? 0) + 1);
			}
		}
		for (const [key, copies] of inThisRun) tests.set(key, Math.max(tests.get(key) ?? 0, copies));
	}
	/** @type {Map<string, number>} */
	const distinct = new Map();
	for (const [suite, tests] of bySuite) distinct.set(suite, [...tests.values()].reduce((a, b) => a + b, 0));
	if (options.requireAll && skipped > 0) {
		lines.push('', `*** ${skipped} skipped tests: every part of the suite must run here. ***`);
		failed += skipped;
	}
	const total = [...distinct.values()].reduce((a, b) => a + b, 0);
	const parts = [...distinct].map(([suite, count]) => `${suite} ${count}`).join(', ');
	const shape = runs
		.filter((r) => r.report)
		.reduce((/** @type {Map<string, number>} */ m, r) => m.set(r.suite, (m.get(r.suite) ?? 0) + 1), new Map());
	const how = [...shape].map(([suite, times]) => (times > 1 ? `${suite} × ${times} time zones` : suite)).join(' + ');
	lines.push(
		'',
		`Distinct tests: ${total} (${parts}); runs: ${counted} (${how})${skipped > 0 ? `, ${skipped} of them skipped` : ''}.`,
		'The line below counts runs: a test run under three time zones counts three times.',
		`${passed} passed, ${failed} failed`
	);
	return { passed, failed, skipped, broken, distinct, runs: counted, lines };
}
