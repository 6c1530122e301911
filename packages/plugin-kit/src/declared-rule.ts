import type { RuleMeta } from '@modelgate/plugin-api';

/**
 * A rule reduced to what a plugin needs to report it: its name (without the namespace) and its
 * declared meta. `M` is the union of its message ids, so reporting an undeclared message fails to
 * compile. (For message data checked against the templates too, see {@link defineRule}.)
 */
export interface DeclaredRule<M extends string = string> {
  readonly name: string;
  readonly meta: RuleMeta & { messages: Record<M, string> };
}

/** Declares a rule; see {@link DeclaredRule}. */
export function declareRule<M extends string>(name: string, meta: RuleMeta & { messages: Record<M, string> }): DeclaredRule<M> {
  return { name, meta };
}
