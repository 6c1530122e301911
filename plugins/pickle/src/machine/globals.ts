import type { Verdict } from '../policy/classify.js';

/** One distinct global imported by a stream, with how it was used. */
export interface GlobalRecord {
  module: string;
  name: string;
  /** Normalised dotted path (`builtins.eval`) after Python 2 mapping. */
  path: string;
  verdict: Verdict;
  /** Opcode that imported it first (GLOBAL, STACK_GLOBAL, INST). */
  opcode: string;
  firstAt: number;
  references: number;
  calls: number;
  /** Offset and rendering of the first call. */
  callAt?: number;
  callRepr?: string;
  callOpcode?: string;
}

/** The globals of one stream, by module and name. */
export class GlobalTable {
  readonly records = new Map<string, GlobalRecord>();

  /** Records one import and returns its (shared) record. */
  add(module: string, name: string, opcode: string, at: number, classify: (module: string, name: string) => { path: string; verdict: Verdict }): GlobalRecord {
    const key = `${module}\n${name}`;
    let record = this.records.get(key);
    if (!record) {
      const { path, verdict } = classify(module, name);
      record = { module, name, path, verdict, opcode, firstAt: at, references: 0, calls: 0 };
      this.records.set(key, record);
    }
    record.references++;
    return record;
  }
}
