import { type LicenseNode, parseExpression } from './expression.js';
import { HF_LICENSE_IDS, HF_LICENSE_NAMES } from './hf-ids.js';
import { canonicalSpdxId } from './spdx-ids.js';
import { suggestLicense } from './suggest.js';
import { isKnownId } from './traits.js';

/** What a declared licence value (a card's `license:`, a manifest's `license`, …) resolves to. */
export interface ResolvedLicense {
  /** The value as written. */
  readonly raw: string;
  /** Canonical SPDX expression (with `LicenseRef-`s), when the value parsed. */
  readonly expression?: string;
  readonly tree?: LicenseNode;
  /** Parts that are neither SPDX ids nor known model licences (as written). */
  readonly unknown: readonly string[];
  /** Set when the value is not a licence expression at all. */
  readonly unparsable?: string;
  /** A close known id, for hints only. */
  readonly suggestion?: string;
  /** The value was Hugging Face's `unknown`: the author does not know the licence. */
  readonly declaredUnknown?: boolean;
}

const OPERATORS = new Set(['AND', 'OR', 'WITH']);
const MAX_VALUE_LENGTH = 1000;

/** A `LicenseRef-` id made from free text (letters, digits, `.` and `-` only). */
export function toLicenseRef(text: string): string {
  const id = text.trim().replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  return `LicenseRef-${id || 'unnamed'}`;
}

/** Maps one token of an expression to a canonical id; `known` is false for unknown tokens. */
function mapToken(token: string): { id: string; known: boolean } {
  const plus = token.endsWith('+') && token.length > 1 && !HF_LICENSE_IDS[token.toLowerCase()] ? '+' : '';
  const bare = plus ? token.slice(0, -1) : token;
  const lower = bare.toLowerCase();
  const hf = HF_LICENSE_IDS[token.toLowerCase()] ?? HF_LICENSE_NAMES[token.toLowerCase()];
  if (hf) return { id: hf, known: true };
  const spdx = canonicalSpdxId(bare);
  if (spdx) return { id: `${spdx}${plus}`, known: true };
  if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/i.test(bare)) {
    const ref = bare.replace(/^licenseref-/i, 'LicenseRef-');
    return { id: ref, known: isKnownId(ref) };
  }
  return { id: toLicenseRef(lower), known: false };
}

/**
 * Resolves a declared licence value: a Hugging Face id (by the explicit table), an SPDX id or
 * expression (ids matched case-insensitively, as SPDX specifies), or a `LicenseRef-`. Unknown
 * names become `LicenseRef-<name>` and are listed in `unknown`, with a suggestion when close.
 */
export function resolveLicense(raw: string): ResolvedLicense {
  const value = raw.trim();
  if (value === '') return { raw, unknown: [], unparsable: 'empty value' };
  if (value.length > MAX_VALUE_LENGTH) return { raw: raw.slice(0, 200), unknown: [], unparsable: `longer than ${MAX_VALUE_LENGTH} characters` };
  if (value.toLowerCase() === 'unknown') return { raw, unknown: [], declaredUnknown: true };
  const whole = HF_LICENSE_IDS[value.toLowerCase()] ?? HF_LICENSE_NAMES[value.toLowerCase()];
  if (whole) return { raw, expression: whole, tree: parseExpression(whole), unknown: [] };

  const tokens = value.replace(/([()])/g, ' $1 ').split(/\s+/).filter(Boolean);
  const unknown: string[] = [];
  let afterWith = false;
  const mapped = tokens.map((token) => {
    const upper = token.toUpperCase();
    if (OPERATORS.has(upper)) {
      afterWith = upper === 'WITH';
      return upper;
    }
    if (token === '(' || token === ')') return token;
    if (afterWith) {
      afterWith = false;
      return token;
    }
    const { id, known } = mapToken(token);
    if (!known) unknown.push(token);
    return id;
  });
  try {
    const expression = mapped.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
    const tree = parseExpression(expression);
    const suggestion = unknown.length === 1 ? suggestLicense(unknown[0]!) : undefined;
    return { raw, expression, tree, unknown, ...(suggestion && { suggestion }) };
  } catch (error) {
    // Free text such as "Apache 2.0" or "Llama 3 Community License": one unknown licence name
    // unless it uses expression syntax, which then does not parse.
    if (tokens.some((t) => OPERATORS.has(t.toUpperCase()) || t === '(' || t === ')')) {
      return { raw, unknown: [], unparsable: (error as Error).message };
    }
    const expression = toLicenseRef(value.toLowerCase());
    const suggestion = suggestLicense(value);
    return { raw, expression, tree: parseExpression(expression), unknown: [value], ...(suggestion && { suggestion }) };
  }
}
