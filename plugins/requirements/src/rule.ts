import type { RuleMeta } from '@modelgate/plugin-api';

/**
 * A rule of this plugin: its name (without the `requirements/` namespace) and its declared meta.
 * `M` is the union of its message ids, so reporting an undeclared message fails to compile.
 */
export interface Rule<M extends string = string> {
  readonly name: string;
  readonly meta: RuleMeta & { messages: Record<M, string> };
}

/** Declares a rule; see {@link Rule}. */
export function defineRule<M extends string>(
  name: string,
  meta: RuleMeta & { messages: Record<M, string> },
): Rule<M> {
  return { name, meta };
}
