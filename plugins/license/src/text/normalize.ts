/** Lines that vary between copies of the same licence and are dropped before comparing. */
const VARIABLE_LINE = /^\s*[#*>/-]*\s*(copyright\b|\(c\)|©|all rights reserved\b|portions copyright\b|\[?yyyy\]?\s|<year>)/i;

/**
 * Normalises licence text for comparison, so reflowed whitespace, punctuation, case, quotes,
 * British spelling and copyright lines make no difference. Returns the words.
 */
export function licenseWords(text: string): string[] {
  const kept = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !VARIABLE_LINE.test(line))
    .join('\n');
  return kept
    .toLowerCase()
    .replace(/https?:\/\/(www\.)?/g, '')
    .replace(/licen[cs]/g, 'licens')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** FNV-1a hash of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The set of hashed word 3-grams of normalised licence words, sorted ascending and without
 * duplicates: the fingerprint texts are compared by. Its first entries form a bottom-k sketch.
 */
export function shingles(words: readonly string[]): Uint32Array {
  const hashes = words.map(hashWord);
  if (hashes.length < 3) return Uint32Array.from(new Set(hashes)).sort();
  const out = new Uint32Array(hashes.length - 2);
  for (let i = 0; i < out.length; i++) {
    let h = Math.imul(hashes[i]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ hashes[i + 1]! ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ hashes[i + 2]! ^ (h >>> 16), 0x27d4eb2f);
    out[i] = (h ^ (h >>> 15)) >>> 0;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** Size of the intersection of two sorted, duplicate-free arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      count++;
      i++;
      j++;
    }
  }
  return count;
}

/** Estimated Jaccard similarity from the bottom-`k` entries of two sorted fingerprints. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array, k: number): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}
