import type { FindingReport, RuleMeta, ScanContext } from '@modelgate/plugin-api';

/** The placeholder names of a message template, as a union: `'a' | 'b'` for `"{{a}} and {{ b }}"`. */
export type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}` ? Trim<Name> | Placeholders<Rest> : never;
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The data a message needs: one value per placeholder. */
export type MessageData<T extends string> = Record<Placeholders<T>, string | number>;

/** Where and what else to report, besides rule, message and data. */
export type ReportExtras = Omit<FindingReport, 'rule' | 'messageId' | 'data'>;

/** A declared rule that reports only its own messages, with exactly the data they need (checked by the compiler). */
export interface Rule<M extends Record<string, string>> {
  readonly name: string;
  readonly meta: RuleMeta & { messages: M };
  report<K extends keyof M & string>(ctx: ScanContext, messageId: K, data: MessageData<M[K]>, extras?: ReportExtras): void;
}

/**
 * Declares a rule. Message templates are kept as literal types, so `rule.report(ctx, 'id', data)`
 * fails to compile for an unknown message id or a missing placeholder.
 *
 * ```ts
 * const tooLarge = defineRule('header-too-large', {
 *   description: 'The header is larger than the loader accepts.',
 *   defaultSeverity: 'high',
 *   messages: { tooLarge: 'Header of {{size}} bytes exceeds {{limit}}.' },
 * });
 * tooLarge.report(ctx, 'tooLarge', { size: 1, limit: 2 }, { location: { byteOffset: 0 } });
 * ```
 */
export function defineRule<const M extends Record<string, string>>(name: string, meta: Omit<RuleMeta, 'messages'> & { messages: M }): Rule<M> {
  return {
    name,
    meta,
    report(ctx, messageId, data, extras = {}) {
      ctx.report({ ...extras, rule: name, messageId, data: data as Record<string, string | number> });
    },
  };
}

/** The `rules` record of a plugin, from its rule objects. */
export function rulesRecord(rules: readonly Rule<Record<string, string>>[]): Record<string, RuleMeta> {
  return Object.fromEntries(rules.map((rule) => [rule.name, rule.meta]));
}
