import type { FileHandle } from '@modelgate/plugin-api';
import { decodeText, type NotText } from '../text/decode.js';
import { type Identification, identifyLicenseText } from '../text/identify.js';

/** Bytes of a licence file compared: longer files are compared on their start only. */
export const LICENSE_READ_BYTES = 64 * 1024;

/** What a LICENSE / LICENCE / COPYING file turned out to be. */
export interface LicenseFile {
  readonly path: string;
  readonly size: number;
  /** Only the first {@link LICENSE_READ_BYTES} bytes were read. */
  readonly truncated: boolean;
  /** Set when the file is not text (it is then not treated as a licence). */
  readonly notText?: NotText;
  readonly identification?: Identification;
}

/** Reads the start of a licence file (bounded) and identifies it against the SPDX texts. */
export async function readLicenseFile(file: FileHandle, path: string): Promise<LicenseFile> {
  const truncated = file.size > LICENSE_READ_BYTES;
  const bytes = await file.read(0, Math.min(file.size, LICENSE_READ_BYTES));
  const decoded = decodeText(bytes, truncated);
  if ('notText' in decoded) return { path, size: file.size, truncated, notText: decoded.notText };
  return { path, size: file.size, truncated, identification: identifyLicenseText(decoded.text) };
}

const LICENSE_NAME = /^(licen[cs]e|copying|unlicen[cs]e)([-._][A-Za-z0-9._-]*)?$/i;
const NOT_LICENSE_TEXT = /\.(py|js|mjs|cjs|ts|json|ya?ml|toml|sh|c|h|cpp|rs|go|java|html?|css|png|jpe?g|gif|pdf|docx?)$/i;

/** True for names of licence files: `LICENSE`, `LICENCE.md`, `COPYING.txt`, `LICENSE-MIT`, … */
export function isLicenseFileName(name: string): boolean {
  return LICENSE_NAME.test(name) && !NOT_LICENSE_TEXT.test(name);
}
