import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

/** Whether LibreOffice and poppler are installed (CI installs them; see .ci/run). */
export function canRender(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Picture {
  width: number;
  height: number;
  /** RGB bytes, row by row. */
  data: Buffer;
}

/** Parses a binary PPM (P6), what pdftoppm writes without -png. */
export function readPpm(file: string): Picture {
  const buf = fs.readFileSync(file);
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    } // comment
    let token = '';
    while (!/\s/.test(String.fromCharCode(buf[i]))) token += String.fromCharCode(buf[i++]);
    fields.push(token);
  }
  i++; // the single whitespace after maxval
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`not an 8-bit P6 PPM: ${fields.join(' ')}`);
  return { width: Number(fields[1]), height: Number(fields[2]), data: buf.subarray(i) };
}

/**
 * Renders one sheet of a workbook to pictures, as a person opening it in LibreOffice would
 * print it: a copy holding only that sheet, converted to PDF, each page rasterised. Sheets in
 * `alsoHidden` stay in the copy, hidden (not printed): the sheets its formulas look at.
 */
export async function renderSheet(
  workbook: string,
  sheet: string,
  outDir: string,
  dpi = 60,
  alsoHidden: string[] = [],
  fitToWidth = false,
): Promise<{ pages: Picture[]; pngs: string[] }> {
  fs.mkdirSync(outDir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  for (const ws of [...wb.worksheets]) {
    if (alsoHidden.includes(ws.name)) ws.state = 'hidden';
    else if (ws.name !== sheet) wb.removeWorksheet(ws.id);
    else if (fitToWidth)
      Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape' });
  }
  const single = path.join(outDir, 'sheet.xlsx');
  await wb.xlsx.writeFile(single);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, single], {
    stdio: 'ignore',
    timeout: 120000,
  });
  const pdf = path.join(outDir, 'sheet.pdf');
  execFileSync('pdftoppm', ['-r', String(dpi), pdf, path.join(outDir, 'page')]);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, path.join(outDir, 'page')]);
  const files = fs.readdirSync(outDir).sort();
  return {
    pages: files.filter((f) => f.endsWith('.ppm')).map((f) => readPpm(path.join(outDir, f))),
    pngs: files.filter((f) => f.endsWith('.png')).map((f) => path.join(outDir, f)),
  };
}

/** Pixels within `tolerance` of an RRGGBB colour, as a mask. */
export function mask(p: Picture, rgb: string, tolerance = 24): Uint8Array {
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  const m = new Uint8Array(p.width * p.height);
  for (let k = 0; k < m.length; k++) {
    const o = 3 * k;
    if (
      Math.abs(p.data[o] - r) <= tolerance &&
      Math.abs(p.data[o + 1] - g) <= tolerance &&
      Math.abs(p.data[o + 2] - b) <= tolerance
    )
      m[k] = 1;
  }
  return m;
}

/** Horizontal runs of a mask (bars), as { y, x0, x1 } for runs at least `minLength` long. */
export function runs(p: Picture, m: Uint8Array, minLength = 4): { y: number; x0: number; x1: number }[] {
  const out = [];
  for (let y = 0; y < p.height; y++) {
    let x = 0;
    while (x < p.width) {
      if (m[y * p.width + x]) {
        const x0 = x;
        while (x < p.width && m[y * p.width + x]) x++;
        if (x - x0 >= minLength) out.push({ y, x0, x1: x - 1 });
      } else x++;
    }
  }
  return out;
}

/** Columns of a mask that are set over at least `minHeight` pixels in a row (vertical lines). */
export function verticalLines(p: Picture, m: Uint8Array, minHeight: number): number[] {
  const xs: number[] = [];
  for (let x = 0; x < p.width; x++) {
    let run = 0;
    let best = 0;
    for (let y = 0; y < p.height; y++) {
      run = m[y * p.width + x] ? run + 1 : 0;
      if (run > best) best = run;
    }
    if (best >= minHeight) xs.push(x);
  }
  return xs;
}
