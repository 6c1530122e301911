import * as pep440 from '@renovatebot/pep440';

/**
 * Converts a Poetry version constraint to a PEP 440 specifier: `^1.2.3` → `>=1.2.3,<2.0.0`,
 * `~1.2` → `>=1.2,<1.3`, `1.2.3` → `==1.2.3`, `*` → ''. PEP 440 clauses pass through.
 * Returns undefined when the constraint cannot be understood (`||` alternatives).
 */
export function poetryToPep440(constraint: string): string | undefined {
  const text = constraint.trim();
  if (text === '' || text === '*') return '';
  if (text.includes('||') || text.includes('|')) return undefined;
  const parts = text.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const caret = /^\^\s*(.+)$/.exec(part);
    const tilde = /^~(?!=)\s*(.+)$/.exec(part);
    if (caret || tilde) {
      const version = (caret ?? tilde)![1]!;
      const release = pep440.explain(version)?.release;
      if (!release) return undefined;
      const upper = caret ? caretUpper(release) : tildeUpper(release);
      out.push(`>=${version}`, `<${upper}`);
    } else if (/^[<>=!~]/.test(part)) {
      out.push(part.replace(/^=(?!=)/, '=='));
    } else if (/\*/.test(part)) {
      out.push(`==${part}`);
    } else {
      out.push(`==${part}`);
    }
  }
  return out.join(',');
}

function caretUpper(release: number[]): string {
  const index = release.findIndex((n) => n !== 0);
  const at = index === -1 ? Math.max(0, release.length - 1) : index;
  const upper = release.slice(0, at + 1);
  upper[at] = upper[at]! + 1;
  return upper.join('.');
}

function tildeUpper(release: number[]): string {
  if (release.length === 1) return `${release[0]! + 1}`;
  return `${release[0]}.${release[1]! + 1}`;
}
