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
  let auto: Awaited<ReturnType<typeof renderSheet>>['pages'];

  /** The film sample regenerated with `settings` over its own, its Gantt rendered at `dpi`. */
  async function render(name: string, settings: Record<string, string>, dpi: number) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pp-render-${name}-`));
    const input = path.join(dir, 'film.xlsx');
    const doc = filmShoot().doc;
    const withSettings = { ...doc, settings: { ...(doc.settings as object), ...settings } };
    fs.writeFileSync(input, await workbookToBuffer(workbookFromJsonPlan(withSettings, { tasksAsTable: true })));
    const res = await regenerateFile(input, { output: path.join(dir, 'film-out.xlsx') });
    expect(res.written).not.toBeNull();
    const rendered = await renderSheet(res.written!, 'Gantt', path.join(dir, 'render'), dpi);
    if (process.env.PP_KEEP_RENDER) fs.copyFileSync(rendered.pngs[0], `${process.env.PP_KEEP_RENDER}-${name}.png`);
    return rendered.pages;
  }

  /**
   * Where the task rows start: below the table's header row, which is as dark a blue as done work
   * (as is the legend's Done above it): the widest run of that colour is that header.
   */
  let rowsY = 0;

  beforeAll(async () => {
    auto = await render('auto', {}, 60);
    // A day per column over six months, one page wide: fine print, looked at closely.
    page = (await render('day', { 'Gantt Scale': 'day' }, 300))[0];
    const dark = runs(page, mask(page, GANTT_COLORS.taskDone), 8);
    const widest = Math.max(...dark.map((r) => r.x1 - r.x0));
    rowsY = Math.max(...dark.filter((r) => r.x1 - r.x0 > widest * 0.8).map((r) => r.y)) + 1;
  }, 180000);

  test('the sample prints on one landscape page, one page wide, its scale chosen to fit', () => {
    expect(auto).toHaveLength(1);
    expect(auto[0].width).toBeGreaterThan(auto[0].height);
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
    const lines = verticalLines(page, mask(page, GANTT_COLORS.statusLine, 40), page.height * 0.08);
    expect(lines.length).toBeGreaterThan(0);
    const statusX = lines[0];
    const done = runs(page, mask(page, GANTT_COLORS.taskDone), 8).filter((r) => r.y > rowsY);
    expect(done.length).toBeGreaterThan(0);
    for (const r of done) expect(r.x0).toBeLessThan(statusX); // work is done before the status date
    const critical = runs(page, mask(page, GANTT_COLORS.critical), 8).filter((r) => r.y > rowsY);
    expect(critical.some((r) => r.x1 > statusX)).toBe(true);
  });

  test('non-working days come back every seven days: weekends shaded at a steady pitch', () => {
    const grey = verticalLines(page, mask(page, GANTT_COLORS.nonWorking, 6), page.height * 0.08);
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
    expect(week).toBeGreaterThan(20); // pixels: seven day columns at 300 dpi
    // Columns land on whole pixels, and a holiday widens a band: most pitches are a week, give or take a pixel or two.
    // (A bar over a weekend hides its band: then the next band is two or more weeks on.)
    const offWeek = (p: number) => Math.abs(p - Math.round(p / week) * week);
    // A holiday next to a weekend (Easter Monday, Memorial Day) moves its band's edge by a day.
    const day = week / 7;
    expect(pitches.every((p) => offWeek(p) <= day + 3)).toBe(true);
    expect(pitches.filter((p) => offWeek(p) <= 3).length).toBeGreaterThanOrEqual(pitches.length * 0.7);
  });

  test('bars stand in task rows: the done bars of script lock and approval run one below the other, left to right', () => {
    const done = runs(page, mask(page, GANTT_COLORS.taskDone), 8).filter((r) => r.y > rowsY);
    const firstRow = Math.min(...done.map((r) => r.y));
    const first = done.filter((r) => r.y === firstRow)[0];
    // The first bar's last pixel row: its rows of pixels run on without a gap.
    let barEnd = firstRow;
    while (done.some((r) => r.y === barEnd + 1)) barEnd++;
    const below = done.filter((r) => r.y > barEnd + 1).sort((a, b) => a.y - b.y)[0];
    expect(below).toBeDefined();
    expect(below.x0).toBeGreaterThan(first.x1 - 2); // PRE-2 starts where PRE-1 ends
  });
});
