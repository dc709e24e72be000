export interface ReadOptions {
  /** The day used when Settings gives no Status Date (default: the machine's today). */
  today?: Date;
}
