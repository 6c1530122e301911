import { open } from 'node:fs/promises';
import type { DirectoryHandle } from '@modelgate/plugin-api';
import { DocumentError } from '../documents/model.js';

/** Front matter must sit in the first MiB of a card. */
const FRONT_MATTER_BYTES = 1024 * 1024;

/** How much of a document to read: all of it up to the limit, or only a card's head. */
export interface TextLimit {
  maxBytes: number;
  /** Read only the first bytes instead of refusing a larger file (cards). */
  headOnly?: boolean;
}

/** The limit for a card's front matter. */
export const CARD_LIMIT: TextLimit = { maxBytes: FRONT_MATTER_BYTES, headOnly: true };

/** Reads a document of the scan as UTF-8, bounded. */
export async function loadScanText(directory: DirectoryHandle, path: string, limit: TextLimit): Promise<string> {
  const file = await directory.open(path);
  if (file.size > limit.maxBytes && !limit.headOnly) throw tooLarge(file.size, limit.maxBytes);
  return file.text(Math.min(file.size, limit.maxBytes));
}

/**
 * Reads a document outside the scan (`--manifest` elsewhere), bounded: the file the user named
 * as the reference, never a file the scanned directory points to.
 */
export async function loadExternalText(path: string, limit: TextLimit): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit.maxBytes && !limit.headOnly) throw tooLarge(size, limit.maxBytes);
    const buffer = Buffer.alloc(Math.min(size, limit.maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, max: number): DocumentError {
  return new DocumentError('DOCUMENT_TOO_LARGE', `${size} bytes is over the ${max}-byte document limit (option maxDocumentBytes)`);
}
