import {
  CONTAINER_FORMATS,
  type DirectoryScanner,
  type FileScanner,
  type FindingReport,
  type Plugin,
  type ReportFile,
} from '@modelgate/plugin-api';
import { closeSync } from 'node:fs';
import type { ByteSource } from './byte-source.js';
import { DiskSource, openForReading, readSmallFile } from './disk-source.js';
import { errorCode, errorMessage } from './error-text.js';
import { hashSource, sha256Hex } from './hash-file.js';
import { createFileHandle } from './file-handle.js';
import { compileFilter, type FilterSubject } from '@modelgate/plugin-api/filter';
import { placeholders } from './message-template.js';
import { ScanAbortedError, ScanDeadline } from './scan-deadline.js';
import { SNIFF_BYTES, sniffFormat } from './sniff.js';
import { openContainer } from './containers/index.js';
import { createDirectoryHandle } from './directory-handle.js';
import { emptyOutcome, type DirectoryTask, type FileTask, type RawFinding, type TaskOutcome, type TaskSettings } from './tasks.js';

/** Members larger than this are not read at their end just to sniff protocol-0 pickles. */
const MEMBER_TAIL_SNIFF_LIMIT = 64 * 1024;

interface CompiledFileScanner {
  plugin: Plugin;
  scanner: FileScanner;
  matches: (subject: FilterSubject) => boolean;
}

/** Where findings and errors of one task are collected. */
interface Sink {
  outcome: TaskOutcome;
  deadline: ScanDeadline;
}

/**
 * Runs plugins' scanners over files and directories. The same code runs inside worker threads
 * and in-process (`concurrency: 'off'`); everything it returns is plain data.
 */
export class ScannerRuntime {
  private readonly fileScanners: CompiledFileScanner[];
  private readonly directoryScanners = new Map<string, { plugin: Plugin; scanner: DirectoryScanner }>();

  constructor(
    private readonly plugins: Plugin[],
    private readonly settings: TaskSettings,
  ) {
    this.fileScanners = plugins.flatMap((plugin) =>
      plugin.scanners
        .filter((s): s is FileScanner => s.scope !== 'directory')
        .map((scanner) => ({ plugin, scanner, matches: compileFilter(scanner.filter) })),
    );
    for (const plugin of plugins) {
      for (const scanner of plugin.scanners) {
        if (scanner.scope === 'directory') this.directoryScanners.set(`${plugin.meta.namespace}:${scanner.id}`, { plugin, scanner });
      }
    }
  }

  /**
   * Scans one disk file: sniff, file scanners, container members, then the sha256 (when `hash`;
   * a large file may be hashed by `hashFile` in a task of its own instead).
   */
  async scanFile(task: FileTask, cancel?: AbortSignal, hash = this.settings.hash): Promise<TaskOutcome> {
    const outcome = emptyOutcome(task.path);
    const deadline = new ScanDeadline(Date.now() + this.settings.limits.timeoutMs, cancel);
    const sink = { outcome, deadline };
    let source: DiskSource | undefined;
    try {
      source = await DiskSource.open(task.fsPath);
    } catch (error) {
      outcome.entries.push({ path: task.path, size: task.size, status: 'error', reason: errorMessage(error) });
      outcome.errors.push({ path: task.path, code: errorCode(error), message: `cannot open: ${errorMessage(error)}` });
      deadline.dispose();
      return outcome;
    }
    try {
      const { maxFileSize } = this.settings.limits;
      if (maxFileSize > 0 && source.size > maxFileSize) {
        outcome.entries.push({ path: task.path, size: source.size, status: 'skipped', reason: `larger than the ${maxFileSize}-byte file size limit` });
        outcome.errors.push({ path: task.path, code: 'LIMIT_FILE_SIZE', message: `not scanned: ${source.size} bytes is over the limit of ${maxFileSize}` });
        return outcome;
      }
      // One read of a small file serves sniffing, plugins and digest: with hashing on, the digest
      // needs every byte anyway; without it, only when the sniffing read would take them all.
      if (hash || source.size <= SNIFF_BYTES) source.keepWhole();
      await this.scanSource(source, task.path, undefined, 0, sink);
      const entry = outcome.entries[0];
      if (hash && entry) {
        const sha256 = hashSource(source, outcome);
        if (sha256) entry.sha256 = sha256;
      }
    } finally {
      outcome.bytesRead += source.bytesRead;
      deadline.dispose();
      await source.close().catch(() => {});
    }
    return outcome;
  }

  /**
   * Scans a small disk file on the calling thread when that takes no plugin code: sniffed, it is
   * no container and no file scanner wants it, so its entry and digest are the whole outcome, the
   * same a worker would give. Returns undefined for any other file, and when the file cannot be
   * opened or read (or, when hashing, is too large to read whole): the caller then has a worker
   * scan it as usual.
   */
  scanWithoutPlugins(task: FileTask, hash: boolean): TaskOutcome | undefined {
    return hash ? this.hashWithoutPlugins(task) : this.sniffWithoutPlugins(task);
  }

  /** {@link scanWithoutPlugins} with hashing: the whole file, read once into this thread's scratch buffer. */
  private hashWithoutPlugins(task: FileTask): TaskOutcome | undefined {
    const { maxFileSize } = this.settings.limits;
    if (maxFileSize > 0 && task.size > maxFileSize) return undefined;
    let fd: number;
    try {
      fd = openForReading(task.fsPath);
    } catch {
      return undefined;
    }
    try {
      const bytes = readSmallFile(fd);
      // Larger than a small file by now, or not the size the walk saw (changed, or no longer a
      // regular file): a worker's scan, which checks with fstat, reports it.
      if (!bytes || bytes.length !== task.size) return undefined;
      const entry = this.plainEntry(task.path, bytes.subarray(0, SNIFF_BYTES), bytes.length, bytes[bytes.length - 1]);
      if (!entry) return undefined;
      const outcome = emptyOutcome(task.path);
      entry.sha256 = sha256Hex(bytes);
      outcome.entries.push(entry);
      outcome.bytesRead = outcome.bytesHashed = bytes.length;
      return outcome;
    } catch {
      return undefined; // a read failed: a worker reports it
    } finally {
      closeSync(fd);
    }
  }

  /** {@link scanWithoutPlugins} without hashing: only the sniffing window and the last byte are read. */
  private sniffWithoutPlugins(task: FileTask): TaskOutcome | undefined {
    let source: DiskSource;
    try {
      source = DiskSource.openSync(task.fsPath);
    } catch {
      return undefined;
    }
    try {
      const { maxFileSize } = this.settings.limits;
      if (maxFileSize > 0 && source.size > maxFileSize) return undefined;
      if (source.size <= SNIFF_BYTES) {
        source.keepWhole();
        if (source.size > 0 && !source.kept) return undefined; // unreadable
      }
      const head = source.readOwn(0, SNIFF_BYTES);
      if (head.length < Math.min(SNIFF_BYTES, source.size)) return undefined; // it shrank: a worker reports that
      const entry = this.plainEntry(task.path, head, source.size, source.size > 0 ? source.readOwn(source.size - 1, 1)[0] : undefined);
      if (!entry) return undefined;
      const outcome = emptyOutcome(task.path);
      outcome.entries.push(entry);
      outcome.bytesRead = source.bytesRead;
      return outcome;
    } catch {
      return undefined; // a read failed: a worker reports it
    } finally {
      source.closeSync();
    }
  }

  /** The entry of a file that is no container and that no file scanner wants; undefined otherwise. */
  private plainEntry(path: string, head: Uint8Array, size: number, lastByte: number | undefined): ReportFile | undefined {
    const format = sniffFormat(head, size, lastByte);
    const subject: FilterSubject = { path, isMember: false, format, size, head };
    if (CONTAINER_FORMATS.includes(format) || this.scannersFor(subject).length) return undefined;
    return { path, size, status: 'scanned', format };
  }

  /** The file scanners whose filter selects `subject`. */
  private scannersFor(subject: FilterSubject): CompiledFileScanner[] {
    return this.fileScanners.filter(({ matches }) => matches(subject));
  }

  /** Sniffs one file or member, runs the matching scanners, and expands it if it is a container. */
  private async scanSource(source: ByteSource, diskPath: string, member: string | undefined, depth: number, sink: Sink): Promise<void> {
    const { outcome, deadline } = sink;
    const entry: ReportFile = { path: diskPath, ...(member !== undefined && { member }), size: source.size, status: 'scanned' };
    outcome.entries.push(entry);
    const fail = (error: unknown, doing: string): void => {
      entry.status = 'error';
      entry.reason = errorMessage(error);
      outcome.errors.push({ path: diskPath, ...(member !== undefined && { member }), code: errorCode(error), message: `${doing}: ${errorMessage(error)}` });
    };
    let head: Uint8Array;
    let lastByte: number | undefined;
    try {
      deadline.check();
      head = source.peek?.(0, SNIFF_BYTES) ?? (await source.read(0, SNIFF_BYTES));
      if (source.size > 0 && (member === undefined || source.size <= MEMBER_TAIL_SNIFF_LIMIT)) {
        lastByte = (source.peek?.(source.size - 1, 1) ?? (await source.read(source.size - 1, 1)))[0];
      }
    } catch (error) {
      fail(error, 'cannot read');
      return;
    }
    const format = sniffFormat(head, source.size, lastByte);
    entry.format = format;
    const subject: FilterSubject = { path: member ?? diskPath, isMember: member !== undefined, format, size: source.size, head };
    const matching = this.scannersFor(subject);
    if (matching.length && source.sizeIsExact === false && source.measure) {
      // A plugin will read this member: give it the exact size of a stream that does not store one.
      try {
        entry.size = await source.measure();
      } catch (error) {
        fail(error, 'cannot decompress');
        return;
      }
    }
    if (matching.length) {
      const handle = createFileHandle(source, { diskPath, ...(member !== undefined && { member }), format }, () => deadline.check());
      for (const { plugin, scanner } of matching) {
        if (deadline.firedReason) break;
        const error = await this.runScanner(plugin, scanner.id, sink, handle.path, (ctx) => scanner.scan(handle, ctx), { path: diskPath, member });
        if (error) fail(error.error, error.doing);
      }
    }
    if (deadline.firedReason || !CONTAINER_FORMATS.includes(format)) return;
    await this.expand(source, format, diskPath, member, depth, sink);
  }

  private async expand(source: ByteSource, format: string, diskPath: string, member: string | undefined, depth: number, sink: Sink): Promise<void> {
    const { limits } = this.settings;
    const location = { path: diskPath, ...(member !== undefined && { member }) };
    if (depth >= limits.maxDepth) {
      sink.outcome.findings.push({
        namespace: 'container',
        rule: 'depth-limit',
        messageId: 'tooDeep',
        data: { depth: depth + 1, limit: limits.maxDepth },
        location,
      });
      return;
    }
    let opened;
    try {
      opened = await openContainer(format as 'zip', source, limits, member?.split('!/').pop()?.split('/').pop() ?? diskPath.split('/').pop() ?? '');
    } catch (error) {
      const entry = sink.outcome.entries.find((e) => e.path === diskPath && e.member === member);
      if (entry) {
        entry.status = 'error';
        entry.reason = errorMessage(error);
      }
      sink.outcome.errors.push({ ...location, code: errorCode(error), message: `cannot open ${format} container: ${errorMessage(error)}` });
      return;
    }
    for (const anomaly of opened.anomalies) {
      const anomalyMember = anomaly.member === undefined ? member : member === undefined ? anomaly.member : `${member}!/${anomaly.member}`;
      sink.outcome.findings.push({
        namespace: 'container',
        rule: anomaly.rule,
        messageId: anomaly.messageId,
        data: anomaly.data,
        location: { path: diskPath, ...(anomalyMember !== undefined && { member: anomalyMember }), ...(anomaly.byteOffset !== undefined && { byteOffset: anomaly.byteOffset }) },
      });
    }
    for (const child of opened.members) {
      if (child.isDirectory) continue;
      if (sink.deadline.firedReason) return;
      const childMember = member === undefined ? child.name : `${member}!/${child.name}`;
      await this.scanSource(child.open(), diskPath, childMember, depth + 1, sink);
    }
  }

  /**
   * Runs one scanner with a context whose reports are checked against the plugin's declared
   * rules. A throw, a timeout or a scanner that never settles becomes an error, not a crash.
   */
  private async runScanner(
    plugin: Plugin,
    scannerId: string,
    sink: Sink,
    label: string,
    run: (ctx: import('@modelgate/plugin-api').ScanContext) => Promise<void> | void,
    defaultLocation: { path: string; member?: string | undefined },
  ): Promise<{ error: unknown; doing: string } | undefined> {
    const { outcome, deadline } = sink;
    const namespace = plugin.meta.namespace;
    const ctx = {
      options: this.settings.pluginOptions[namespace] ?? {},
      get signal() {
        return deadline.signal;
      },
      report: (finding: FindingReport) => {
        const problem = checkReport(plugin, finding);
        if (problem) {
          outcome.errors.push({ path: defaultLocation.path, code: 'PLUGIN_INVALID_REPORT', message: `${plugin.meta.name} (${scannerId}): ${problem}` });
          return;
        }
        const path = finding.path ?? defaultLocation.path;
        const member = finding.path === undefined ? defaultLocation.member : undefined;
        outcome.findings.push({
          namespace,
          rule: finding.rule,
          messageId: finding.messageId,
          ...(finding.data && { data: finding.data }),
          location: { path, ...(member !== undefined && { member }), ...finding.location },
          ...(finding.evidence && { evidence: finding.evidence }),
        } satisfies RawFinding);
      },
      inventory: (entry: Record<string, unknown>) => {
        outcome.inventory.push({ namespace, entry });
      },
      fail: (code: string, message: string) => {
        const { path, member } = defaultLocation;
        outcome.errors.push({ path: path || '.', ...(member !== undefined && { member }), code: String(code), message: `${plugin.meta.name} (${scannerId}): ${message}` });
      },
    };
    try {
      await Promise.race([Promise.resolve().then(() => run(ctx)), deadline.expired.then(() => deadline.check())]);
      deadline.check();
      return undefined;
    } catch (error) {
      if (error instanceof ScanAbortedError) {
        const seconds = this.settings.limits.timeoutMs / 1000;
        const text = error.reason === 'timeout' ? `did not finish within the ${seconds}s timeout` : 'was cancelled';
        return { error, doing: `${plugin.meta.name} (${scannerId}) ${text} on ${label}` };
      }
      return { error: Object.assign(new Error(errorMessage(error)), { code: 'PLUGIN_ERROR' }), doing: `${plugin.meta.name} (${scannerId}) failed on ${label}` };
    }
  }

  /** Runs the directory scanners a {@link DirectoryTask} names. */
  async scanDirectory(task: DirectoryTask, cancel?: AbortSignal): Promise<TaskOutcome> {
    const outcome = emptyOutcome(task.path);
    for (const key of task.scanners) {
      const found = this.directoryScanners.get(key);
      if (!found) continue;
      const deadline = new ScanDeadline(Date.now() + this.settings.limits.timeoutMs, cancel);
      const { directory, close } = createDirectoryHandle(task, () => deadline.check());
      const failure = await this.runScanner(found.plugin, found.scanner.id, { outcome, deadline }, task.path || '.', (ctx) => found.scanner.scan(directory, ctx), {
        path: task.path,
      });
      deadline.dispose();
      outcome.bytesRead += await close();
      if (failure) outcome.errors.push({ path: task.path || '.', code: errorCode(failure.error), message: `${failure.doing}: ${errorMessage(failure.error)}` });
    }
    return outcome;
  }
}

/** Why a reported finding breaks the plugin's own declarations, or undefined when it is fine. */
function checkReport(plugin: Plugin, finding: FindingReport): string | undefined {
  const rule = plugin.rules[finding.rule];
  if (!rule) return `reported undeclared rule "${finding.rule}"`;
  const template = rule.messages[finding.messageId];
  if (template === undefined) return `reported undeclared message "${finding.messageId}" of rule ${finding.rule}`;
  const missing = placeholders(template).filter((name) => finding.data?.[name] === undefined);
  if (missing.length) return `message ${finding.rule}.${finding.messageId} is missing data for ${missing.join(', ')}`;
  return undefined;
}
