import type { DirectoryEntry } from '@modelgate/plugin-api';
import { readLicenseFile } from '../sources/license-file.js';
import { ancestors, dirOf, type ReadContext } from './read-context.js';

/**
 * Reads a licence file and files it: with the unit of its directory; else as inherited by the
 * units below it (unless a nearer licence file covers them); else as a model unit of its own
 * when no unit is above it either (a licence file beside unrecognised content).
 */
export async function readLicense(cx: ReadContext, entry: DirectoryEntry, licenseDirs: ReadonlySet<string>): Promise<void> {
  const dir = dirOf(entry.path);
  const file = await readLicenseFile(await cx.directory.open(entry.path), entry.path);
  if (file.notText) cx.problems.push({ path: entry.path, kind: 'not-text', detail: file.notText });
  const own = cx.units.get(dir);
  if (own) {
    own.licenseFiles.push(file);
    return;
  }
  const inside = (d: string): boolean => dir === '' || d.startsWith(`${dir}/`);
  const below = [...cx.units.values()].filter((u) => u.dir !== dir && inside(u.dir));
  if (below.length > 0) {
    for (const unit of below) {
      const nearer = ancestors(unit.dir).slice(1).some((d) => d !== dir && inside(d) && licenseDirs.has(d));
      if (!nearer) unit.inheritedLicenseFiles.push(file);
    }
    return;
  }
  if (ancestors(dir).slice(1).some((d) => cx.units.has(d))) return;
  cx.unitAt(dir, 'model').licenseFiles.push(file);
}
