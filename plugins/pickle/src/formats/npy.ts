import type { FileHandle } from '@modelgate/plugin-api';

/** What the header of a `.npy` file says. */
export interface NpyHeader {
  /** Offset of the array data (the pickle, for object arrays). */
  dataOffset: number;
  descr: string;
  isObject: boolean;
}

/**
 * Reads a `.npy` header (`\x93NUMPY`, version, little-endian header length, a Python dict
 * literal). Returns undefined when the header is not readable.
 */
export async function readNpyHeader(file: FileHandle): Promise<NpyHeader | undefined> {
  const head = await file.read(0, 12);
  if (head.length < 10) return undefined;
  const major = head[6]!;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const lengthSize = major >= 2 ? 4 : 2;
  if (head.length < 8 + lengthSize) return undefined;
  const headerLength = lengthSize === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > 1 << 20) return undefined;
  const headerStart = 8 + lengthSize;
  const text = new TextDecoder('latin1').decode(await file.read(headerStart, headerLength));
  const descr = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(text)?.[2] ?? /['"]descr['"]\s*:\s*(\[[^\]]*\])/.exec(text)?.[1];
  if (descr === undefined) return undefined;
  // Structured dtypes with an object field ('O') also make numpy pickle the data.
  const isObject = /(^|[^A-Za-z])\|?O\d*(['"]|$)/.test(descr) || descr === '|O' || descr === 'O';
  return { dataOffset: headerStart + headerLength, descr, isObject };
}
