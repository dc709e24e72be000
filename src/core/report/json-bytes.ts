import { MINUTES_PER_DAY, formatWall } from '../time';

/**
 * A JSON text built as UTF-8 bytes in one growing buffer. Joining strings made a tree of pieces per
 * value and JSON.stringify of a short string costs a few hundred nanoseconds; for the six dates,
 * two names and two numbers of each of 100,000 tasks both were most of `calculate --json`.
 */
export class JsonBytes {
  private buf: Uint8Array;
  private at = 0;

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
   * A wall time as formatWall writes it, `YYYY-MM-DDTHH:mm`, from arithmetic rather than a Date
   * (for years 1000 to 9999; anything else through formatWall itself).
   */
  wall(wall: number): void {
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const minute = wall - day * MINUTES_PER_DAY;
    if (!(day >= FIRST_FOUR_DIGIT_DAY && day <= LAST_FOUR_DIGIT_DAY) || !Number.isInteger(minute)) {
      this.ascii(formatWall(wall));
      return;
    }
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
    this.reserve(16);
    this.digits(y, 4);
    this.buf[this.at++] = DASH;
    this.digits(m, 2);
    this.buf[this.at++] = DASH;
    this.digits(d, 2);
    this.buf[this.at++] = LETTER_T;
    this.digits(Math.floor(minute / 60), 2);
    this.buf[this.at++] = COLON;
    this.digits(minute % 60, 2);
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
const COLON = 58;
const LETTER_T = 84;
const DIGIT_0 = 48;
/** Day numbers of 1000-01-01 and 9999-12-31: the years formatWall writes in four digits. */
const FIRST_FOUR_DIGIT_DAY = Math.round(Date.UTC(1000, 0, 1) / 86400000);
const LAST_FOUR_DIGIT_DAY = Math.round(Date.UTC(9999, 11, 31) / 86400000);

/** Printable ASCII without a quote or a backslash: JSON.stringify writes it between quotes unchanged. */
function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}
