import type { Machine, StreamOutcome } from '../machine/machine.js';
import { dangerousGlobal, hiddenStream, resourceLimit, unknownGlobal, unknownGlobalCall } from '../rules/index.js';
import type { AnalysisSink } from './sink.js';

/** Where a stream sits, for evidence: its index and, for nested pickles, the chain of loaders. */
export interface StreamContext {
  stream: number;
  /** Offset added to machine offsets to get file offsets (0 unless nested). */
  nestedAt?: number;
  nested?: string[];
  /** Bytes of non-pickle data skipped before this stream. */
  skipped: number;
  /** Report malformed-stream faults (false for files only named like pickles). */
  reportFaults: boolean;
}

/** Turns what one stream's machine found into findings, inventory and failures. */
export function reportStream(machine: Machine, outcome: StreamOutcome, where: StreamContext, sink: AnalysisSink): void {
  const place = (at: number) => (where.nestedAt === undefined ? at : where.nestedAt);
  const base = (at: number): Record<string, unknown> => ({
    stream: where.stream,
    ...(where.nested && { nested: where.nested, nestedOffset: at }),
  });
  for (const record of machine.globals.records.values()) {
    const global = record.path === `${record.module}.${record.name}` ? record.path : `${record.module}.${record.name} (${record.path})`;
    const called = record.calls > 0;
    const evidence = {
      ...base(called ? record.callAt! : record.firstAt),
      module: record.module,
      name: record.name,
      path: record.path,
      opcode: called ? record.callOpcode : record.opcode,
      references: record.references,
      calls: record.calls,
      ...(called && { call: record.callRepr }),
    };
    const at = place(called ? record.callAt! : record.firstAt);
    if (record.verdict.level === 'deny') {
      const category = record.verdict.category;
      if (called) sink.finding({ rule: dangerousGlobal, messageId: 'call', data: { global, category, call: record.callRepr! }, at, evidence: { ...evidence, matched: record.verdict.matched } });
      else sink.finding({ rule: dangerousGlobal, messageId: 'reference', data: { global, category }, at, evidence: { ...evidence, matched: record.verdict.matched } });
    } else if (record.verdict.level === 'unknown') {
      if (called) sink.finding({ rule: unknownGlobalCall, messageId: 'call', data: { global, call: record.callRepr! }, at, evidence });
      else sink.finding({ rule: unknownGlobal, messageId: 'reference', data: { global }, at, evidence });
    }
  }
  sink.imports(machine.globals.records.values());
  for (const event of machine.events) {
    sink.finding({ rule: event.rule, messageId: event.messageId, data: event.data, at: place(event.at), evidence: { ...base(event.at), ...event.evidence } });
    if (event.rule === resourceLimit && event.messageId === 'limit') {
      sink.fail('LIMIT_PICKLE', `stream ${where.stream}: ${String(event.data['what'])} over the limit of ${String(event.data['limit'])}; values past it were not tracked`);
    }
  }
  if (where.skipped > 0 && machine.globals.records.size > 0) {
    sink.finding({ rule: hiddenStream, messageId: 'hidden', data: { stream: where.stream, globals: machine.globals.records.size, skipped: where.skipped }, at: place(outcome.end), evidence: base(0) });
  }
  const fault = outcome.fault;
  if (!fault) return;
  if (fault.kind === 'limit') {
    sink.finding({ rule: fault.rule, messageId: fault.messageId, data: fault.data, at: place(fault.at), evidence: base(fault.at) });
    sink.fail('LIMIT_PICKLE', `stream ${where.stream}: ${String(fault.data['what'])} over the limit of ${String(fault.data['limit'])}; the rest of the stream was not analysed`);
  } else if (where.reportFaults) {
    sink.finding({ rule: fault.rule, messageId: fault.messageId, data: fault.data, at: place(fault.at), evidence: base(fault.at) });
  }
}
