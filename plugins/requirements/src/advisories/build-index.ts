import { parse as parseYaml } from 'yaml';
import { fromOsv } from './osv.js';
import type { AdvisoryIndexFile, AdvisoryProvenance, AdvisoryRecord } from './types.js';

/** Accumulates OSV records into an {@link AdvisoryIndexFile}. */
export class IndexBuilder {
  private readonly packages = new Map<string, AdvisoryRecord[]>();
  private count = 0;
  private skipped = 0;
  private newest = '';

  /** Adds one OSV file's text (JSON, or YAML when `name` ends in .yaml/.yml). */
  addText(name: string, text: string): void {
    let data: unknown;
    try {
      data = /\.ya?ml$/i.test(name) ? parseYaml(text) : JSON.parse(text);
    } catch {
      this.skipped++;
      return;
    }
    this.addRecord(data);
  }

  /** Adds one parsed OSV record. */
  addRecord(data: unknown): void {
    const entries = fromOsv(data);
    if (!entries.length) {
      this.skipped++;
      return;
    }
    this.count++;
    for (const { key, record } of entries) {
      const list = this.packages.get(key) ?? [];
      list.push(record);
      this.packages.set(key, list);
      if (record.modified && record.modified > this.newest) this.newest = record.modified;
    }
  }

  /** The index, packages and advisories sorted so two imports of the same data are identical. */
  build(provenance: Omit<AdvisoryProvenance, 'dataDate'>): AdvisoryIndexFile {
    const packages: Record<string, AdvisoryRecord[]> = {};
    for (const key of [...this.packages.keys()].sort()) packages[key] = this.packages.get(key)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      format: 'modelgate-osv-index',
      version: 1,
      provenance: { ...provenance, ...(this.newest && { dataDate: this.newest }) },
      count: this.count,
      skipped: this.skipped,
      packages,
    };
  }
}
