/**
 * Element width in bits of every dtype the Rust `safetensors` crate accepts.
 *
 * Source: `Dtype::bitsize()` in `safetensors/src/tensor.rs` (0.6+: F4, F6_*, F8_E8M0, C64),
 * plus `F8_E4M3FNUZ` and `F8_E5M2FNUZ`, which safetensors 0.8 added. Any other string is
 * rejected by the loader's serde enum ("unknown variant").
 */
export const DTYPE_BITS: Readonly<Record<string, number>> = Object.freeze({
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  F8_E4M3FNUZ: 8,
  F8_E5M2FNUZ: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
});

/** Bits per element of `dtype`, or undefined when the loader does not know it. */
export function dtypeBits(dtype: string): number | undefined {
  return Object.hasOwn(DTYPE_BITS, dtype) ? DTYPE_BITS[dtype] : undefined;
}
