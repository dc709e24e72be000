/**
 * The row of each task ID. Most plans number their tasks (`1`, `2`, ... `10000`), and a link is
 * looked up by an ID sliced fresh out of a Predecessors cell: hashing those strings into a Map
 * was a tenth of the reader's time. IDs written as whole numbers in canonical form (no sign, no
 * leading zero) are kept in an array by their number instead; any other ID in a Map by its text.
 * An ID matches only its exact text, as with one Map: `07` is not `7`.
 */
export class IdIndex {
  private readonly byNumber: number[] = [];
  private readonly byText = new Map<string, number>();

  get(id: string): number | undefined {
    const n = canonicalNumber(id);
    if (n >= 0) return this.byNumber[n];
    // Plans numbered throughout have nothing here: no need to hash the text at all.
    return this.byText.size === 0 ? undefined : this.byText.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, row: number): void {
    const n = canonicalNumber(id);
    if (n >= 0) this.byNumber[n] = row;
    else this.byText.set(id, row);
  }
}

/** Beyond this an ID is kept by its text: an array indexed by it would be mostly holes. */
const MAX_NUMBERED_ID = 10_000_000;

/** The number `text` writes in canonical form (`0`, `7`, `1234`; not `07`, `+7`, `7.0`), or -1. */
function canonicalNumber(text: string): number {
  const length = text.length;
  if (length === 0 || length > 7) return -1;
  let n = 0;
  for (let k = 0; k < length; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && k === 0 && length > 1)) return -1;
    n = n * 10 + digit;
  }
  return n < MAX_NUMBERED_ID ? n : -1;
}
