/**
 * Memory a run may hold outside V8's accounting at any one time (see {@link allocateBuffer}).
 * A million-task run reserves about 175 MB (and touches about 95 MB of it when its rows are in order).
 */
export const UNCOUNTED_BUDGET_BYTES = 768 * 1024 * 1024;

let uncountedBytes = 0;
const Shared: typeof SharedArrayBuffer | undefined =
  typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
const released: FinalizationRegistry<number> | null =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<number>((bytes) => {
        uncountedBytes -= bytes;
      })
    : null;

/**
 * A zeroed buffer for an arena. V8 counts every ArrayBuffer as external memory, and once that
 * grows by 64 MB since the last full collection it starts one; with a million-task plan in the
 * heap, that collection marks the whole plan in the middle of the run (measured: a 0.5 s pause in
 * a 2.3 s run). A SharedArrayBuffer's memory is not counted that way, so a run takes its memory
 * from one while the memory so taken and not yet collected stays under the budget; past the budget
 * (a server scheduling over and over before a collection has freed the earlier runs' buffers), or
 * where there is no SharedArrayBuffer (a browser page that is not cross-origin isolated, such as
 * Excel's), it takes an ordinary ArrayBuffer and V8's own accounting applies.
 */
export function allocateBuffer(bytes: number): ArrayBufferLike {
  if (Shared !== undefined && released !== null && uncountedBytes + bytes <= UNCOUNTED_BUDGET_BYTES) {
    const buffer = new Shared(bytes);
    uncountedBytes += bytes;
    released.register(buffer, bytes);
    return buffer;
  }
  return new ArrayBuffer(bytes);
}

/** Bytes taken outside V8's accounting and not yet known to be collected (for tests). */
export function uncountedBytesInUse(): number {
  return uncountedBytes;
}

/**
 * Typed arrays carved out of a few large buffers. A scheduling run needs some fifty arrays;
 * allocated one by one, each is external memory that V8 answers with a garbage collection, and
 * with a million-task plan in the heap every collection marks the whole plan (measured: 50
 * arrays of 8 MB cost 240-450 ms; one 400 MB buffer cut into 50 views, under 1 ms). Memory comes
 * zeroed, like a new typed array's.
 */
export class Arena {
  private buffer: ArrayBufferLike;
  private offset = 0;
  /** How often a request did not fit the reserved room (a sizing fault: zero in a well-sized run). */
  overflows = 0;

  constructor(bytes: number) {
    this.buffer = allocateBuffer(Math.max(64, bytes));
  }

  /** Makes sure the next `bytes` come from one buffer: starts a new one when the current one is short. */
  reserve(bytes: number): void {
    if (this.offset + bytes > this.buffer.byteLength) {
      this.buffer = allocateBuffer(Math.max(64, bytes));
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
  private take(bytes: number): ArrayBufferLike {
    const start = (this.offset + 7) & ~7;
    if (start + bytes > this.buffer.byteLength) {
      // Past the estimate: a buffer of its own (the sizes below are upper bounds, so this is a fault).
      this.overflows++;
      this.buffer = allocateBuffer(Math.max(64, bytes * 2));
      this.offset = bytes;
      return this.buffer;
    }
    this.offset = start + bytes;
    return this.buffer;
  }
}

/** Bytes, with room for alignment, of the arrays a run needs once the plan is read (an upper bound). */
export function runBytes(tasks: number, links: number, summaries: number): number {
  const nodes = tasks + summaries;
  const linkArrays = links * 8; // links out and their successors, for Kahn's order (the input columns are read before this is asked)
  // Start nodes, summaries' tasks, links out (for Kahn), subtasks; the order (and Kahn's indegrees and order).
  const network = 4 * tasks + 4 * summaries + 4 * (tasks + 1) + 4 * (summaries + 1) + 4 * tasks + 3 * 4 * nodes;
  const dates = 3 * 4 * 4 * tasks + 2 * 4 * tasks; // early, late, scheduled (four 32-bit columns each); two drivers
  const scheduler = 16 * summaries + 16 * summaries + 32 * summaries + 8 * summaries + 32 * summaries; // bounds, spans, late bounds, slacks, roll-up
  const results = 2 * 4 * tasks; // the link slacks that become the floats (duration and critical reuse late columns)
  return linkArrays + network + dates + scheduler + results + 64 * 8;
}
