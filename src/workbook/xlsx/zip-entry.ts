/**
 * A zip entry's bytes, inflated by Node's zlib rather than by JSZip's pako.
 */
import * as zlib from 'zlib';
import type JSZip from 'jszip';

/**
 * The JSZip version whose private entry layout `compressedData` reads. The tests compare it
 * with the installed JSZip and package.json's exact pin: an upgrade of JSZip must re-check
 * `compressedData` against the new version's ZipObject and CompressedObject, then update this.
 */
export const PROVEN_WITH_JSZIP = '3.10.2';

/**
 * An entry's bytes. JSZip reads the archive, but its inflate (pako, plain JavaScript) takes
 * about 330 ms on a 20,000-line workbook in a fresh process, ten times Node's own zlib: the
 * deflated bytes JSZip found are inflated with zlib. Anything else (or an entry whose inner
 * shape is not the one expected of JSZip 3) goes through JSZip's own inflate.
 */
export async function inflate(entry: JSZip.JSZipObject): Promise<Buffer> {
  const data = compressedData(entry);
  if (data) {
    const content = data.compressedContent;
    let out: Buffer | null = null;
    if (data.compression.magic === '\x08\x00') {
      // One output chunk of the known size: zlib then hands it over without copying chunks together.
      const chunkSize = Math.max(64, Math.min(data.uncompressedSize, 256 * 2 ** 20));
      out = await new Promise<Buffer | null>((resolve) =>
        zlib.inflateRaw(content, { chunkSize }, (e, r) => resolve(e ? null : r)),
      );
    } else if (data.compression.magic === '\x00\x00') {
      out = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    }
    // On any surprise JSZip inflates it (and says what is wrong with it).
    if (out && out.length === data.uncompressedSize) return out;
  }
  return entry.async('nodebuffer');
}

/** What JSZip 3 keeps of an entry it read from an archive (its CompressedObject). */
interface ZipData {
  compressedContent: Uint8Array;
  uncompressedSize: number;
  compression: { magic: string };
}

/**
 * The entry's bytes as they stand in the archive, or null when the entry does not look as
 * JSZip 3.10 leaves it. The one place the reader reads JSZip's private state.
 *
 * JSZip's public API gives an entry's content only through its own inflate (`async`,
 * `nodeStream`: pako), which made the fast read of the bench's 5,000-task workbook about
 * twice as slow (the first read in a process, the command line's case, 320 ms of CPU instead of
 * 165, measured with JSZip 3.10.2 on Node 20). `loadAsync` keeps each entry's
 * CompressedObject (jszip/lib/compressedObject.js: the raw bytes, the uncompressed size and
 * the compression with its two-byte magic) in the entry's `_data`. An entry added by
 * `zip.file()` holds something else there and fails the checks, as would another layout.
 */
function compressedData(entry: JSZip.JSZipObject): ZipData | null {
  const data = (entry as unknown as { _data?: Partial<ZipData> })._data;
  if (
    data &&
    data.compressedContent instanceof Uint8Array &&
    typeof data.uncompressedSize === 'number' &&
    data.compression
  )
    return data as ZipData;
  return null;
}
