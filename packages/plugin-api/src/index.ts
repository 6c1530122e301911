export { API_VERSION, definePlugin } from './plugin.js';
export type {
  DirectoryScanner,
  FileFilter,
  FileScanner,
  FindingLocation,
  FindingReport,
  Plugin,
  PluginMeta,
  RuleMeta,
  ScanContext,
  Scanner,
} from './plugin.js';
export type { DirectoryEntry, DirectoryHandle, FileHandle } from './file-handle.js';
export { CONTAINER_FORMATS } from './file-format.js';
export type { FileFormat } from './file-format.js';
export { SEVERITIES, isAtLeast, isSeverity, severityRank } from './severity.js';
export type { Severity } from './severity.js';
export type { Report, ReportError, ReportFile, ReportFinding, ReportLocation, ReportNotice, ReportRule } from './report.js';
