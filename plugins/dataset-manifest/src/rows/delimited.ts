const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const MAX_FIELD_BYTES = 4096;

/** What {@link countDelimited} found. */
export interface DelimitedCount {
  /** Data records (the header excluded when there is one); blank lines are not records. */
  rows: number;
  /** Header fields, when `header` is on. */
  columns: string[];
}

/**
 * Counts the records of CSV or TSV data as RFC 4180 readers do: newlines inside double quotes
 * are part of a field, CRLF, LF and lone CR end records, blank lines are skipped. Streams the
 * bytes once; when `column` names a header field, each record's value of it goes to `onValue`
 * (fields over 4 KiB are cut).
 */
export async function countDelimited(
  chunks: AsyncIterable<Uint8Array>,
  options: { delimiter: number; header: boolean; column?: string; onValue?: (value: string) => void; signal?: AbortSignal },
): Promise<DelimitedCount> {
  const decoder = new TextDecoder();
  let inQuotes = false;
  let prevCR = false;
  let content = false;
  let field = 0;
  let records = 0;
  let target = options.header ? -1 : -2;
  let fieldBytes: number[] = [];
  let headerFields: string[] = [];
  const capturing = () => (records === 0 && options.header) || field === target;
  const endField = () => {
    if (records === 0 && options.header) headerFields.push(decoder.decode(Uint8Array.from(fieldBytes)));
    else if (field === target) options.onValue?.(decoder.decode(Uint8Array.from(fieldBytes)));
    fieldBytes = [];
  };
  const endRecord = () => {
    if (!content) return;
    endField();
    if (records === 0 && options.header) {
      headerFields = headerFields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim());
      target = options.column === undefined ? -2 : headerFields.indexOf(options.column);
    }
    records++;
    field = 0;
    content = false;
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) break;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (inQuotes) {
        if (b === QUOTE) inQuotes = false;
        else if (capturing() && fieldBytes.length < MAX_FIELD_BYTES) fieldBytes.push(b);
        continue;
      }
      if (b === LF && prevCR) {
        prevCR = false;
        continue;
      }
      prevCR = false;
      if (b === LF || b === CR) {
        prevCR = b === CR;
        endRecord();
      } else if (b === options.delimiter) {
        endField();
        field++;
        content = true;
      } else {
        content = true;
        if (b === QUOTE) inQuotes = true;
        else if (capturing() && fieldBytes.length < MAX_FIELD_BYTES) fieldBytes.push(b);
      }
    }
  }
  endRecord();
  return { rows: options.header ? Math.max(0, records - 1) : records, columns: headerFields };
}
