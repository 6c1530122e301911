import type { DirectoryEntry } from '@modelgate/plugin-api';
import { resolveLicense } from '../licenses/resolve.js';
import { readGgufLicense } from '../sources/gguf.js';
import { readSafetensorsLicense } from '../sources/safetensors-metadata.js';
import { classify } from './classify.js';
import { ancestors, dirOf, type ReadContext } from './read-context.js';
import type { Unit } from './unit.js';

/** Most weight files whose headers are read per unit (the shards of one checkpoint agree). */
export const MAX_WEIGHT_HEADERS = 8;

/**
 * Attaches a weight file to the nearest unit at or above its directory (or makes it a model of
 * its own) and reads the licence its GGUF or safetensors header declares.
 */
export async function readWeights(cx: ReadContext, entry: DirectoryEntry, headersRead: Map<Unit, number>): Promise<void> {
  const dir = dirOf(entry.path);
  const unit = ancestors(dir).map((d) => cx.units.get(d)).find((u) => u !== undefined) ?? cx.unitAt(dir, 'model');
  unit.weights.push(entry.path);
  const role = classify(entry.name, entry.format);
  const count = headersRead.get(unit) ?? 0;
  if ((role !== 'gguf' && role !== 'safetensors') || count >= MAX_WEIGHT_HEADERS) return;
  headersRead.set(unit, count + 1);
  const handle = await cx.directory.open(entry.path);
  if (role === 'gguf') {
    const gguf = await readGgufLicense(handle);
    if (gguf?.name) unit.names.push(gguf.name);
    const license = gguf?.license ?? gguf?.licenseName;
    if (license) unit.declarations.push({ from: 'gguf', path: entry.path, value: license, resolved: resolveLicense(license) });
  } else {
    const found = await readSafetensorsLicense(handle);
    if (found) unit.declarations.push({ from: 'safetensors', path: entry.path, value: found.value, resolved: resolveLicense(found.value) });
  }
}
