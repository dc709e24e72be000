/**
 * The film-shoot Gantt as LibreOffice prints it: regenerated, converted to PDF (headless
 * LibreOffice), rasterised (pdftoppm), then checked on the picture.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GANTT_COLORS } from '../../src/core/layout/gantt';
import { regenerateFile } from '../../src/workbook/files';
import { workbookFromJsonPlan } from '../../src/workbook/from-json';
import { workbookToBuffer } from '../../src/workbook/exceljs-host';
import { filmShoot } from '../../scripts/examples';
import { canRender, mask, renderSheet, runs, verticalLines } from './render';

const describeIf = canRender() ? describe : describe.skip;
if (!canRender() && process.env.CI)
  throw new Error('CI must install libreoffice-calc-nogui and poppler-utils (.ci/run)');

describeIf('the film-shoot Gantt rendered by LibreOffice', () => {
  let page: Awaited<ReturnType<typeof renderSheet>>['pages'][number];
  let pageCount = 0;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-render-'));
    const input = path.join(dir, 'film.xlsx');
    fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(filmShoot().doc, { tasksAsTable: true })));
    const res = await regenerateFile(input, { output: path.join(dir, 'film-out.xlsx') });
    expect(res.written).not.toBeNull();
    const rendered = await renderSheet(res.written!, 'Gantt', path.join(dir, 'render'));
    pageCount = rendered.pages.length;
    page = rendered.pages[0];
    if (process.env.PP_KEEP_RENDER) fs.copyFileSync(rendered.pngs[0], process.env.PP_KEEP_RENDER);
  }, 180000);

  test('prints on a handful of landscape pages, not hundreds', () => {
    expect(pageCount).toBeGreaterThan(1);
    expect(pageCount).toBeLessThan(20);
    expect(page.width).toBeGreaterThan(page.height);
  });

  test('the bar colours are all there: tasks, critical, done, summary, non-working days', () => {
    for (const color of [
      GANTT_COLORS.task,
      GANTT_COLORS.critical,
      GANTT_COLORS.taskDone,
      GANTT_COLORS.summary,
      GANTT_COLORS.nonWorking,
    ]) {
      expect(runs(page, mask(page, color), 8).length).toBeGreaterThan(3);
    }
  });

  test('the status line stands right of the completed work, with critical work to its right', () => {
    // The status line: a tall vertical red line across the task rows.
    const lines = verticalLines(page, mask(page, GANTT_COLORS.statusLine, 40), page.height * 0.3);
    expect(lines.length).toBeGreaterThan(0);
    const statusX = lines[0];
    const done = runs(page, mask(page, GANTT_COLORS.taskDone), 8).filter((r) => r.x0 > page.width * 0.5);
    expect(done.length).toBeGreaterThan(0);
    for (const r of done) expect(r.x0).toBeLessThan(statusX); // work is done before the status date
    const critical = runs(page, mask(page, GANTT_COLORS.critical), 8).filter((r) => r.x0 > page.width * 0.5);
    expect(critical.some((r) => r.x1 > statusX)).toBe(true);
  });

  test('non-working days come back every seven days: weekends shaded at a steady pitch', () => {
    const grey = verticalLines(page, mask(page, GANTT_COLORS.nonWorking, 6), page.height * 0.3);
    // Group adjacent x into bands and take each band's right edge (a Sunday's): the edges are a
    // week apart (a band may hold a holiday too, which only widens it to the left or right by a day).
    const ends: number[] = [];
    grey.forEach((x, k) => {
      if (k + 1 === grey.length || grey[k + 1] > x + 1) ends.push(x);
    });
    expect(ends.length).toBeGreaterThanOrEqual(3);
    const pitches = ends.slice(1).map((x, k) => x - ends[k]);
    const sorted = [...pitches].sort((a, b) => a - b);
    const week = sorted[Math.floor(sorted.length / 2)];
    expect(week).toBeGreaterThan(20);
    expect(pitches.filter((p) => Math.abs(p - week) <= 3).length).toBeGreaterThanOrEqual(pitches.length - 1);
  });

  test('bars stand in task rows: the done bars of script lock and approval run one below the other, left to right', () => {
    const done = runs(page, mask(page, GANTT_COLORS.taskDone), 8).filter((r) => r.x0 > page.width * 0.5);
    const firstRow = Math.min(...done.map((r) => r.y));
    const first = done.filter((r) => r.y === firstRow)[0];
    const below = done.filter((r) => r.y > firstRow + 4).sort((a, b) => a.y - b.y)[0];
    expect(below).toBeDefined();
    expect(below.x0).toBeGreaterThan(first.x1 - 2); // PRE-2 starts where PRE-1 ends
  });
});
