import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import type { ScanRecord } from '../scans/scan-record.js';

/** Scan ids are UUIDs; anything else is unknown by construction. */
export const SCAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The scan named in the URL, or a 404. */
export function findScan(context: ServerContext, id: string): ScanRecord {
  const scan = SCAN_ID.test(id) ? context.store.get(id) : undefined;
  if (!scan) throw new HttpError(404, `no scan with id "${id.slice(0, 100)}"`);
  return scan;
}
