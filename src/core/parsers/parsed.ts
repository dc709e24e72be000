/** What a parser returns: the value, or a message in a coordinator's words saying why the text is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
