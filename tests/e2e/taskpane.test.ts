/**
 * The built task pane in headless Chromium (Debian's, driven by playwright-core): the production
 * build of the add-in is served from a local folder, the office.js request is answered with a
 * stand-in whose Excel.run is the simulated host, and a click on Regenerate runs the whole flow.
 * Takes a screenshot (PP_SCREENSHOT=docs/taskpane.png to keep it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, Browser, Page } from 'playwright-core';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const describeIf = fs.existsSync(CHROMIUM) ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM) && process.env.CI) throw new Error('CI must install Debian chromium (.ci/run)');

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-e2e-'));
let server: http.Server;
let base = '';
let browser: Browser;
let stub = '';

function buildStub(): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        entry: path.join(__dirname, 'office-stub.ts'),
        output: { path: out, filename: 'office-stub.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              use: {
                loader: 'ts-loader',
                options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json') },
              },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString('errors-only')));
        else resolve(fs.readFileSync(path.join(out, 'office-stub.js'), 'utf8'));
      },
    );
  });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) return;
  const build = spawnSync(
    process.execPath,
    [require.resolve('webpack/bin/webpack.js'), '--mode', 'production', '--output-path', path.join(out, 'dist')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`the add-in build failed:\n${build.stdout}\n${build.stderr}`);
  stub = await buildStub();
  server = http.createServer((req, res) => {
    const file = path.join(out, 'dist', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(path.join(out, 'dist')) || !fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader(
      'Content-Type',
      file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
    );
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** Opens the pane; every request off this machine but office.js (answered with the stub) is refused and recorded. */
async function openPane(plan: string): Promise<{ page: Page; offMachine: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 380, height: 620 } });
  const offMachine: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (url.startsWith(base)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  await page.goto(`${base}/taskpane.html?plan=${plan}`);
  await page.getByRole('button', { name: 'Regenerate' }).waitFor();
  return { page, offMachine, errors };
}

describeIf('the built task pane in Chromium', () => {
  test('Regenerate runs the whole flow against the simulated host and shows the result', async () => {
    const { page, offMachine, errors } = await openPane('film');
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result
      .getByText(/^Wrote Schedule, Gantt, Resource Usage, Cost Report, Earned Value, Plan Issues in/)
      .waitFor({ timeout: 60_000 });
    await expect(result.innerText()).resolves.toMatch(/Finish\s+Wed 2027-08-25 12:00/);
    await expect(result.innerText()).resolves.toMatch(/Critical\s+19 tasks: PRE-3, PRE-5, PRE-6/);
    // The camera package and the editor, each a link to the Resources cell of its first task.
    await expect(result.innerText()).resolves.toMatch(
      /Over-allocated\s+2 stretches: Camera Package, Mon 10 May 2027 13:00; Editor, Thu 3 Jun 2027 13:00/,
    );
    await result.getByRole('button', { name: 'Camera Package, Mon 10 May 2027 13:00' }).click();
    type Selected = { __excel: { book: { selection: { sheet: string; address: string } } } };
    await page.waitForFunction(() => (window as unknown as Selected).__excel.book.selection.address === 'G23');
    await expect(result.innerText()).resolves.toMatch(/Budget\s+green\s+EFC 7,137,350 of 7,061,850 USD/);
    await expect(result.innerText()).resolves.toMatch(/CPI 0\.95 · SPI 0\.74 · 66% of the budget outside earned value/);
    // The simulated workbook now has the generated sheets, written in three round-trips.
    const sheets = await page.evaluate(
      () =>
        (window as unknown as { __excel: { book: { sheets: { name: string }[] }; runs: { syncs: number }[] } }).__excel,
    );
    expect(sheets.book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Schedule', 'Gantt', 'Cost Report', 'Earned Value', 'Plan Issues']),
    );
    expect(sheets.runs[0].syncs).toBe(3);
    await page.screenshot({ path: process.env.PP_SCREENSHOT ?? path.join(out, 'taskpane.png'), fullPage: true });
    expect(offMachine).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  test('an issue is a link to its cell; a task name is shown as text, never as HTML', async () => {
    const { page, errors } = await openPane('factory');
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const issues = page.getByRole('region', { name: 'Issues' });
    await issues.waitFor({ timeout: 60_000 });
    const link = issues.getByRole('button', { name: 'Tasks!N36' });
    await link.click();
    type W = { __excel: { book: { selection: { sheet: string; address: string }; active: string } } };
    await page.waitForFunction(() => (window as unknown as W).__excel.book.selection.address === 'N36');
    expect(await page.evaluate(() => (window as unknown as W).__excel.book.selection)).toEqual({
      sheet: 'Tasks',
      address: 'N36',
    });
    await expect(issues.innerText()).resolves.toMatch(
      /WO-1005-S 'Ship' finishes Sat 2027-03-20 21:30, after its deadline/,
    );
    expect(await page.locator('script').count()).toBe(2); // office.js and the bundle: nothing injected
    expect(errors).toEqual([]);
  }, 120_000);

  test("Explain: the selected task's dates, float and driving chain", async () => {
    const { page, errors } = await openPane('film');
    // Select a cell on SH-3's row of the Tasks sheet, as a user clicking it would.
    await page.evaluate(() => {
      const book = (window as unknown as { __excel: { book: { selection: unknown; values(n: string): unknown[][] } } })
        .__excel.book;
      const row = book.values('Tasks').findIndex((r) => r[0] === 'SH-3') + 1;
      book.selection = { sheet: 'Tasks', address: `B${row}` };
    });
    await page.getByRole('tab', { name: 'Explain' }).click();
    await page.getByRole('button', { name: 'Explain the selected task' }).click();
    const explanation = page.getByRole('region', { name: 'Explanation' });
    await explanation.waitFor({ timeout: 60_000 });
    const text = await explanation.innerText();
    // SH-3, stage interiors, is driven by the company move, which follows block 1.
    expect(text).toMatch(/^SH-3 Block 2: stage interiors/);
    expect(text).toMatch(/Total float 0 d, free float 0 d: critical\./);
    expect(text).toMatch(/SH-2 Company move to stage: starts .*, set by SH-1FS/);
    if (process.env.PP_SCREENSHOT)
      await page.screenshot({ path: process.env.PP_SCREENSHOT.replace(/\.png$/, '-explain.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  test('Settings: read from the Settings sheet, saved back into it', async () => {
    const { page, errors } = await openPane('film');
    await page.getByRole('tab', { name: 'Settings' }).click();
    const scale = page.getByLabel('Gantt Scale');
    await scale.waitFor({ timeout: 60_000 });
    expect(await scale.inputValue()).toBe('auto');
    await scale.selectOption('week');
    await page.getByLabel('Variance Amber %').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved on the Settings sheet: Gantt Scale, Variance Amber %/).waitFor();
    const settings = await page.evaluate(() => {
      const book = (window as unknown as { __excel: { book: { values(n: string): unknown[][] } } }).__excel.book;
      return book.values('Settings');
    });
    expect(settings).toEqual(
      expect.arrayContaining([
        ['Gantt Scale', 'week'],
        ['Variance Amber %', 3],
      ]),
    );
    expect(errors).toEqual([]);
  }, 120_000);

  test('Import from Microsoft Project: a chosen file, a question before replacing, then the plan', async () => {
    const { page, offMachine, errors } = await openPane('film');
    // The film plan, written as Project XML by the command line, is read back into the workbook.
    const xml = path.join(out, 'film.xml');
    const cli = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'production-planner.js'),
        'export',
        path.join(ROOT, 'examples', 'film-shoot.json'),
        '-o',
        xml,
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    // The plan's own IDs travel as WBS codes (docs/msproject.md).
    await page.getByLabel('WBS codes as task IDs').check();
    await page.getByLabel('Microsoft Project XML file').setInputFiles(xml);
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(/These are in the workbook now and would be replaced by the Project file's: Settings, Tasks/)
      .waitFor();
    if (process.env.PP_SHOTS) await page.screenshot({ path: path.join(process.env.PP_SHOTS, 'import-ask.png') });
    await dialog.getByRole('button', { name: 'Replace' }).click();
    const imported = page.getByRole('region', { name: 'Import' });
    await imported
      .getByText(/^Imported 38 tasks, 44 links, 22 resources and 1 calendar into Settings, Tasks/)
      .waitFor({ timeout: 60_000 });
    const tasks = await page.evaluate(() =>
      (window as unknown as { __excel: { book: { values(s: string): unknown[][] } } }).__excel.book.values('Tasks'),
    );
    if (process.env.PP_SHOTS)
      await page.screenshot({ path: path.join(process.env.PP_SHOTS, 'import.png'), fullPage: true });
    expect(tasks[0].slice(0, 3)).toEqual(['ID', 'Name', 'Duration']);
    expect(tasks[1].slice(0, 2)).toEqual(['PRE', 'Pre-production']);
    expect(tasks.length).toBe(39);
    // Regenerate schedules the imported plan to the same finish.
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByText(/^Wrote Schedule/).waitFor({ timeout: 60_000 });
    await expect(result.innerText()).resolves.toMatch(/Finish\s+Wed 2027-08-25 12:00/);
    expect(offMachine).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  test('the ribbon command is registered and regenerates with no pane interaction', async () => {
    const { page } = await openPane('film');
    const done = await page.evaluate(async () => {
      const w = window as unknown as {
        __commands: Record<string, (e: { completed(): void }) => Promise<void>>;
        __excel: { book: { sheets: { name: string }[] } };
      };
      let completed = false;
      await w.__commands.regenerate({
        completed: () => {
          completed = true;
        },
      });
      return { completed, sheets: w.__excel.book.sheets.map((s) => s.name) };
    });
    expect(done.completed).toBe(true);
    expect(done.sheets).toContain('Gantt');
  }, 120_000);
});
