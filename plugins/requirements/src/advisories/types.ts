/** Severity of an advisory after mapping its CVSS score (or its database's rating). */
export type AdvisorySeverity = 'critical' | 'high' | 'medium' | 'low';

/** One OSV range event, compacted: `i` introduced, `f` fixed, `l` last_affected, `x` limit. */
export type RangeEvent = ['i' | 'f' | 'l' | 'x', string];

/** One advisory as the index stores it, for one package. */
export interface AdvisoryRecord {
  id: string;
  aliases: string[];
  summary: string;
  severity: AdvisorySeverity;
  /** Where the severity came from: `CVSS_V3`, `CVSS_V4`, `database` or `default` (none given → high). */
  severitySource: string;
  /** CVSS base score when a vector was given. */
  score?: number;
  /** OSV `MAL-` advisory (malicious package). */
  malicious: boolean;
  /** ECOSYSTEM (PEP 440) ranges. */
  ranges: RangeEvent[][];
  /** Explicitly listed affected versions, PEP 440-normalised. */
  versions: string[];
  modified?: string;
}

/** Where the advisory data came from: stated in the report's inventory. */
export interface AdvisoryProvenance {
  /** `osv-directory`, `osv-zip` or `download` (db update). */
  kind: string;
  /** The path or URL read. */
  location: string;
  /** The newest `modified` date of any advisory: how fresh the data is. */
  dataDate?: string;
  /** When the index was built (db import / update), ISO 8601. */
  importedAt?: string;
  /** sha256 of the zip, when one was read. */
  sha256?: string;
}

/** The compact, loadable index `db import` writes (and scans load). */
export interface AdvisoryIndexFile {
  format: 'modelgate-osv-index';
  version: 1;
  provenance: AdvisoryProvenance;
  /** Advisories read (each counted once, however many packages it affects). */
  count: number;
  /** Advisories skipped: withdrawn, not PyPI, unreadable. */
  skipped: number;
  /** Normalised package name → its advisories. */
  packages: Record<string, AdvisoryRecord[]>;
}
