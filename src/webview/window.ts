/**
 * Which items of a list get an entry. A list the host cut (a sparse array: the items it did not
 * send are holes) shows every item it holds, and asks the host for the next page at its first hole.
 * A whole list shows its first `limit` items and every item from `tail` on (the ones added at the
 * end while the list is longer than what is shown), so adding to a long list draws one entry.
 */
export interface ListWindow {
  /** The indexes shown, ascending. */
  readonly shown: readonly number[];
  /** Where the next page starts: the first index not shown before the tail; undefined when all are shown. */
  readonly next?: number;
  /** Whether the next page is the host's to send (the list was cut on the wire). */
  readonly remote: boolean;
}

export function listWindow(items: readonly unknown[], limit: number, tail: number): ListWindow {
  const n = items.length;
  let held = 0;
  for (let i = 0; i < n; i++) if (i in items) held++;
  const remote = held < n;
  const shown: number[] = [];
  let next: number | undefined;
  for (let i = 0; i < n; i++) {
    if (remote ? i in items : i < limit || i >= tail) shown.push(i);
    else next ??= i;
  }
  return { shown, remote, ...(next !== undefined && { next }) };
}
