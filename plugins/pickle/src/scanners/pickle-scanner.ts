import type { FileHandle, FileScanner, ScanContext } from '@modelgate/plugin-api';
import { analyseSource } from '../analysis/analyse.js';
import { detectCompression } from '../formats/compressed.js';
import { readNpyHeader } from '../formats/npy.js';
import { LIMITS } from '../machine/limits.js';
import { policyOptions } from '../options.js';
import { classifyGlobal } from '../policy/classify.js';
import { objectArray } from '../rules/index.js';
import { fileSource } from '../source/byte-source.js';
import { InflateSource } from '../source/inflate-source.js';
import { contextSink } from './context-sink.js';
import { pickleScannerDeclaration } from './declarations.js';


const PICKLE_NAME = /\.(pkl|pickle|pck|pcl|p|pt|pth|bin|ckpt|joblib|jbl|npy|dat|data|model|sav|mar)(\.[a-z0-9]+)?$/i;

/** Formats that are certainly not a pickle (containers are expanded by the engine). */
const NOT_PICKLE = new Set(['zip', 'tar', 'gzip', 'bz2', 'xz', 'safetensors', 'gguf', 'json', 'empty', '7z']);

/** Analyses one file or archive member with the static pickle machine. */
export async function scanPickleFile(file: FileHandle, ctx: ScanContext): Promise<void> {
  const policy = policyOptions(ctx.options);
  const sink = contextSink(file, ctx);
  const classify = (module: string, name: string) => classifyGlobal(module, name, policy);
  const base = { classify, sink, signal: () => ctx.signal, named: PICKLE_NAME.test(file.path) };
  try {
    if (file.format === 'npy') {
      const header = await readNpyHeader(file);
      if (!header?.isObject) return;
      ctx.report({ rule: objectArray.name, messageId: 'object', data: { descr: header.descr }, location: { byteOffset: header.dataOffset } });
      await analyseSource(fileSource(file), { ...base, strict: true, start: header.dataOffset });
      return;
    }
    if (file.format === 'pickle') {
      await analyseSource(fileSource(file), { ...base, strict: true });
      return;
    }
    if (NOT_PICKLE.has(file.format)) return;
    const compression = detectCompression(await file.read(0, 32));
    if (compression?.kind === 'lzma-alone') {
      ctx.fail('NOT_ANALYSABLE', 'LZMA-alone compressed data (joblib compress="lzma") is not decoded by this version; the file was not analysed');
      return;
    }
    if (compression?.kind === 'zlib') {
      const inflated = new InflateSource(fileSource(file), compression.offset, LIMITS.maxNestedBytes * 16);
      try {
        await analyseSource(inflated, { ...base, strict: true });
        if (inflated.error) ctx.fail('DECOMPRESSION', `zlib data: ${inflated.error}; analysed up to that point`);
      } finally {
        inflated.close();
      }
      return;
    }
    await analyseSource(fileSource(file), { ...base, strict: false });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const code = typeof (error as { code?: unknown }).code === 'string' ? String((error as { code: string }).code) : 'READ_ERROR';
    ctx.fail(code, `could not read the whole file: ${(error as Error).message}; findings before this point are reported`);
  } finally {
    sink.flush();
  }
}

/** The pickle scanner: pickle-sniffed content, npy arrays and pickle-like names. */
export const pickleScanner: FileScanner = {
  ...pickleScannerDeclaration,
  scan: scanPickleFile,
};
