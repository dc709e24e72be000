import * as fs from 'fs';
import * as path from 'path';
import { workbookFromJsonPlan } from '../src/workbook/from-json';
import { workbookToBuffer } from '../src/workbook/exceljs-host';
import { writeFileSafely } from '../src/workbook/safe-write';
import { verifyWrittenWorkbook } from '../src/workbook/xlsx/verify-written';
import { EXAMPLES, ExamplePlan } from './examples';

/** Writes examples/<name>.xlsx and examples/<name>.json for every sample plan; returns the .xlsx paths. */
export async function makeExamples(root: string): Promise<{ example: ExamplePlan; xlsx: string }[]> {
  const dir = path.join(root, 'examples');
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const make of EXAMPLES) {
    const example = make();
    const wb = workbookFromJsonPlan(example.doc, { tasksAsTable: example.tasksAsTable });
    const xlsx = path.join(dir, `${example.file}.xlsx`);
    await writeFileSafely(xlsx, await workbookToBuffer(wb, { fixedDate: new Date(Date.UTC(2027, 0, 1)) }), {
      verify: verifyWrittenWorkbook,
    });
    fs.writeFileSync(path.join(dir, `${example.file}.json`), JSON.stringify(example.doc, null, 2) + '\n');
    out.push({ example, xlsx });
  }
  return out;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  makeExamples(root).then((made) => {
    for (const m of made) console.log(`wrote ${path.relative(root, m.xlsx)} and its .json form`);
  });
}
