import type { NestedCall } from '../machine/nested-call.js';
import { LIMITS } from '../machine/limits.js';
import { nestedPickle } from '../rules/index.js';
import { memorySource } from '../source/byte-source.js';
import type { AnalyseOptions, AnalyseResult } from './analyse.js';
import { materialize } from './materialize.js';

type Analyse = (source: ReturnType<typeof memorySource>, options: AnalyseOptions) => Promise<AnalyseResult>;

/**
 * Analyses the data handed to loader-like callables (`pickle.loads(b'…')`,
 * `pickle.loads(base64.b64decode('…'))`) as pickles of their own, depth-limited. Findings
 * inside point at the outer call and carry the chain of loaders in their evidence.
 */
export async function analyseNested(calls: readonly NestedCall[], stream: number, options: AnalyseOptions, analyse: Analyse): Promise<void> {
  for (const call of calls) {
    const at = options.nestedAt ?? call.at;
    const chain = [...(options.nested ?? []), `stream ${stream}: ${call.loader} at ${call.at}`];
    const depth = (options.depth ?? 0) + 1;
    const evidence = { stream, loader: call.loader, nested: chain };
    if (depth > LIMITS.maxNestedDepth) {
      options.sink.finding({ rule: nestedPickle, messageId: 'opaque', data: { loader: call.loader, reason: `nested more than ${LIMITS.maxNestedDepth} levels deep` }, at, evidence });
      options.sink.fail('LIMIT_PICKLE', `pickles nested more than ${LIMITS.maxNestedDepth} levels deep were not analysed`);
      continue;
    }
    const data = await materialize(call.argument);
    if ('reason' in data) {
      options.sink.finding({ rule: nestedPickle, messageId: 'opaque', data: { loader: call.loader, reason: data.reason }, at, evidence });
      continue;
    }
    if (data.bytes[0] === 0x50 && data.bytes[1] === 0x4b) {
      options.sink.finding({ rule: nestedPickle, messageId: 'opaque', data: { loader: call.loader, reason: `${data.bytes.length} bytes of zip data (a nested checkpoint)` }, at, evidence });
      options.sink.fail('NOT_ANALYSABLE', `a zip checkpoint nested inside a pickle (passed to ${call.loader}) was not analysed`);
      continue;
    }
    options.sink.finding({ rule: nestedPickle, messageId: 'nested', data: { loader: call.loader, size: data.bytes.length, stream }, at, evidence });
    await analyse(memorySource(data.bytes), { ...options, strict: true, start: 0, nestedAt: at, nested: chain, depth });
  }
}
