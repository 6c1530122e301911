import { MemoryFile } from '@modelgate/plugin-kit/testing';

/**
 * Bits per element, written out independently of the plugin's table so a typo there shows up.
 */
export const BITS: Record<string, number> = {
  BOOL: 8, F4: 4, F6_E2M3: 6, F6_E3M2: 6, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8,
  F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8, I16: 16, U16: 16, F16: 16, BF16: 16, I32: 32, U32: 32,
  F32: 32, C64: 64, F64: 64, I64: 64, U64: 64,
};

export interface TensorSpec {
  dtype: string;
  shape: number[];
}

/** A built file: the prefix and header (`head`) and how many data bytes follow. */
export interface Built {
  /** 8-byte prefix + header bytes. */
  head: Uint8Array;
  headerLength: number;
  dataLength: number;
  /** The header object that was serialized (after `edit`). */
  header: Record<string, unknown>;
}

export interface BuildOptions {
  /** `__metadata__` value to put first in the header (omitted when undefined). */
  metadata?: unknown;
  /** Edits the header object before serialization (corrupt entries here). */
  edit?: (header: Record<string, any>) => void;
  /** Replaces the serialized header text entirely. */
  headerText?: string;
  /** Space-pad the header to a multiple of 8, as the Rust writer does (default true). */
  pad?: boolean;
  /** Overrides the data byte count (default: what the tensors need). */
  dataLength?: number;
  /** Overrides the u64 length prefix. */
  headerLength?: bigint;
}

/** Bytes a tensor needs: product(shape) × bits / 8 (must be whole). */
export function byteLength(spec: TensorSpec): number {
  const bits = spec.shape.reduce((a, b) => a * b, 1) * BITS[spec.dtype]!;
  if (bits % 8 !== 0) throw new Error(`not whole bytes: ${JSON.stringify(spec)}`);
  return bits / 8;
}

/** Builds a valid safetensors file from {name: {dtype, shape}}, tensors laid out in order. */
export function buildSafetensors(tensors: Record<string, TensorSpec>, options: BuildOptions = {}): Built {
  const header: Record<string, any> = {};
  if (options.metadata !== undefined) header.__metadata__ = options.metadata;
  let offset = 0;
  for (const [name, spec] of Object.entries(tensors)) {
    const n = byteLength(spec);
    header[name] = { dtype: spec.dtype, shape: spec.shape, data_offsets: [offset, offset + n] };
    offset += n;
  }
  options.edit?.(header);
  const text = options.headerText ?? JSON.stringify(header);
  const head = assembleHead(text, { pad: options.pad, headerLength: options.headerLength });
  return { head, headerLength: head.length - 8, dataLength: options.dataLength ?? offset, header };
}

/** Prefix + header bytes for header `text` (string or raw bytes). */
export function assembleHead(text: string | Uint8Array, options: { pad?: boolean; headerLength?: bigint } = {}): Uint8Array {
  let header = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  if (options.pad !== false && header.length % 8 !== 0) {
    const padded = new Uint8Array(header.length + (8 - (header.length % 8))).fill(0x20);
    padded.set(header);
    header = padded;
  }
  const out = new Uint8Array(8 + header.length);
  new DataView(out.buffer).setBigUint64(0, options.headerLength ?? BigInt(header.length), true);
  out.set(header, 8);
  return out;
}

/** A memory file for a build; data bytes are virtual zeros (never allocated). */
export function toFile(built: Built, path = 'model.safetensors', extraBytes = 0): MemoryFile {
  return new MemoryFile(path, built.head, { size: built.head.length + built.dataLength + extraBytes, format: 'safetensors' });
}

/** A memory file whose content is exactly `bytes`. */
export function rawFile(bytes: Uint8Array | number[], path = 'model.safetensors', size?: number): MemoryFile {
  return new MemoryFile(path, bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), size === undefined ? { format: 'safetensors' } : { size, format: 'safetensors' });
}
