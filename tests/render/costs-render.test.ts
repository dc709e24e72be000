/**
 * The film sample's Cost Report and its Budget highlights as LibreOffice prints them:
 * the conditional-format rules must really colour the over-budget lines.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STATUS_STYLE } from '../../src/core/layout/cost-report-sheet';
import { calculateFile, regenerateFile } from '../../src/workbook/files';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { workbookToBuffer } from '../../src/workbook/exceljs-host';
import { filmShoot } from '../../scripts/examples';
import { canRender, mask, Picture, renderSheet } from './render';

const describeIf = canRender() ? describe : describe.skip;
if (!canRender() && process.env.CI)
  throw new Error('CI must install libreoffice-calc-nogui and poppler-utils (.ci/run)');

/**
 * Distinct horizontal bands (rows of a sheet) filled with a colour: pixel lines with at least
 * `minPixels` of it (text inside a filled row takes some away, never most), next to each other.
 */
function bands(page: Picture, rgb: string, minPixels: number): number {
  const m = mask(page, rgb, 6);
  let count = 0;
  let previous = false;
  for (let y = 0; y < page.height; y++) {
    let n = 0;
    for (let x = 0; x < page.width; x++) n += m[y * page.width + x];
    const filled = n >= minPixels;
    if (filled && !previous) count++;
    previous = filled;
  }
  return count;
}

describeIf("the film sample's money rendered by LibreOffice", () => {
  let out: string;
  const film = filmShoot();

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-render-costs-'));
    const input = path.join(dir, 'film.xlsx');
    fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(film.doc, { tasksAsTable: true })));
    out = (await regenerateFile(input, { output: path.join(dir, 'film-out.xlsx') })).written!;
    expect(out).toBeTruthy();
  }, 60000);

  test('the Cost Report prints one page wide, landscape, with its amber and red status cells', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-render-cr-'));
    const { pages, pngs } = await renderSheet(out, 'Cost Report', dir, 60);
    if (process.env.PP_KEEP_RENDER)
      fs.copyFileSync(pngs[0], process.env.PP_KEEP_RENDER.replace(/\.png$/, '-cost-report.png'));
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(pages[0].width).toBeGreaterThan(pages[0].height);
    expect(bands(pages[0], STATUS_STYLE.amber.fill, 8)).toBeGreaterThanOrEqual(1);
    expect(bands(pages[0], STATUS_STYLE.red.fill, 8)).toBeGreaterThanOrEqual(1);
  }, 120000);

  test("the Budget sheet's own rows turn amber and red, as many as the cost report has such lines", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-render-bu-'));
    const { pages, pngs } = await renderSheet(out, 'Budget', dir, 60, ['Cost Report'], true);
    if (process.env.PP_KEEP_RENDER)
      fs.copyFileSync(pngs[0], process.env.PP_KEEP_RENDER.replace(/\.png$/, '-budget.png'));
    const all = (rgb: string) => pages.reduce((n, p) => n + bands(p, rgb, 200), 0);
    const { lines } = (await calculateFile(out)).costs!.report;
    expect(lines.length).toBeGreaterThan(70);
    const count = (status: string) => lines.filter((l) => l.status === status).length;
    expect(count('amber')).toBeGreaterThan(0);
    expect(count('red')).toBeGreaterThan(0);
    expect(all(STATUS_STYLE.amber.fill)).toBe(count('amber'));
    expect(all(STATUS_STYLE.red.fill)).toBe(count('red'));
  }, 120000);
});
