/**
 * A simulated Excel host for the Office.js adapter: the slice of the Excel
 * JavaScript API the add-in uses, over an in-memory workbook, enforcing the
 * rules that real Excel enforces and a mock would not:
 *
 * - nothing runs until `context.sync()`: set properties and method calls are
 *   queued and run in order at the sync;
 * - a property is unreadable until it was loaded and a sync has run
 *   (PropertyNotLoaded), and `isNullObject` only after a sync;
 * - a 2-D array written to a range must have the range's shape
 *   (InvalidArgument); a single value fills the range;
 * - a request (everything queued since the last sync) and a response (what
 *   the loads return) over 5 MB fail (PayloadTooLarge), as in Excel on the web;
 * - text is typed as a user types it: `=...` becomes a formula, `'...` stays
 *   text, and text that reads as a number becomes a number.
 *
 * It counts syncs and records each request's size, so tests can assert how
 * many round-trips a flow takes and that none is too large.
 */

import { columnIndex, columnLetters } from '../../src/core/location';

export const SIM_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * Bytes of a queued action's envelope, beyond its JSON arguments, and of each object path a request
 * carries (every proxy made from another: a range, its format, its fill...). Measured on Office.js's
 * own request serializer: a new range costs about 400-460 bytes with its path, its instantiation
 * and its reference keeping; a single-cell write about 460.
 */
const ACTION_OVERHEAD = 150;
const PATH_BYTES = 280;

/** Bytes of a value's JSON in UTF-8, as requests travel. */
function utf8Json(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c > 0x7ff) n += c >= 0xd800 && c <= 0xdbff ? 1 : 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}

export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface SimCell {
  value: string | number | boolean;
  /** Typed with a leading apostrophe: text whatever it looks like. */
  text?: boolean;
  formula?: string;
  numberFormat?: string;
}

export interface SimFormat {
  area: Area;
  props: Record<string, unknown>;
}

export interface SimRule {
  id: string;
  area: string;
  type: string;
  formula: string;
  format: Record<string, unknown>;
  deleted?: boolean;
}

export interface SimChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: [string, string];
}

interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class SimSheet {
  cells = new Map<number, SimCell>();
  formats: SimFormat[] = [];
  rules: SimRule[] = [];
  charts: SimChart[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Outline levels shown (showOutlineLevels), rows then columns; null while never set. */
  outlineShown: [number, number] | null = null;
  groups: Area[] = [];
  tabColor = '';
  freeze: Area | null = null;
  autoFilter: Area | null = null;
  page: Record<string, unknown> = {};
  hyperlinks = new Map<number, { documentReference?: string; textToDisplay?: string }>();
  /** Excel tables on the sheet: their whole area (header to totals) and whether they show a totals row. */
  tables: { name: string; area: Area; showTotals: boolean }[] = [];
  constructor(
    public name: string,
    readonly store = true,
  ) {}

  static key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }

  cell(r: number, c: number): SimCell | undefined {
    return this.cells.get(SimSheet.key(r, c));
  }

  /** Writes a value as a user typing it would. */
  type(r: number, c: number, v: unknown): void {
    if (!this.store) return;
    const k = SimSheet.key(r, c);
    if (v === null || v === undefined) return; // null leaves the cell as it is
    if (v === '') {
      this.cells.delete(k);
      return;
    }
    const old = this.cells.get(k);
    const numberFormat = old?.numberFormat;
    if (typeof v === 'string') {
      if (v.startsWith("'")) this.cells.set(k, { value: v.slice(1), text: true, numberFormat });
      else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v.trim()))
        this.cells.set(k, { value: Number(v), numberFormat });
      else if (/^[=+-]/.test(v)) this.cells.set(k, { value: 0, formula: v, numberFormat });
      else if (/^(true|false)$/i.test(v.trim()))
        this.cells.set(k, { value: v.trim().toLowerCase() === 'true', numberFormat });
      else this.cells.set(k, { value: v, numberFormat });
      return;
    }
    this.cells.set(k, { value: v as number | boolean, numberFormat });
  }

  setFormat(r: number, c: number, fmt: string): void {
    if (!this.store) return;
    const k = SimSheet.key(r, c);
    const old = this.cells.get(k);
    if (old) old.numberFormat = fmt;
    else this.cells.set(k, { value: '', numberFormat: fmt });
  }

  used(): Area | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The formatting properties that apply to a cell, later formats winning. */
  formatAt(r: number, c: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.formats) {
      if (r >= f.area.row && r < f.area.row + f.area.rows && c >= f.area.col && c < f.area.col + f.area.cols)
        Object.assign(out, f.props);
    }
    return out;
  }
}

// ---- Addresses -------------------------------------------------------------------------------

const colNumber = (letters: string) => columnIndex(letters.toUpperCase());
const colLetters = columnLetters;

export function parseArea(address: string): Area {
  const a = address.replace(/\$/g, '').replace(/^.*!/, '').trim();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1,
      c0 = colNumber(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0,
      c1 = m[3] ? colNumber(m[3]) : c0;
    return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (m) return { row: 0, col: colNumber(m[1]), rows: MAX_ROWS, cols: colNumber(m[2]) - colNumber(m[1]) + 1 };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { row: Number(m[1]) - 1, col: 0, rows: Number(m[2]) - Number(m[1]) + 1, cols: MAX_COLS };
  throw new SimError('InvalidArgument', `"${address}" is not an address`);
}

function areaAddress(sheet: string, a: Area): string {
  const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const tl = `${colLetters(a.col)}${a.row + 1}`;
  const br = `${colLetters(a.col + a.cols - 1)}${a.row + a.rows}`;
  return `${q}!${tl === br ? tl : `${tl}:${br}`}`;
}

// ---- The request context ---------------------------------------------------------------------

interface Action {
  bytes: number;
  run: () => void;
}

export interface SimStats {
  syncs: number;
  /** Bytes of each sync's request, by our estimate of Office.js's JSON. */
  requestBytes: number[];
  responseBytes: number[];
  /** Per sync: whether calculation and screen updating were suspended before anything was written. */
  suspended: boolean[];
  /** Every formula written by a values assignment, as `Sheet!A1 =...`. */
  formulasWritten: string[];
  /** Calls of application.calculate. */
  recalculations: number;
}

export class SimWorkbook {
  sheets: SimSheet[] = [];
  names = new Map<string, { formula: string; comment?: string }>();
  active = '';
  /** The selected cells: a sheet and an A1 address. */
  selection: { sheet: string; address: string } = { sheet: '', address: 'A1' };
  constructor(readonly store = true) {}

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, store = this.store): SimSheet {
    if (this.sheet(name)) throw new SimError('ItemAlreadyExists', `a sheet named ${name} exists`);
    const s = new SimSheet(name, store);
    this.sheets.push(s);
    return s;
  }

  /** Fills a sheet from rows of values (a test's fixture): strings as text, whatever they look like. */
  setRows(name: string, rows: unknown[][], formats: Record<string, string> = {}): SimSheet {
    const s = this.sheet(name) ?? this.addSheet(name, true);
    rows.forEach((row, r) => row.forEach((v, c) => s.type(r, c, typeof v === 'string' ? `'${v}` : v)));
    for (const [address, fmt] of Object.entries(formats)) {
      const a = parseArea(address);
      for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) s.setFormat(r, c, fmt);
    }
    return s;
  }

  /** A sheet's cells as a grid of values (for assertions). */
  values(name: string): (string | number | boolean | null)[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const out: (string | number | boolean | null)[][] = [];
    for (const [k, cell] of s.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      (out[r] ??= [])[c] = cell.formula ?? cell.value;
    }
    for (let r = 0; r < out.length; r++) {
      out[r] ??= [];
      for (let c = 0; c < out[r].length; c++) if (out[r][c] === undefined) out[r][c] = null;
    }
    return out;
  }
}

export class SimContext {
  readonly stats: SimStats = {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    suspended: [],
    formulasWritten: [],
    recalculations: 0,
  };
  readonly workbook: SimWorkbookApi;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
    calculate(type: string): void;
  };
  private queue: Action[] = [];
  private afterSync: (() => void)[] = [];
  private suspendedCalc = false;
  private suspendedScreen = false;
  private wroteBeforeSuspend = false;
  private wrote = false;
  /** Incremented at every sync: objects check it to know a sync has run since their load. */
  epoch = 0;

  constructor(readonly book: SimWorkbook) {
    this.workbook = new SimWorkbookApi(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.suspendedCalc = true;
        this.enqueue(40, () => undefined, false);
      },
      suspendScreenUpdatingUntilNextSync: () => {
        this.suspendedScreen = true;
        this.enqueue(40, () => undefined, false);
      },
      calculate: (type: string) => {
        this.enqueue(
          type.length,
          () => {
            this.stats.recalculations++;
          },
          false,
        );
      },
    };
  }

  enqueue(bytes: number, run: () => void, write = true): void {
    if (write) {
      if (!(this.suspendedCalc && this.suspendedScreen)) this.wroteBeforeSuspend = true;
      this.wrote = true;
    }
    this.queue.push({ bytes: bytes + ACTION_OVERHEAD, run });
  }

  /** Registers what a load returns, run in queue order at the sync, with its response size. */
  enqueueLoad(run: () => number): void {
    this.queue.push({
      bytes: ACTION_OVERHEAD,
      run: () => {
        this.responseSize += run();
      },
    });
  }

  /** Counts an object path in the current request (proxies made while a sync runs travel in no request). */
  notePath(): void {
    if (!this.syncing) this.pathBytes += PATH_BYTES;
  }

  private syncing = false;
  private pathBytes = 0;

  onSync(f: () => void): void {
    this.afterSync.push(f);
  }

  private responseSize = 0;

  async sync(): Promise<void> {
    const request = this.queue.reduce((n, a) => n + a.bytes, 0) + this.pathBytes;
    this.pathBytes = 0;
    const queue = this.queue;
    const wrote = this.wrote;
    const suspendedFirst = !this.wroteBeforeSuspend;
    this.queue = [];
    this.wrote = false;
    this.wroteBeforeSuspend = false;
    this.suspendedCalc = false;
    this.suspendedScreen = false;
    this.stats.syncs++;
    this.stats.requestBytes.push(request);
    if (request > SIM_PAYLOAD_LIMIT)
      throw new SimError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    this.responseSize = 0;
    this.syncing = true;
    try {
      for (const a of queue) a.run();
    } finally {
      this.syncing = false;
    }
    this.stats.responseBytes.push(this.responseSize);
    this.stats.suspended.push(wrote ? suspendedFirst : true);
    if (this.responseSize > SIM_PAYLOAD_LIMIT)
      throw new SimError('ResponsePayloadSizeLimitExceeded', `response of ${this.responseSize} bytes`);
    this.epoch++;
    const after = this.afterSync;
    this.afterSync = [];
    for (const f of after) f();
  }
}

/** What every proxy shares: loads, and the rule that loaded properties are readable only after a sync. */
class SimObject {
  private loaded = new Map<string, unknown>();
  private pendingNull = true;
  protected nullState: boolean | undefined;
  constructor(protected readonly ctx: SimContext) {
    ctx.notePath();
  }

  protected loadProps(props: string[], read: () => Record<string, unknown>): void {
    this.ctx.enqueueLoad(() => {
      const values = read();
      this.ctx.onSync(() => {
        for (const p of props) this.loaded.set(p, values[p]);
      });
      return utf8Json(values);
    });
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new SimError('PropertyNotLoaded', `${this.constructor.name}.${prop} was read before load() and sync()`);
    return this.loaded.get(prop) as T;
  }

  protected resolveNullAtSync(isNull: () => boolean): void {
    this.ctx.enqueueLoad(() => {
      const value = isNull();
      this.ctx.onSync(() => {
        this.nullState = value;
        this.pendingNull = false;
      });
      return 10;
    });
  }

  get isNullObject(): boolean {
    if (this.pendingNull || this.nullState === undefined)
      throw new SimError('PropertyNotLoaded', 'isNullObject was read before sync()');
    return this.nullState;
  }
}

function splitProps(spec: string | string[]): string[] {
  return (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter(Boolean);
}

class SimWorkbookApi {
  readonly worksheets: SimWorksheets;
  readonly names: SimNames;
  constructor(readonly ctx: SimContext) {
    this.worksheets = new SimWorksheets(ctx);
    this.names = new SimNames(ctx);
  }

  getSelectedRange(): SimRange {
    const book = this.ctx.book;
    return new SimRange(
      this.ctx,
      () => book.sheet(book.selection.sheet) ?? null,
      () => parseArea(book.selection.address),
    );
  }
}

class SimWorksheets extends SimObject {
  private itemsLoaded: SimWorksheet[] | null = null;

  load(spec: string): this {
    const props = splitProps(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueueLoad(() => {
      const items = this.ctx.book.sheets.map((s) => {
        const ws = new SimWorksheet(this.ctx, () => this.ctx.book.sheet(s.name)!);
        if (props.includes('name')) ws.preload(s);
        return ws;
      });
      this.ctx.onSync(() => {
        this.itemsLoaded = items;
      });
      return JSON.stringify(items.map(() => props)).length + 30 * items.length;
    });
    return this;
  }

  get items(): SimWorksheet[] {
    if (!this.itemsLoaded)
      throw new SimError('PropertyNotLoaded', 'worksheets.items was read before load() and sync()');
    return this.itemsLoaded;
  }

  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(name);
      if (!s) throw new SimError('ItemNotFound', `no sheet ${name}`);
      return s;
    });
  }

  getItemOrNullObject(name: string): SimWorksheet {
    const ws = new SimWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
    ws.trackNull();
    return ws;
  }

  add(name: string): SimWorksheet {
    let created: SimSheet | null = null;
    this.ctx.enqueue(name.length + 20, () => {
      created = this.ctx.book.addSheet(name);
    });
    return new SimWorksheet(this.ctx, () => {
      if (!created) throw new SimError('InvalidState', 'the new sheet does not exist yet');
      return created;
    });
  }
}

class SimWorksheet extends SimObject {
  constructor(
    ctx: SimContext,
    readonly resolve: () => SimSheet | null,
  ) {
    super(ctx);
  }

  private sheet(): SimSheet {
    const s = this.resolve();
    if (!s) throw new SimError('InvalidObjectPath', 'the sheet is a null object');
    return s;
  }

  trackNull(): void {
    this.resolveNullAtSync(() => this.resolve() === null);
  }

  /** Loaded through the collection's `items/name`: the name as it was at that sync. */
  preload(s: SimSheet): void {
    this.preloaded = { name: s.name };
  }

  private preloaded: { name: string } | null = null;

  get name(): string {
    if (!this.preloaded) throw new SimError('PropertyNotLoaded', 'Worksheet.name was read before load() and sync()');
    return this.preloaded.name;
  }

  set position(p: number) {
    this.ctx.enqueue(10, () => {
      const s = this.sheet();
      const book = this.ctx.book;
      if (p < 0 || p >= book.sheets.length)
        throw new SimError('InvalidArgument', `position ${p} for ${book.sheets.length} sheets`);
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.sheets.splice(p, 0, s);
    });
  }

  /** Renames the sheet (Office.js: a name another sheet has, or of more than 31 characters, is refused). */
  set name(n: string) {
    this.ctx.enqueue(n.length + 10, () => {
      const s = this.sheet();
      const other = this.ctx.book.sheet(n);
      if (other && other !== s) throw new SimError('ItemAlreadyExists', `a sheet named ${n} exists`);
      if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new SimError('InvalidArgument', `sheet name ${n}`);
      s.name = n;
    });
  }

  set tabColor(c: string) {
    this.ctx.enqueue(c.length, () => {
      this.sheet().tabColor = c;
    });
  }

  delete(): void {
    this.ctx.enqueue(10, () => {
      const s = this.sheet();
      const book = this.ctx.book;
      // As Excel: a workbook keeps at least one sheet.
      if (book.sheets.length === 1) throw new SimError('InvalidOperation', 'a workbook must keep one sheet');
      book.sheets.splice(book.sheets.indexOf(s), 1);
      // Names pointing at a deleted sheet turn into #REF!, as in Excel.
      for (const [n, v] of book.names)
        if (v.formula.includes(`${s.name}!`) || v.formula.includes(`'${s.name.replace(/'/g, "''")}'!`))
          book.names.set(n, { ...v, formula: '=#REF!' });
    });
  }

  activate(): void {
    this.ctx.enqueue(10, () => {
      this.ctx.book.active = this.sheet().name;
    });
  }

  getRange(address?: string): SimRange {
    return new SimRange(
      this.ctx,
      () => this.resolve(),
      () => (address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseArea(address)),
    );
  }

  showOutlineLevels(rowLevels: number, columnLevels: number): void {
    this.ctx.enqueue(30, () => {
      this.sheet().outlineShown = [rowLevels, columnLevels];
    });
  }

  get tables(): SimTables {
    return new SimTables(this.ctx, () => this.resolve());
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): SimRange {
    return new SimRange(
      this.ctx,
      () => this.sheet(),
      () => ({ row, col, rows, cols }),
    );
  }

  getRanges(address: string): SimRangeAreas {
    if (address.length > 8192)
      throw new SimError(
        'InvalidArgument',
        `a RangeAreas address of ${address.length} characters (Excel's limit is 8,192)`,
      );
    return new SimRangeAreas(this.ctx, () => this.sheet(), address);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): SimRange {
    const range = new SimRange(
      this.ctx,
      () => this.resolve(),
      () => this.resolve()?.used() ?? { row: 0, col: 0, rows: 0, cols: 0 },
    );
    range.trackNull(() => this.resolve() === null || this.resolve()!.used() === null);
    return range;
  }

  get freezePanes() {
    return {
      freezeAt: (range: SimRange) =>
        this.ctx.enqueue(20, () => {
          this.sheet().freeze = range.area();
        }),
      freezeRows: (n: number) =>
        this.ctx.enqueue(10, () => {
          this.sheet().freeze = { row: 0, col: 0, rows: n, cols: 0 };
        }),
      freezeColumns: (n: number) =>
        this.ctx.enqueue(10, () => {
          this.sheet().freeze = { row: 0, col: 0, rows: 0, cols: n };
        }),
    };
  }

  get autoFilter() {
    return {
      apply: (range: SimRange) =>
        this.ctx.enqueue(20, () => {
          this.sheet().autoFilter = range.area();
        }),
    };
  }

  get pageLayout() {
    const set = (key: string, v: unknown) =>
      this.ctx.enqueue(utf8Json(v), () => {
        this.sheet().page[key] = v;
      });
    return {
      set orientation(v: string) {
        set('orientation', v);
      },
      set zoom(v: unknown) {
        set('zoom', v);
      },
      set printOrder(v: string) {
        set('printOrder', v);
      },
      setPrintTitleRows: (v: string) => set('titleRows', v),
      setPrintTitleColumns: (v: string) => set('titleColumns', v),
      setPrintArea: (v: string) => set('printArea', v),
      headersFooters: {
        // Each part set is a request, kept as the page setup's `header.left`... for the parity test.
        defaultForAllPages: Object.defineProperties(
          {},
          Object.fromEntries(
            ['left', 'center', 'right'].flatMap((side) =>
              ['Header', 'Footer'].map((part) => [
                `${side}${part}`,
                { set: (v: string) => set(`${part.toLowerCase()}.${side}`, v), enumerable: true },
              ]),
            ),
          ),
        ),
      },
    };
  }

  get charts() {
    return {
      add: (type: string, source: SimRange, seriesBy: string) => {
        let chart: SimChart | null = null;
        this.ctx.enqueue(60, () => {
          const s = this.sheet();
          chart = { type, source: areaAddress(s.name, source.area()), seriesBy };
          s.charts.push(chart);
        });
        const ctx = this.ctx;
        return {
          title: {
            set text(t: string) {
              ctx.enqueue(t.length, () => {
                chart!.title = t;
              });
            },
          },
          setPosition: (a: string, b: string) =>
            ctx.enqueue(a.length + b.length, () => {
              chart!.position = [a, b];
            }),
        };
      },
    };
  }
}

/** A RangeFormat's settable surface; every assignment is queued and applied at the sync. */
function formatApi(ctx: SimContext, apply: (props: Record<string, unknown>) => void) {
  ctx.notePath(); // the format object, and below its fill or font
  const set = (prop: string, v: unknown) =>
    ctx.enqueue(utf8Json(v) + prop.length + (prop === 'columnWidth' ? 0 : 120), () => apply({ [prop]: v }));
  return {
    fill: {
      set color(v: string) {
        set('fill', v);
      },
    },
    font: {
      set bold(v: boolean) {
        set('bold', v);
      },
      set italic(v: boolean) {
        set('italic', v);
      },
      set color(v: string) {
        set('color', v);
      },
      set size(v: number) {
        set('size', v);
      },
    },
    set columnWidth(v: number) {
      set('columnWidth', v);
    },
    set rowHeight(v: number) {
      set('rowHeight', v);
    },
    set indentLevel(v: number) {
      set('indent', v);
    },
    set wrapText(v: boolean) {
      set('wrap', v);
    },
    set horizontalAlignment(v: string) {
      set('align', v);
    },
    borders: {
      getItem: (edge: string) => ({
        set style(v: string) {
          set(`border${edge}Style`, v);
        },
        set weight(v: string) {
          set(`border${edge}Weight`, v);
        },
        set color(v: string) {
          set(`border${edge}Color`, v);
        },
      }),
    },
  };
}
type SimFormatApi = ReturnType<typeof formatApi>;

class SimRange extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly sheetMaybe: () => SimSheet | null,
    readonly area: () => Area,
  ) {
    super(ctx);
  }

  private sheet(): SimSheet {
    const s = this.sheetMaybe();
    if (!s) throw new SimError('InvalidObjectPath', 'the range is on a null object');
    return s;
  }

  trackNull(isNull: () => boolean): void {
    this.resolveNullAtSync(isNull);
  }

  private check2d(name: string, v: unknown): unknown[][] | null {
    if (!Array.isArray(v)) return null;
    const a = this.area();
    if (v.length !== a.rows || v.some((row) => !Array.isArray(row) || row.length !== a.cols)) {
      throw new SimError(
        'InvalidArgument',
        `${name}: a ${v.length}x${Array.isArray(v[0]) ? v[0].length : '?'} array for a ${a.rows}x${a.cols} range`,
      );
    }
    return v as unknown[][];
  }

  set values(v: unknown) {
    this.ctx.enqueue(utf8Json(v), () => {
      const s = this.sheet();
      const a = this.area();
      const grid = this.check2d('values', v);
      for (let r = 0; r < a.rows; r++)
        for (let c = 0; c < a.cols; c++) {
          const value = grid ? grid[r][c] : v;
          if (
            typeof value === 'string' &&
            /^[=+-]/.test(value) &&
            !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value.trim())
          )
            this.ctx.stats.formulasWritten.push(
              `${areaAddress(s.name, { row: a.row + r, col: a.col + c, rows: 1, cols: 1 })} ${value}`,
            );
          s.type(a.row + r, a.col + c, value);
        }
    });
  }

  set numberFormat(v: unknown) {
    this.ctx.enqueue(utf8Json(v), () => {
      const s = this.sheet();
      const a = this.area();
      const grid = this.check2d('numberFormat', v);
      if (!grid) {
        // One format for every cell of the range (whole columns are kept as a format record).
        if (a.rows * a.cols <= 1_000_000)
          for (let r = 0; r < a.rows; r++)
            for (let c = 0; c < a.cols; c++) s.setFormat(a.row + r, a.col + c, String(v));
        else s.formats.push({ area: a, props: { numberFormat: v } });
        return;
      }
      for (let r = 0; r < a.rows; r++)
        for (let c = 0; c < a.cols; c++) s.setFormat(a.row + r, a.col + c, String(grid[r][c]));
    });
  }

  set hyperlink(v: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.enqueue(utf8Json(v), () => {
      const a = this.area();
      const s = this.sheet();
      s.hyperlinks.set(SimSheet.key(a.row, a.col), v);
      if (v.textToDisplay !== undefined) s.type(a.row, a.col, `'${v.textToDisplay}`);
    });
  }

  get format(): SimFormatApi {
    return formatApi(this.ctx, (props) => {
      const s = this.sheet();
      const a = this.area();
      if ('columnWidth' in props)
        for (let c = a.col; c < a.col + a.cols; c++) s.columnWidths.set(c, props.columnWidth as number);
      else if ('rowHeight' in props)
        for (let r = a.row; r < a.row + a.rows; r++) s.rowHeights.set(r, props.rowHeight as number);
      else if (s.store) s.formats.push({ area: a, props });
    });
  }

  select(): void {
    this.ctx.enqueue(10, () => {
      const a = this.area();
      this.ctx.book.selection = { sheet: this.sheet().name, address: areaAddress('x', a).slice(2) };
    });
  }

  getEntireRow(): SimRange {
    return new SimRange(this.ctx, this.sheetMaybe, () => ({
      row: this.area().row,
      col: 0,
      rows: this.area().rows,
      cols: MAX_COLS,
    }));
  }

  getCell(r: number, c: number): SimRange {
    return new SimRange(this.ctx, this.sheetMaybe, () => ({
      row: this.area().row + r,
      col: this.area().col + c,
      rows: 1,
      cols: 1,
    }));
  }

  group(_by: string): void {
    this.ctx.enqueue(20, () => {
      this.sheet().groups.push(this.area());
    });
  }

  get conditionalFormats(): SimConditionalFormats {
    return new SimConditionalFormats(this.ctx, this.sheetMaybe, this.area);
  }

  load(spec: string): this {
    const props = splitProps(spec);
    this.loadProps(props, () => {
      // A range on a null sheet is a null object: it loads nothing.
      const s = this.sheetMaybe();
      if (!s) return {};
      const a = this.area();
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === 'address') out.address = areaAddress(s.name, a);
        else if (p === 'rowCount') out.rowCount = a.rows;
        else if (p === 'columnCount') out.columnCount = a.cols;
        else if (p === 'rowIndex') out.rowIndex = a.row;
        else if (p === 'columnIndex') out.columnIndex = a.col;
        else if (p === 'values' || p === 'numberFormat' || p === 'valueTypes') {
          if (a.rows * a.cols > 5_000_000)
            throw new SimError('ResponsePayloadSizeLimitExceeded', `${a.rows * a.cols} cells`);
          const grid: unknown[][] = [];
          for (let r = 0; r < a.rows; r++) {
            const line: unknown[] = [];
            for (let c = 0; c < a.cols; c++) {
              const cell = s.cell(a.row + r, a.col + c);
              if (p === 'values') line.push(cell ? cell.value : '');
              else if (p === 'numberFormat') line.push(cell?.numberFormat ?? 'General');
              else
                line.push(
                  !cell || cell.value === ''
                    ? 'Empty'
                    : typeof cell.value === 'number'
                      ? 'Double'
                      : typeof cell.value === 'boolean'
                        ? 'Boolean'
                        : 'String',
                );
            }
            grid.push(line);
          }
          out[p] = grid;
        } else throw new SimError('InvalidArgument', `the simulator does not load Range.${p}`);
      }
      return out;
    });
    return this;
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
}

class SimRangeAreas {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: () => SimSheet,
    private readonly address: string,
  ) {}

  get format(): SimFormatApi {
    return formatApi(this.ctx, (props) => {
      const s = this.sheet();
      if (!s.store) return;
      for (const part of this.address.split(',')) s.formats.push({ area: parseArea(part), props });
    });
  }
}

let ruleIds = 0;

class SimTables extends SimObject {
  private itemsLoaded: SimTable[] | null = null;
  constructor(
    ctx: SimContext,
    private readonly sheetMaybe: () => SimSheet | null,
  ) {
    super(ctx);
  }

  load(spec: string): this {
    const props = splitProps(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueueLoad(() => {
      const sheet = this.sheetMaybe();
      const tables = sheet?.tables ?? [];
      const items = tables.map((t) => new SimTable(this.ctx, sheet!, t, props));
      this.ctx.onSync(() => {
        this.itemsLoaded = items;
      });
      return JSON.stringify(tables).length;
    });
    return this;
  }

  get items(): SimTable[] {
    if (!this.itemsLoaded) throw new SimError('PropertyNotLoaded', 'tables.items was read before load() and sync()');
    return this.itemsLoaded;
  }
}

class SimTable {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: SimSheet,
    private readonly table: SimSheet['tables'][number],
    private readonly props: string[],
  ) {}

  get showTotals(): boolean {
    if (!this.props.includes('showTotals'))
      throw new SimError('PropertyNotLoaded', 'Table.showTotals was read before load() and sync()');
    return this.table.showTotals;
  }

  getTotalRowRange(): SimRange {
    const a = this.table.area;
    if (!this.table.showTotals) throw new SimError('InvalidOperation', 'the table shows no totals row');
    return new SimRange(
      this.ctx,
      () => this.sheet,
      () => ({ row: a.row + a.rows - 1, col: a.col, rows: 1, cols: a.cols }),
    );
  }
}

class SimConditionalFormats extends SimObject {
  private itemsLoaded: SimConditionalFormat[] | null = null;
  constructor(
    ctx: SimContext,
    private readonly sheetMaybe: () => SimSheet | null,
    private readonly area: () => Area,
  ) {
    super(ctx);
  }

  private sheet(): SimSheet {
    const s = this.sheetMaybe();
    if (!s) throw new SimError('InvalidObjectPath', 'the range is on a null object');
    return s;
  }

  add(type: string): SimConditionalFormat {
    let rule: SimRule | null = null;
    this.ctx.enqueue(type.length + 20, () => {
      const s = this.sheet();
      rule = { id: `{${++ruleIds}}`, area: areaAddress(s.name, this.area()), type, formula: '', format: {} };
      s.rules.push(rule);
    });
    return new SimConditionalFormat(this.ctx, () => rule!);
  }

  load(spec: string): this {
    const props = splitProps(spec).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueueLoad(() => {
      const rules = (this.sheetMaybe()?.rules ?? []).filter((r) => !r.deleted);
      const items = rules.map((r) => new SimConditionalFormat(this.ctx, () => r, true));
      this.ctx.onSync(() => {
        this.itemsLoaded = items;
      });
      return JSON.stringify(rules.map((r) => (props.includes('type') ? r.type : ''))).length;
    });
    return this;
  }

  get items(): SimConditionalFormat[] {
    if (!this.itemsLoaded)
      throw new SimError('PropertyNotLoaded', 'conditionalFormats.items was read before load() and sync()');
    return this.itemsLoaded;
  }

  getItem(id: string): SimConditionalFormat {
    return new SimConditionalFormat(this.ctx, () => {
      const r = this.sheet().rules.find((x) => x.id === id && !x.deleted);
      if (!r) throw new SimError('ItemNotFound', `no conditional format ${id}`);
      return r;
    });
  }
}

class SimConditionalFormat {
  constructor(
    private readonly ctx: SimContext,
    private readonly rule: () => SimRule,
    private readonly typeLoaded = false,
  ) {}

  get type(): string {
    if (!this.typeLoaded)
      throw new SimError('PropertyNotLoaded', 'ConditionalFormat.type was read before load() and sync()');
    return this.rule().type;
  }

  get id(): string {
    if (!this.typeLoaded)
      throw new SimError('PropertyNotLoaded', 'ConditionalFormat.id was read before load() and sync()');
    return this.rule().id;
  }

  delete(): void {
    this.ctx.enqueue(10, () => {
      this.rule().deleted = true;
    });
  }

  get custom() {
    const ctx = this.ctx;
    const rule = this.rule;
    const fmt = formatApi(ctx, (props) => Object.assign(rule().format, props));
    return {
      rule: {
        set formula(f: string) {
          ctx.enqueue(f.length, () => {
            rule().formula = f;
          });
        },
      },
      format: fmt,
    };
  }

  get customOrNullObject() {
    const ctx = this.ctx;
    const rule = this.rule;
    const holder = new (class extends SimObject {
      readonly rule = {
        loaded: null as string | null,
        load: (_p: string) => {
          ctx.enqueueLoad(() => {
            const r = rule();
            const formula = r.type === 'Custom' ? r.formula : null;
            ctx.onSync(() => {
              holder.rule.loaded = formula;
            });
            return (formula ?? '').length + 20;
          });
        },
        get formula(): string {
          if (holder.rule.loaded === null)
            throw new SimError(
              'PropertyNotLoaded',
              'CustomConditionalFormat.rule.formula was read before load() and sync()',
            );
          return holder.rule.loaded;
        },
      };
    })(ctx);
    holder['resolveNullAtSync'](() => rule().type !== 'Custom');
    return holder;
  }
}

class SimNames extends SimObject {
  private itemsLoaded: { name: string; formula: string }[] | null = null;

  load(_spec: string): this {
    this.ctx.enqueueLoad(() => {
      const items = [...this.ctx.book.names].map(([name, v]) => ({ name, formula: v.formula }));
      this.ctx.onSync(() => {
        this.itemsLoaded = items;
      });
      return JSON.stringify(items).length;
    });
    return this;
  }

  get items(): { name: string; formula: string }[] {
    if (!this.itemsLoaded) throw new SimError('PropertyNotLoaded', 'names.items was read before load() and sync()');
    return this.itemsLoaded;
  }

  add(name: string, reference: SimRange, comment?: string): void {
    this.ctx.enqueue(name.length + (comment?.length ?? 0) + 40, () => {
      if (this.ctx.book.names.has(name)) throw new SimError('ItemAlreadyExists', `the name ${name} exists`);
      const a = reference.area();
      const sheet = (reference as unknown as { sheetMaybe: () => SimSheet }).sheetMaybe().name;
      this.ctx.book.names.set(name, {
        formula: `=${areaAddress(sheet, a).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`,
        comment,
      });
    });
  }

  getItem(name: string) {
    return {
      delete: () =>
        this.ctx.enqueue(name.length, () => {
          if (!this.ctx.book.names.delete(name)) throw new SimError('ItemNotFound', `no name ${name}`);
        }),
    };
  }
}

/** `Excel.run` over a simulated workbook: each run gets a fresh context; the stats of the last run are kept. */
export function simulatedExcel(book: SimWorkbook) {
  const runs: SimStats[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new SimContext(book);
    runs.push(ctx.stats);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return { run, runs, book };
}

/**
 * A simulated workbook holding a plan in the contract's JSON form, sheet by sheet, as a user
 * types it: dates in date columns as Excel dates (serials with a date format), other values as
 * they are. `store: false` keeps the generated sheets' cells out of memory (for size tests).
 */
export function simWorkbookFromJson(doc: Record<string, unknown>, options: { store?: boolean } = {}): SimWorkbook {
  const book = new SimWorkbook(options.store ?? true);
  const settings = doc.settings as Record<string, unknown> | undefined;
  if (settings) book.setRows('Settings', [['Setting', 'Value'], ...Object.entries(settings).map(([k, v]) => [k, v])]);
  for (const [key, sheet] of [
    ['tasks', 'Tasks'],
    ['resources', 'Resources'],
    ['budget', 'Budget'],
    ['holidays', 'Holidays'],
    ['calendars', 'Calendars'],
  ] as const) {
    const rows = doc[key] as Record<string, unknown>[] | undefined;
    if (!rows || rows.length === 0) continue;
    const headers: string[] = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!headers.includes(k)) headers.push(k);
    const grid: unknown[][] = [headers];
    const formats: Record<string, string> = {};
    rows.forEach((r, i) =>
      grid.push(
        headers.map((h, c) => {
          const v = r[h];
          if (typeof v === 'string' && /date|start|finish|deadline/i.test(h)) {
            const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(v);
            if (m) {
              const serial = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) / 86400000 + 25569;
              formats[`${colLetters(c)}${i + 2}`] = m[4] ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
              return serial;
            }
          }
          return v === undefined ? null : v;
        }),
      ),
    );
    book.setRows(sheet, grid, formats);
  }
  return book;
}
