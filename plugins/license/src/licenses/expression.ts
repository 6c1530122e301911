import parse from 'spdx-expression-parse';

/** A parsed licence expression: a licence (with its exception) or a conjunction. */
export type LicenseNode =
  | { license: string; plus?: boolean; exception?: string }
  | { left: LicenseNode; conjunction: 'and' | 'or'; right: LicenseNode };

/** Parses a canonical SPDX expression; throws on syntax errors. */
export function parseExpression(expression: string): LicenseNode {
  return parse(expression) as LicenseNode;
}

/** Every licence id in the tree (with `+` kept as a suffix), in order, without duplicates. */
export function leaves(node: LicenseNode): string[] {
  const out: string[] = [];
  const walk = (n: LicenseNode): void => {
    if ('license' in n) {
      const id = n.plus ? `${n.license}+` : n.license;
      if (!out.includes(id)) out.push(id);
    } else {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return out;
}

/**
 * The choices a licensee has: each is a set of licence ids that all apply together. `A OR B`
 * gives two choices, `A AND B` one. Capped so a hostile expression cannot explode.
 */
export function choices(node: LicenseNode, cap = 64): string[][] {
  if ('license' in node) return [[node.plus ? `${node.license}+` : node.license]];
  const left = choices(node.left, cap);
  const right = choices(node.right, cap);
  if (node.conjunction === 'or') return [...left, ...right].slice(0, cap);
  const out: string[][] = [];
  for (const a of left) for (const b of right) if (out.length < cap) out.push([...new Set([...a, ...b])]);
  return out;
}

/** Joins expressions with AND, parenthesising compound ones; undefined when there are none. */
export function andAll(expressions: readonly string[]): string | undefined {
  const unique = [...new Set(expressions)];
  if (unique.length <= 1) return unique[0];
  return unique.map((e) => (/\s(AND|OR)\s/.test(e) ? `(${e})` : e)).join(' AND ');
}
