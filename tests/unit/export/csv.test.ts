import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, type CsvColumn } from '../../../electron/export/csv/csv';

interface Row {
  muscle: string;
  units: number;
  note: string | null;
  signedAt?: Date;
}
const columns: CsvColumn<Row>[] = [
  { header: 'muscle', value: (r) => r.muscle },
  { header: 'units', value: (r) => r.units },
  { header: 'note', value: (r) => r.note },
  { header: 'signed_at', value: (r) => r.signedAt },
];

describe('toCsv', () => {
  it('writes a header row, CRLF line ends and a byte order mark', () => {
    const csv = toCsv(columns, [{ muscle: 'Frontalis', units: 5, note: null }]);
    expect(csv).toBe('\uFEFFmuscle,units,note,signed_at\r\nFrontalis,5,,\r\n');
  });

  it('writes only the header when there are no rows, and no BOM when asked', () => {
    expect(toCsv(columns, [], { bom: false })).toBe('muscle,units,note,signed_at\r\n');
  });

  it('writes a later part of a file without the header and the byte order mark when asked', () => {
    expect(toCsv(columns, [{ muscle: 'Soleus', units: 75, note: null }], { header: false, bom: false })).toBe('Soleus,75,,\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = toCsv(columns, [{ muscle: 'Trapezius, upper', units: 2.5, note: 'said "ouch"\nthen fine' }], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('"Trapezius, upper",2.5,"said ""ouch""\nthen fine",');
  });

  it('keeps numbers as numbers, negative ones included', () => {
    const csv = toCsv([{ header: 'delta', value: (r: { d: number }) => r.d }], [{ d: -12.5 }], { bom: false });
    expect(csv).toBe('delta\r\n-12.5\r\n');
  });

  it('writes dates as ISO 8601', () => {
    const csv = toCsv(columns, [{ muscle: 'x', units: 1, note: '', signedAt: new Date('2026-03-04T05:06:07.000Z') }], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('x,1,,2026-03-04T05:06:07.000Z');
  });

  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x","y")'])(
    'neutralises a free-text cell starting a formula: %j',
    (text) => {
      const csv = toCsv(columns, [{ muscle: 'x', units: 1, note: text }], { bom: false });
      const line = csv.slice(csv.indexOf('\r\n') + 2);
      expect(line.startsWith(`x,1,`)).toBe(true);
      expect(line).toContain(`'${text.replaceAll('"', '""')}`);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Frontalis - medial')).toBe('Frontalis - medial');
    expect(neutraliseFormula("O'Brien")).toBe("O'Brien");
  });

  it('refuses a number that is not finite, naming row and column', () => {
    expect(() => toCsv(columns, [{ muscle: 'x', units: Number.NaN, note: null }])).toThrow(/row 1, column "units"/);
  });

  it('refuses an invalid date and duplicate headers', () => {
    expect(() => toCsv(columns, [{ muscle: 'x', units: 1, note: null, signedAt: new Date('nope') }])).toThrow(/invalid date/);
    expect(() => toCsv([columns[0]!, columns[0]!], [])).toThrow(/duplicate column headers/);
  });
});
