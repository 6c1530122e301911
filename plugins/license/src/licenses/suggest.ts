import { HF_LICENSE_IDS } from './hf-ids.js';
import { allSpdxIds } from './spdx-ids.js';

/** Lower-case, without separators: `Apache 2.0` and `apache-2.0` compare equal. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9+]/g, '');
}

/** Levenshtein distance, giving up (returning `max + 1`) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

let candidates: { id: string; squashed: string }[] | undefined;

/**
 * The closest known id (Hugging Face licence id or SPDX id) to an unknown licence value, for a
 * hint in a finding only: the plugin never applies it. Undefined when nothing is close.
 */
export function suggestLicense(value: string): string | undefined {
  candidates ??= [...Object.keys(HF_LICENSE_IDS), ...allSpdxIds()].map((id) => ({ id, squashed: squash(id) }));
  const target = squash(value.replace(/\b(the|licen[cs]e|version|agreement)\b/gi, ' '));
  if (target.length < 2 || target.length > 64) return undefined;
  const max = target.length <= 4 ? 1 : 2;
  let best: { id: string; distance: number } | undefined;
  for (const { id, squashed } of candidates) {
    const distance = squashed === target ? 0 : editDistance(target, squashed, max);
    if (distance <= max && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id;
}
