import type { Value } from './values.js';

/** A loader-like call whose argument may hold a nested pickle, analysed after the stream. */
export interface NestedCall {
  loader: string;
  argument: Value | undefined;
  at: number;
}
