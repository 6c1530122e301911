/**
 * Whether `a` and `b` are exactly one edit apart: one insertion, deletion or substitution of a
 * character, or one swap of two adjacent characters (optimal string alignment distance 1).
 */
export function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < la; i++) {
      if (a[i] !== b[i]) {
        if (++diffs > 2) return false;
        if (first === -1) first = i;
      }
    }
    if (diffs === 1) return true;
    return diffs === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
  }
  const [short, long] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
