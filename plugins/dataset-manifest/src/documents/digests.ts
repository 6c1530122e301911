import type { DeclaredDigest } from './model.js';

/** Hex digits of each digest algorithm documents use. */
export const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = {
  md5: 32,
  sha1: 40,
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

/** Algorithms broken for integrity. */
export const WEAK_ALGORITHMS = new Set(['md5', 'sha1']);

/** A declared digest after validation. */
export type CheckedDigest =
  | { ok: true; algorithm: string; hex: string }
  | { ok: false; algorithm: string; problem: 'length'; length: number; expected: number }
  | { ok: false; algorithm: string; problem: 'alphabet' }
  | { ok: false; algorithm: string; problem: 'type'; type: string };

/**
 * Validates one declared digest: a string of hex digits (either case, normalised to lower case)
 * of exactly the length its algorithm has. Nothing else is accepted: a truncated or padded
 * digest can never match, and accepting a prefix would be a verification bypass.
 */
export function checkDigest(digest: DeclaredDigest): CheckedDigest {
  const { algorithm, value } = digest;
  if (typeof value !== 'string') return { ok: false, algorithm, problem: 'type', type: value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value };
  if (!/^[0-9a-fA-F]*$/.test(value)) return { ok: false, algorithm, problem: 'alphabet' };
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected !== undefined && value.length !== expected) return { ok: false, algorithm, problem: 'length', length: value.length, expected };
  return { ok: true, algorithm, hex: value.toLowerCase() };
}

/** Splits `sha256:abc…` (OCI / in-toto style) into a declared digest; undefined otherwise. */
export function splitPrefixedDigest(value: unknown): DeclaredDigest | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([a-zA-Z0-9]+)[:-](.*)$/.exec(value);
  if (!match || DIGEST_HEX_LENGTH[match[1]!.toLowerCase()] === undefined) return undefined;
  return { algorithm: match[1]!.toLowerCase(), value: match[2] };
}
