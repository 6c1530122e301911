/** One tensor entry of a header, after the loader's type checks passed. */
export interface TensorInfo {
  name: string;
  dtype: string;
  /** Bits per element of `dtype`. */
  bits: number;
  shape: bigint[];
  begin: bigint;
  end: bigint;
  /** File offset of the entry's key, for finding locations. */
  byteOffset: number;
}
