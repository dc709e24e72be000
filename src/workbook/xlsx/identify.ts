/**
 * What a file given as a workbook is, when it is not one: the user is told what they have and
 * what to do, not a zip library's message.
 */
import type JSZip from 'jszip';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b]);

/** Why bytes that do not open as a zip package are no .xlsx workbook; null when they look like one. */
export function notAZipWorkbook(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'the file is empty';
  if (bytes.subarray(0, 8).equals(CFB)) {
    // Encrypted .xlsx files are compound files with an EncryptionInfo stream (names are UTF-16).
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      return 'this workbook is password-protected: in Excel, File > Info > Protect Workbook > Encrypt with Password, clear the password, save, and try again';
    return 'this is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)';
  }
  if (!bytes.subarray(0, 2).equals(ZIP)) {
    const head = bytes.subarray(0, 512).toString('utf8');
    if (/^\s*</.test(head))
      return 'this is an XML or HTML file, not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)';
    if (!head.includes('\uFFFD') && /[,;\t]/.test(head))
      return 'this is a text file (CSV?), not an .xlsx workbook: open it in Excel and save it as an Excel Workbook (.xlsx)';
    return 'this is not an .xlsx workbook (it is not a zip package)';
  }
  return null;
}

/** Why an opened zip package is no .xlsx workbook; null when it has a workbook part. */
export async function notAnXlsxPackage(zip: JSZip): Promise<string | null> {
  const has = (name: string) => zip.file(name) !== null || zip.file(`/${name}`) !== null;
  if (has('xl/workbook.xml')) return null;
  const mimetype = zip.file('mimetype');
  const kind = mimetype ? (await mimetype.async('string')).trim() : '';
  if (kind === 'application/vnd.oasis.opendocument.spreadsheet')
    return 'this is an OpenDocument spreadsheet (.ods): open it in Excel or LibreOffice and save it as .xlsx';
  if (kind.startsWith('application/vnd.oasis.opendocument'))
    return 'this is an OpenDocument file, not a spreadsheet: save the plan as an Excel Workbook (.xlsx)';
  if (has('xl/workbook.bin'))
    return 'this is an Excel binary workbook (.xlsb): in Excel, save it as an Excel Workbook (.xlsx)';
  if (has('word/document.xml')) return 'this is a Word document, not an Excel workbook';
  if (has('ppt/presentation.xml')) return 'this is a PowerPoint presentation, not an Excel workbook';
  return 'this is a zip archive, not an Excel workbook (it has no workbook part)';
}
