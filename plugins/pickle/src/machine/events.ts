import type { Rule } from '../rule.js';

/** Something the machine found that is not a global: reported as its own finding. */
export interface MachineEvent {
  rule: Rule;
  messageId: string;
  data: Record<string, string | number>;
  /** Offset of the opcode in the analysed source. */
  at: number;
  evidence?: Record<string, unknown>;
}

/**
 * Why a stream stopped before STOP: the loader would raise here. It ends the machine's loop and is
 * always caught by the analyser, so it carries no stack: capturing one costs more than analysing a
 * small malformed file.
 */
export class PickleFault extends Error {
  readonly rule: Rule;
  readonly messageId: string;
  readonly data: Record<string, string | number>;
  readonly at: number;
  /** `limit` faults also make the file's analysis incomplete. */
  readonly kind: 'malformed' | 'limit';

  constructor(rule: Rule, messageId: string, data: Record<string, string | number>, at: number, kind: 'malformed' | 'limit' = 'malformed') {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${rule.name}/${messageId}`);
    Error.stackTraceLimit = stackTraceLimit;
    this.rule = rule;
    this.messageId = messageId;
    this.data = data;
    this.at = at;
    this.kind = kind;
  }
}
