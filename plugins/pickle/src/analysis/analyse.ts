import { LIMITS } from '../machine/limits.js';
import { Machine, type StreamOutcome } from '../machine/machine.js';
import { OPCODE_NAMES } from '../machine/opcodes.js';
import { Reader } from '../machine/reader.js';
import type { Verdict } from '../policy/classify.js';
import type { ByteSource } from '../source/byte-source.js';
import { analyseNested } from './nested.js';
import { reportStream, type StreamContext } from './report-stream.js';
import type { AnalysisSink } from './sink.js';

/** How to analyse one source of pickle data. */
export interface AnalyseOptions {
  classify: (module: string, name: string) => { path: string; verdict: Verdict };
  sink: AnalysisSink;
  /** The scan's abort signal, asked for only by long analyses (see `MachineOptions.signal`). */
  signal?: () => AbortSignal;
  /**
   * True when the data is known to be a pickle (sniffed, or handed to a loader): the first
   * stream is reported whatever happens. False for files only named like pickles: a stream is
   * then reported only if it parses to STOP or imports a denylisted global.
   */
  strict: boolean;
  /** The file is named like a pickle: faults in its first stream are reported however early. */
  named?: boolean;
  /** Offset where the pickle starts (after an npy header, for instance). */
  start?: number;
  /** For nested pickles: where the loader call is in the outer file, and the loader chain. */
  nestedAt?: number;
  nested?: string[];
  depth?: number;
}

/** What the analysis of a source did. */
export interface AnalyseResult {
  streams: number;
  opcodes: number;
}

function hasDenied(machine: Machine): boolean {
  for (const record of machine.globals.records.values()) if (record.verdict.level === 'deny') return true;
  return false;
}

/**
 * Finds the next `PROTO 2..5` followed by an opcode at or after the reader's position (the start
 * of a binary pickle stream after junk); returns its offset or undefined at the end of the data.
 * A PROTO followed by a byte that is no opcode would fault on that byte at once: in random binary
 * data (a file only named like a pickle) three in four candidates are skipped so, without running
 * the machine, and without counting against the resynchronisation limit.
 */
async function findProto(reader: Reader): Promise<number | undefined> {
  for (;;) {
    if (reader.avail < 3 && !(await reader.fill(3))) return undefined;
    const buf = reader.buf;
    const hit = buf.indexOf(0x80, reader.pos);
    if (hit < 0 || hit >= buf.length - 2) {
      reader.skip(Math.max(0, (hit < 0 ? buf.length : hit) - reader.pos));
      if (!(await reader.fill(3))) return undefined;
      continue;
    }
    const next = buf[hit + 1]!;
    if (next >= 2 && next <= 5 && Object.hasOwn(OPCODE_NAMES, buf[hit + 2]!)) {
      reader.pos = hit;
      return reader.offset;
    }
    reader.pos = hit + 1;
  }
}

/**
 * Analyses every pickle stream in `source`: the first at `start`, each following one, and
 * streams found after non-pickle data (PROTO resynchronisation). Everything a stream found is
 * reported, even when it ends in a fault; nested pickles are analysed after their stream.
 */
export async function analyseSource(source: ByteSource, options: AnalyseOptions): Promise<AnalyseResult> {
  const reader = new Reader(source, options.start ?? 0);
  let stream = 0;
  let opcodes = 0;
  let trials = 0;
  let trialBytes = 0;
  const trialBudget = (Number.isFinite(source.size) ? source.size * 4 : 0) + 64 * 1024 * 1024;
  let previousEnd = options.start ?? 0;
  let first = true;

  const commit = async (machine: Machine, outcome: StreamOutcome, start: number, reportFaults: boolean): Promise<void> => {
    const where: StreamContext = {
      stream,
      skipped: start - previousEnd,
      reportFaults,
      ...(options.nestedAt !== undefined && { nestedAt: options.nestedAt }),
      ...(options.nested && { nested: options.nested }),
    };
    reportStream(machine, outcome, where, options.sink);
    opcodes += outcome.opcodes;
    await analyseNested(machine.nested, stream, options, analyseSource);
    stream++;
    previousEnd = outcome.end;
  };

  for (;;) {
    if (reader.remaining <= 0 || !(await reader.fill(1))) break;
    if (stream >= LIMITS.maxStreams) {
      options.sink.fail('LIMIT_PICKLE', `more than ${LIMITS.maxStreams} pickle streams; the rest of the data was not analysed`);
      break;
    }
    const start = reader.offset;
    const machine = new Machine(reader, { classify: options.classify, stream, ...(options.signal && { signal: options.signal }) });
    const outcome = await machine.run();
    if (outcome.error !== undefined) {
      // Report what this stream found before the read failed or the scan was aborted.
      await commit(machine, outcome, start, false);
      throw outcome.error;
    }
    const clean = outcome.stopped && !outcome.fault;
    if (first && options.strict) {
      // Tensor data sniffed as a pickle by chance (0x80 0x02…) fails within a few opcodes.
      const credible = options.named === true || machine.opcodes >= 8 || machine.globals.records.size > 0 || start > 0 || clean;
      await commit(machine, outcome, start, credible);
      first = false;
      if (!clean) {
        if (outcome.fault?.kind === 'limit') break;
        reader.seek(outcome.end);
      }
      continue;
    }
    first = false;
    if (clean || hasDenied(machine) || outcome.fault?.kind === 'limit') {
      await commit(machine, outcome, start, clean);
      if (outcome.fault?.kind === 'limit') break;
      if (!clean) reader.seek(outcome.end);
      continue;
    }
    // Not a stream: look for the next PROTO after this position.
    trials++;
    trialBytes += Math.max(1, outcome.end - start);
    if (trials > LIMITS.maxTrials || trialBytes > trialBudget) {
      options.sink.fail('LIMIT_PICKLE', `gave up looking for further pickle streams after ${trials} attempts at offset ${start}`);
      break;
    }
    reader.seek(start + 1);
    const next = await findProto(reader);
    if (next === undefined) break;
  }
  return { streams: stream, opcodes };
}
