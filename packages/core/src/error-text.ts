import { ScanAbortedError } from './scan-deadline.js';

/** The code a report error gets for a thrown value: its `code`, TIMEOUT/CANCELLED for an abort, else ERROR. */
export function errorCode(error: unknown): string {
  if (error instanceof ScanAbortedError) return error.reason === 'timeout' ? 'TIMEOUT' : 'CANCELLED';
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

/** The message of a thrown value, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
