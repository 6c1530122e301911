import type { ByteSource } from '../source/byte-source.js';
import type { GlobalRecord } from './globals.js';

/** Where the full bytes of a large string or bytes payload are, when not kept in memory. */
export interface PayloadRef {
  source: ByteSource;
  offset: number;
  length: number;
}

/** A string or bytes value: the first bytes (all of them when `complete`), and where the rest is. */
export interface DataValue {
  k: 'str' | 'bytes';
  /** For `str`: the decoded text of `head`; for `bytes`: latin-1 of `head`. */
  text: string;
  head: Uint8Array;
  /** Length in bytes of the payload. */
  length: number;
  complete: boolean;
  ref?: PayloadRef;
  /** How the payload bytes encode the value (protocol-0 text forms differ from UTF-8). */
  encoding: 'utf8' | 'latin1' | 'repr' | 'raw-unicode-escape';
}

/** A container; only the first items are kept (for rendering), `count` is exact. */
export interface ContainerValue {
  k: 'list' | 'tuple' | 'dict' | 'set' | 'frozenset';
  items: Value[];
  count: number;
}

/** The result of a call site (REDUCE, INST, OBJ, NEWOBJ, NEWOBJ_EX). */
export interface CallValue {
  k: 'call';
  fn: Value;
  args: Value[];
  kwargs?: Value;
  op: string;
  at: number;
  /** The global being called, when the callable is one. */
  global?: GlobalRecord;
  /** BUILD state applied to the object, if any (kept for joblib arrays). */
  state?: Value;
}

/** An imported global (GLOBAL, INST, STACK_GLOBAL). */
export interface GlobalValue {
  k: 'global';
  record: GlobalRecord;
}

/** Every symbolic value the machine pushes. */
export type Value =
  | { k: 'none' }
  | { k: 'bool'; v: boolean }
  | { k: 'int'; v: number | string }
  | { k: 'float'; v: number }
  | DataValue
  | ContainerValue
  | CallValue
  | GlobalValue
  | { k: 'persid'; id: Value }
  | { k: 'ext'; code: number }
  | { k: 'buffer' }
  | { k: 'unknown'; why: string };

/** How many items of a container are kept for rendering and lookups. */
export const KEPT_ITEMS = 32;

export const NONE: Value = { k: 'none' };
export const TRUE: Value = { k: 'bool', v: true };
export const FALSE: Value = { k: 'bool', v: false };

/** Appends to a container, keeping only the first {@link KEPT_ITEMS}. */
export function pushItem(container: ContainerValue, value: Value): void {
  if (container.items.length < KEPT_ITEMS) container.items.push(value);
  container.count++;
}

/** A new container holding `items` (kept up to the limit). */
export function container(k: ContainerValue['k'], items: Value[], count = items.length): ContainerValue {
  return { k, items: items.length > KEPT_ITEMS ? items.slice(0, KEPT_ITEMS) : items, count };
}

/** The literal text of a string value when it is complete and short enough to be a name. */
export function literalString(value: Value | undefined): string | undefined {
  if (!value || value.k !== 'str' || !value.complete) return undefined;
  return value.text;
}

/** Looks up a string key in a dict value (among its kept items). */
export function dictGet(dict: Value | undefined, key: string): Value | undefined {
  if (!dict || dict.k !== 'dict') return undefined;
  for (let i = 0; i + 1 < dict.items.length; i += 2) if (literalString(dict.items[i]) === key) return dict.items[i + 1];
  return undefined;
}
