const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * Parses `123`, `10MB`, `1.5GiB`, `2g` (binary units, case-insensitive) into bytes.
 * Throws on anything else.
 */
export function parseByteSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value) ?? /^\s*(\d+(?:\.\d+)?)\s*(b)\s*$/i.exec(value);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) throw new Error(`not a byte size: "${value}" (try 500MB or 2GiB)`);
  return Math.floor(Number(match[1]) * unit);
}
