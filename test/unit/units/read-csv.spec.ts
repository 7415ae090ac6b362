// The quote-free fast reader must read every file it takes exactly as the general CSV parser does.
import { describe, expect, it } from 'vitest';
import { parseCsvRecords, readCsv, readPlainCsv } from '../../../electron/main/units-import/read-table';

const samples: Record<string, string> = {
  'LF with a final line break': '名称,类型,区\n甲,企业,江岸区\n乙,社区,汉阳\n',
  'CRLF without a final line break': '名称,类型,区\r\n甲,企业,江岸区\r\n乙,社区,汉阳',
  'blank lines and short rows': 'name,kind,district\n\n甲,enterprise\n\n乙,community,420105,extra\n',
  'cells with spaces around them': 'name , kind\n  甲 ,  enterprise \n',
  'semicolons': 'name;kind;district\n甲;enterprise;420102\n',
  'one line only': 'name,kind,district',
};

describe('the quote-free CSV reader', () => {
  for (const [name, text] of Object.entries(samples)) {
    it(`reads ${name} as csv-parse does`, () => {
      const delimiter = name === 'semicolons' ? ';' : ',';
      expect(readPlainCsv(text, delimiter)).toEqual(parseCsvRecords(text, delimiter));
    });
  }

  it('leaves a file with quotes to the general parser, so a quoted comma stays in its cell', () => {
    const table = readCsv(Buffer.from('name,kind,district,address\n甲,enterprise,420102,"中山大道1号,2楼"\n'));
    expect(table.rows).toEqual([{ line: 2, cells: ['甲', 'enterprise', '420102', '中山大道1号,2楼'] }]);
  });

  it('leaves a file with old Mac line ends (CR only) to the general parser', () => {
    const table = readCsv(Buffer.from('name,kind,district\r甲,enterprise,420102\r'));
    expect(table.rows.map((row) => row.cells)).toEqual([['甲', 'enterprise', '420102']]);
  });
});
