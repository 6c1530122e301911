import { estimateJaccard, intersectionSize, licenseWords, shingles } from './normalize.js';
import { type LicenseTemplate, licenseTemplates, templateOf } from './templates.js';

/** Dice similarity from which a text is taken to be a given licence. */
export const MATCH_THRESHOLD = 0.8;
/** Share of a licence's fingerprint that must occur in a text for it to "contain" the licence. */
export const CONTAINMENT_THRESHOLD = 0.9;
/** Bottom-k sketch size of the cheap first comparison. */
const SKETCH = 128;
/** Templates whose estimated Jaccard similarity is below this are not compared exactly. */
const PREFILTER = 0.2;

/** How a text compares with the SPDX licence texts. */
export interface Identification {
  /** The licence the text is (Dice ≥ {@link MATCH_THRESHOLD}), if any. */
  readonly id?: string;
  /** Best Dice similarity found (0–1, rounded to 3 places) and the licence it was with. */
  readonly best?: { id: string; score: number };
  /** Other licences with the same best score (identical texts, e.g. `-only` / `-or-later`). */
  readonly alternatives: readonly string[];
  /** The text's fingerprint, for containment checks. */
  readonly fingerprint: Uint32Array;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Dice similarity of two fingerprints. */
function dice(a: Uint32Array, b: Uint32Array): number {
  return a.length + b.length === 0 ? 0 : (2 * intersectionSize(a, b)) / (a.length + b.length);
}

/**
 * Identifies licence text by normalised full-text similarity with every SPDX licence text:
 * a size filter and a bottom-k sketch pick candidates, then exact 3-gram Dice decides.
 */
export function identifyLicenseText(text: string): Identification {
  const fingerprint = shingles(licenseWords(text));
  if (fingerprint.length < 5) return { alternatives: [], fingerprint };
  let scored: { template: LicenseTemplate; score: number }[] = [];
  for (const template of licenseTemplates()) {
    const ratio = template.fingerprint.length / fingerprint.length;
    if (ratio < 0.4 || ratio > 2.5) continue;
    if (estimateJaccard(fingerprint, template.fingerprint, SKETCH) < PREFILTER) continue;
    scored.push({ template, score: dice(fingerprint, template.fingerprint) });
  }
  scored = scored.sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (!top) return { alternatives: [], fingerprint };
  const best = { id: top.template.id, score: round(top.score) };
  const alternatives = scored.slice(1).filter((s) => top.score - s.score < 0.002).map((s) => s.template.id);
  return { ...(top.score >= MATCH_THRESHOLD && { id: top.template.id }), best, alternatives, fingerprint };
}

/**
 * Share (0–1) of an SPDX licence's text found in a text's fingerprint: high when the file holds
 * that licence among other text. Undefined when the id has no SPDX text.
 */
export function containment(fingerprint: Uint32Array, id: string): number | undefined {
  const template = templateOf(id);
  if (!template) return undefined;
  return round(intersectionSize(fingerprint, template.fingerprint) / template.fingerprint.length);
}
