/** The transitional OOXML namespaces of the parts the reader reads (strict OOXML is left to ExcelJS). */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
