import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_OPTIONS } from '../../shared/audit-actions';
import { AUDIT_ACTIONS } from './audit';
import { csvCell } from './audit-query.service';

describe('audit action labels', () => {
	it('label every action the server records, and nothing else', () => {
		expect(AUDIT_ACTION_OPTIONS.map((o) => o.value)).toEqual([...AUDIT_ACTIONS]);
	});
});

describe('csvCell', () => {
	it('quotes separators and defuses spreadsheet formulas', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell(null)).toBe('');
		expect(csvCell(42)).toBe('42');
	});
});
