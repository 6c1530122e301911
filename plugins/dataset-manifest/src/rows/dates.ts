const DAY_MS = 86_400_000;

/** A declared date range, inclusive; a date-only end covers its whole day. */
export interface DateBounds {
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/**
 * Milliseconds of an ISO-8601 date or date-time (`2024-01-31`, `2024-01-31T12:00:00Z`, a space
 * instead of `T`), a Date, or undefined. A time without a zone is read as UTC, so results do not
 * depend on the machine's time zone.
 */
export function parseDate(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const iso = text.replace(' ', 'T');
  const zoned = iso.length > 10 && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : iso;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Bounds from a declared range; undefined when either end is not a date. */
export function parseBounds(range: { start: string; end: string }): DateBounds | undefined {
  const startMs = parseDate(range.start);
  const endMs = parseDate(range.end);
  if (startMs === undefined || endMs === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(range.end.trim());
  return { start: range.start, end: range.end, startMs, endMs: dateOnly ? endMs + DAY_MS - 1 : endMs };
}

/** Counts values outside a range and remembers the smallest and largest seen. */
export class DateTally {
  outside = 0;
  seen = 0;
  min: string | undefined;
  max: string | undefined;
  private minMs = Infinity;
  private maxMs = -Infinity;

  constructor(private readonly bounds: DateBounds) {}

  /** Adds one value; values that are not dates are ignored. */
  add(value: unknown): void {
    const ms = parseDate(value);
    if (ms === undefined) return;
    this.seen++;
    const text = value instanceof Date ? value.toISOString() : String(value).trim();
    if (ms < this.minMs) [this.minMs, this.min] = [ms, text];
    if (ms > this.maxMs) [this.maxMs, this.max] = [ms, text];
    if (ms < this.bounds.startMs || ms > this.bounds.endMs) this.outside++;
  }
}
