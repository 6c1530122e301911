import { buildZip } from '@modelgate/plugin-kit/testing';

/** A stored (uncompressed) zip with the given members, as PyTorch's writer lays them out. */
export function storedZip(members: Record<string, Uint8Array>): Uint8Array {
  return buildZip(Object.entries(members).map(([name, data]) => ({ name, data })));
}
