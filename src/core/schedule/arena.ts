/**
 * Typed arrays carved out of a few large ArrayBuffers. A scheduling run needs some fifty arrays;
 * allocated one by one, each is external memory that V8 answers with a garbage collection, and
 * with a million-task plan in the heap every collection marks the whole plan (measured: 50
 * arrays of 8 MB cost 240-450 ms; one 400 MB buffer cut into 50 views, under 1 ms). Memory comes
 * zeroed, like a new typed array's.
 */
export class Arena {
  private buffer: ArrayBuffer;
  private offset = 0;
  /** How often a request did not fit the reserved room (a sizing fault: zero in a well-sized run). */
  overflows = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(Math.max(64, bytes));
  }

  /** Makes sure the next `bytes` come from one buffer: starts a new one when the current one is short. */
  reserve(bytes: number): void {
    if (this.offset + bytes > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(Math.max(64, bytes));
      this.offset = 0;
    }
  }

  f64(length: number): Float64Array {
    return new Float64Array(this.take(length * 8), this.offset - length * 8, length);
  }

  i32(length: number): Int32Array {
    return new Int32Array(this.take(length * 4), this.offset - length * 4, length);
  }

  u8(length: number): Uint8Array {
    return new Uint8Array(this.take(length), this.offset - length, length);
  }

  /** Room for `bytes` at an 8-byte boundary; returns the buffer the room is in. */
  private take(bytes: number): ArrayBuffer {
    const start = (this.offset + 7) & ~7;
    if (start + bytes > this.buffer.byteLength) {
      // Past the estimate: a buffer of its own (the sizes below are upper bounds, so this is a fault).
      this.overflows++;
      this.buffer = new ArrayBuffer(Math.max(64, bytes * 2));
      this.offset = bytes;
      return this.buffer;
    }
    this.offset = start + bytes;
    return this.buffer;
  }
}

/** Bytes, with room for alignment, of the arrays a run needs once links are counted (an upper bound). */
export function runBytes(tasks: number, links: number, summaries: number): number {
  const nodes = tasks + summaries;
  const edges = links + 2 * tasks;
  const linkArrays = links * (4 + 4 + 1 + 8 + 1 + 8 + 8 + 1);
  const network = 4 * tasks + 4 * summaries + 8 * (nodes + 1) + 12 * nodes + 16 * edges + 8 * nodes;
  const dates = 3 * (2 * 8 * tasks + 2 * 4 * tasks) + 2 * 4 * tasks; // early, late, scheduled; two drivers
  const scheduler = 16 * summaries + 4 * 8 * tasks + 2 * 8 * tasks + 4 * 8 * tasks;
  const results = 4 * 8 * tasks + tasks;
  return linkArrays + network + dates + scheduler + results + 64 * 8;
}
