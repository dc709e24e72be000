/** Locations: one formatter for every place an issue can be, and the A1 parsing of Excel's own addresses. */
import fc from 'fast-check';
import {
  a1,
  cellLocation,
  columnIndex,
  columnLetters,
  fileLocation,
  formatLocation,
  isWorkbookPlace,
  parseA1,
  pathLocation,
  quoteSheetName,
  rowLocation,
  sheetLocation,
  sheetOfAddress,
} from '../../src/core/location';

describe('formatLocation', () => {
  test('cells, rows and sheets as Excel writes them, quoting sheet names that need it', () => {
    expect(formatLocation(cellLocation('Tasks', 6, 3))).toBe('Tasks!D7');
    expect(formatLocation(cellLocation('Cost Report', 2, 0))).toBe("'Cost Report'!A3");
    expect(formatLocation(cellLocation("It's", 0, 27))).toBe("'It''s'!AB1");
    expect(formatLocation(rowLocation('Tasks', 6))).toBe('Tasks!7:7');
    expect(formatLocation(sheetLocation('Tasks'))).toBe('Tasks');
    expect(formatLocation(sheetLocation('Plan Issues'))).toBe("'Plan Issues'");
  });

  test('places in a JSON plan as paths, the document itself as (document)', () => {
    expect(formatLocation(pathLocation('tasks', 5, 'Duration'))).toBe('tasks[5].Duration');
    expect(formatLocation(pathLocation('tasks', 1, 'Actual Start'))).toBe('tasks[1]["Actual Start"]');
    expect(formatLocation(pathLocation('settings', 'Project Start'))).toBe('settings["Project Start"]');
    expect(formatLocation(pathLocation('tasks', 0))).toBe('tasks[0]');
    expect(formatLocation(pathLocation())).toBe('(document)');
    expect(formatLocation(fileLocation('plan.xlsx'))).toBe('plan.xlsx');
  });

  test('only cells and rows are places a link or a selection can go to', () => {
    expect(isWorkbookPlace(cellLocation('Tasks', 0, 0))).toBe(true);
    expect(isWorkbookPlace(rowLocation('Tasks', 0))).toBe(true);
    expect(isWorkbookPlace(sheetLocation('Tasks'))).toBe(false);
    expect(isWorkbookPlace(pathLocation('tasks', 0))).toBe(false);
    expect(isWorkbookPlace(fileLocation('a.xlsx'))).toBe(false);
  });
});

describe('A1 references', () => {
  test("column letters and indices are inverse, to XFD (Excel's last column)", () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(16383)).toBe('XFD');
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
  });

  test('parseA1 reads what Excel hands back, and what formatLocation writes', () => {
    expect(parseA1('Tasks!B3:H40')).toEqual({ sheet: 'Tasks', row: 2, column: 1 });
    expect(parseA1("'Cost Report'!$A$3")).toEqual({ sheet: 'Cost Report', row: 2, column: 0 });
    expect(parseA1("'It''s'!C4")).toEqual({ sheet: "It's", row: 3, column: 2 });
    expect(parseA1('D7')).toEqual({ sheet: null, row: 6, column: 3 });
    expect(parseA1('Tasks!7:7')).toBeNull();
    expect(parseA1('Tasks')).toBeNull();
    const sheetName = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(sheetName, fc.nat(1_048_575), fc.nat(16383), (sheet, row, column) => {
        const text = formatLocation(cellLocation(sheet, row, column));
        expect(parseA1(text)).toEqual({ sheet, row, column });
      }),
    );
  });

  test('quoteSheetName leaves plain names bare', () => {
    expect(quoteSheetName('Tasks')).toBe('Tasks');
    expect(quoteSheetName('Sheet_2.b')).toBe('Sheet_2.b');
    expect(quoteSheetName('2027')).toBe("'2027'");
    expect(a1(0, 0)).toBe('A1');
  });
});

describe('sheetOfAddress', () => {
  test('the sheet of any address Excel hands back: a cell, a range, whole rows or columns', () => {
    expect(sheetOfAddress('Tasks!5:5')).toBe('Tasks');
    expect(sheetOfAddress("'It''s'!A:A")).toBe("It's");
    expect(sheetOfAddress("'Shot List'!B3:H40")).toBe('Shot List');
    expect(sheetOfAddress('D7')).toBeNull();
  });
});
