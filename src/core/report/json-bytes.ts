import { MINUTES_PER_DAY, formatWall } from '../time';

/**
 * A JSON text built as UTF-8 bytes in one growing buffer. Joining strings made a tree of pieces per
 * value and JSON.stringify of a short string costs a few hundred nanoseconds; for the six dates,
 * two names and two numbers of each of 100,000 tasks both were most of `calculate --json`.
 */
export class JsonBytes {
  private buf: Uint8Array;
  private at = 0;
  /** `YYYY-MM-DD` of the days written, by blocks of days from 1000-01-01, filled as they come. */
  private readonly dates: (Uint8Array | undefined)[] = [];

  constructor(expectedBytes = 1 << 16) {
    this.buf = new Uint8Array(expectedBytes);
  }

  /** Bytes made by {@link asciiBytes}: keys and punctuation. */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < bytes.length; k++) buf[at++] = bytes[k];
    this.at = at;
  }

  /** Text known to be printable ASCII that JSON writes as it is. */
  ascii(text: string): void {
    this.reserve(text.length);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
    this.at = at;
  }

  /** A string value, quoted and escaped exactly as JSON.stringify does. */
  string(text: string): void {
    if (!isPlainAscii(text)) {
      this.text(JSON.stringify(text));
      return;
    }
    this.reserve(text.length + 2);
    this.buf[this.at++] = QUOTE;
    this.ascii(text);
    this.buf[this.at++] = QUOTE;
  }

  /** A number as JSON.stringify writes it (`null` for NaN and the infinities); small whole numbers digit by digit. */
  number(x: number): void {
    if (Number.isInteger(x) && x >= 0 && x < 1e9) {
      this.reserve(10);
      this.digits(x, x < 10 ? 1 : x < 100 ? 2 : String(x).length);
    } else {
      this.ascii(Number.isFinite(x) ? String(x) : 'null');
    }
  }

  /**
   * `x` rounded to four decimals, as `round(x, 4)` (helpers) gives it and JSON.stringify writes it,
   * without String() of a fraction (a few hundred nanoseconds each). The rounded value is the
   * double nearest k / 10^4 for the whole k = Math.round(x * 10^4); with |k| < 10^15 that decimal
   * has at most 15 significant digits, so it is the shortest that reads back as the double: what
   * String() writes. Others, and whole values, go through {@link number}.
   */
  fourDecimals(x: number): void {
    const k = Math.round(x * 10000);
    const v = k / 10000;
    if (Number.isInteger(v) || !(k > -1e15 && k < 1e15)) {
      this.number(v);
      return;
    }
    let rest = k;
    if (k < 0) {
      this.reserve(1);
      this.buf[this.at++] = DASH;
      rest = -k;
    }
    const whole = Math.floor(rest / 10000);
    let fraction = rest - whole * 10000;
    let width = 4;
    while (fraction % 10 === 0) {
      fraction /= 10;
      width--;
    }
    this.number(whole);
    this.reserve(1 + width);
    this.buf[this.at++] = DOT;
    this.digits(fraction, width);
  }

  /**
   * A wall time as formatWall writes it, `YYYY-MM-DDTHH:mm`, from arithmetic rather than a Date
   * (for years 1000 to 9999; anything else through formatWall itself). Each day's digits are worked
   * out once and kept: six dates a task, of a few hundred or thousand days, were 60 ms at 100,000
   * tasks.
   */
  wall(wall: number): void {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const minute = wall - day * MINUTES_PER_DAY;
    if (!(day >= FIRST_FOUR_DIGIT_DAY && day <= LAST_FOUR_DIGIT_DAY) || !Number.isInteger(minute)) {
      this.ascii(formatWall(wall));
      return;
    }
    const index = day - FIRST_FOUR_DIGIT_DAY;
    let dates = this.dates[index >> DAYS_PER_BLOCK_LOG2];
    if (dates === undefined)
      dates = this.dates[index >> DAYS_PER_BLOCK_LOG2] = new Uint8Array(DAYS_PER_BLOCK * DATE_BYTES);
    const from = (index & (DAYS_PER_BLOCK - 1)) * DATE_BYTES;
    if (dates[from] === 0) dateDigits(day, dates, from); // a date's first byte is a digit, never 0
    this.reserve(16);
    const buf = this.buf;
    let at = this.at;
    for (let k = 0; k < DATE_BYTES; k++) buf[at++] = dates[from + k];
    buf[at++] = LETTER_T;
    const time = minute * TIME_BYTES;
    for (let k = 0; k < TIME_BYTES; k++) buf[at++] = TIMES[time + k];
    this.at = at;
  }

  /** Any text, as UTF-8 (JSON.stringify's output, which has no lone surrogates). */
  text(text: string): void {
    this.reserve(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
    this.at += UTF8_ENCODER.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  toString(): string {
    return UTF8_DECODER.decode(this.toBytes());
  }

  /** The bytes written so far: a view of the buffer, not a copy. */
  toBytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  /** `n`, a whole number from 0 to 10^9, in `width` digits with leading zeros; in 32-bit integer steps. */
  private digits(n: number, width: number): void {
    const buf = this.buf;
    const first = this.at;
    for (let k = first + width - 1; k >= first; k--) {
      const q = (n / 10) | 0;
      buf[k] = DIGIT_0 + n - q * 10;
      n = q;
    }
    this.at = first + width;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + bytes));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }
}

/** The bytes of an ASCII constant, made once for {@link JsonBytes.bytes}. */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();
const QUOTE = 34;
const BACKSLASH = 92;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const LETTER_T = 84;
const DIGIT_0 = 48;
/** Day numbers of 1000-01-01 and 9999-12-31: the years formatWall writes in four digits. */
const FIRST_FOUR_DIGIT_DAY = Math.round(Date.UTC(1000, 0, 1) / 86400000);
const LAST_FOUR_DIGIT_DAY = Math.round(Date.UTC(9999, 11, 31) / 86400000);

const DATE_BYTES = 10;
const TIME_BYTES = 5;
const DAYS_PER_BLOCK_LOG2 = 10;
const DAYS_PER_BLOCK = 1 << DAYS_PER_BLOCK_LOG2;

/** `HH:mm` of each minute of the day. */
const TIMES = (() => {
  const out = new Uint8Array(MINUTES_PER_DAY * TIME_BYTES);
  for (let m = 0; m < MINUTES_PER_DAY; m++) {
    const h = Math.floor(m / 60),
      mm = m % 60;
    out.set(
      [DIGIT_0 + Math.floor(h / 10), DIGIT_0 + (h % 10), COLON, DIGIT_0 + Math.floor(mm / 10), DIGIT_0 + (mm % 10)],
      m * TIME_BYTES,
    );
  }
  return out;
})();

/** `YYYY-MM-DD` of a day number of a four-digit year, into `out` at `at`. */
function dateDigits(day: number, out: Uint8Array, at: number): void {
  // Civil date of a day number: H. Hinnant's civil_from_days, for days after 0000-03-01.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[at] = DIGIT_0 + Math.floor(y / 1000);
  out[at + 1] = DIGIT_0 + (Math.floor(y / 100) % 10);
  out[at + 2] = DIGIT_0 + (Math.floor(y / 10) % 10);
  out[at + 3] = DIGIT_0 + (y % 10);
  out[at + 4] = DASH;
  out[at + 5] = DIGIT_0 + Math.floor(m / 10);
  out[at + 6] = DIGIT_0 + (m % 10);
  out[at + 7] = DASH;
  out[at + 8] = DIGIT_0 + Math.floor(d / 10);
  out[at + 9] = DIGIT_0 + (d % 10);
}

/** Printable ASCII without a quote or a backslash: JSON.stringify writes it between quotes unchanged. */
function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}
