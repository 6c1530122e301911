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

/** Why a stream stopped before STOP: the loader would raise here. */
export class PickleFault extends Error {
  constructor(
    readonly rule: Rule,
    readonly messageId: string,
    readonly data: Record<string, string | number>,
    readonly at: number,
    /** `limit` faults also make the file's analysis incomplete. */
    readonly kind: 'malformed' | 'limit' = 'malformed',
  ) {
    super(`${rule.name}/${messageId}`);
  }
}
