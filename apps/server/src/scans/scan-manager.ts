import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Engine, ScanEvent } from '@modelgate/core';
import type { Counters } from '../metrics/counters.js';
import { EventHub } from './event-hub.js';
import type { NewScan, ScanOutcome, ScanStore } from './scan-store.js';
import { isFinal, toView, type ScanRecord } from './scan-record.js';
import { summarize } from './summarize.js';

/** Thrown by {@link ScanManager.submit} when the queue is full. */
export class QueueFullError extends Error {
  constructor(limit: number) {
    super(`the scan queue is full (${limit} waiting); try again later`);
    this.name = 'QueueFullError';
  }
}

/** Options of the scan manager. */
export interface ScanManagerOptions {
  engine: Engine;
  store: ScanStore;
  counters: Counters;
  maxConcurrent: number;
  maxQueued: number;
  maxAttempts: number;
  keepUploads: boolean;
  log?: (message: string) => void;
}

interface Running {
  controller: AbortController;
  /** Why the scan is being stopped: the user cancelled it, or the server is shutting down. */
  stopping?: 'cancel' | 'shutdown';
  done: Promise<void>;
}

/** Minimum time between two progress writes of one scan. */
const PROGRESS_WRITE_MS = 250;

/**
 * Runs scans on one shared engine: at most `maxConcurrent` at a time, the rest in a FIFO queue.
 * Every state change is written to the store first, so a crash loses nothing but the attempt.
 */
export class ScanManager {
  readonly hub = new EventHub();
  private readonly queue: string[] = [];
  private readonly running = new Map<string, Running>();
  private closing = false;

  constructor(private readonly options: ScanManagerOptions) {}

  get queueLength(): number {
    return this.queue.length;
  }

  get runningCount(): number {
    return this.running.size;
  }

  /**
   * Picks up the work a previous process left: scans it was running are resumed (queued again) or,
   * when they cannot be (upload gone, too many attempts), failed with the reason; queued scans wait again.
   */
  recover(): { resumed: string[]; failed: string[] } {
    const { store, maxAttempts } = this.options;
    const resumed: string[] = [];
    const failed: string[] = [];
    for (const scan of store.withStatus('running')) {
      const why = `the server stopped during the scan (attempt ${scan.attempts} of ${maxAttempts}, started ${scan.startedAt ?? 'unknown'})`;
      if (!existsSync(scan.target)) {
        store.finish(scan.id, { status: 'failed', error: `${why}; cannot resume: the ${scan.source === 'upload' ? 'uploaded file' : 'path'} is gone` });
        failed.push(scan.id);
      } else if (scan.attempts >= maxAttempts) {
        store.finish(scan.id, { status: 'failed', error: `${why}; not resumed again` });
        void this.removeUpload(scan);
        failed.push(scan.id);
      } else {
        store.requeue(scan.id, `resumed: ${why}`, false);
        resumed.push(scan.id);
      }
    }
    for (const scan of store.withStatus('queued')) this.queue.push(scan.id);
    for (const id of resumed) this.options.log?.(`scan ${id} resumed after a restart`);
    for (const id of failed) this.options.log?.(`scan ${id} failed: interrupted by a restart`);
    this.pump();
    return { resumed, failed };
  }

  /** Stores a new scan and queues it. Throws {@link QueueFullError}. */
  submit(scan: NewScan): ScanRecord {
    if (this.queue.length >= this.options.maxQueued && this.running.size >= this.options.maxConcurrent) {
      throw new QueueFullError(this.options.maxQueued);
    }
    const record = this.options.store.insert(scan);
    this.queue.push(record.id);
    this.pump();
    return this.options.store.get(record.id) ?? record;
  }

  /** Cancels a queued or running scan. Returns false when it is already final. */
  cancel(id: string): boolean {
    const queued = this.queue.indexOf(id);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      const scan = this.options.store.get(id);
      this.options.store.finish(id, { status: 'cancelled', error: 'cancelled while queued' });
      if (scan) void this.removeUpload(scan);
      this.hub.end(id, { event: 'end', data: this.view(id) });
      return true;
    }
    const running = this.running.get(id);
    if (running) {
      running.stopping ??= 'cancel';
      running.controller.abort();
      return true;
    }
    return false;
  }

  /** Waits until a running scan has finished (after {@link cancel}). */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  /**
   * Stops taking work: running scans are interrupted and queued again (they resume on the next
   * start), then the engine is closed.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const running of this.running.values()) {
      running.stopping ??= 'shutdown';
      running.controller.abort();
    }
    await Promise.all([...this.running.values()].map((r) => r.done));
    await this.options.engine.close();
  }

  private view(id: string) {
    const scan = this.options.store.get(id);
    return scan ? toView(scan) : { id };
  }

  private pump(): void {
    while (!this.closing && this.running.size < this.options.maxConcurrent && this.queue.length) {
      const id = this.queue.shift()!;
      const scan = this.options.store.get(id);
      if (!scan || isFinal(scan.status)) continue;
      const controller = new AbortController();
      const entry: Running = { controller, done: Promise.resolve() };
      this.running.set(id, entry);
      entry.done = this.run(scan, entry)
        .catch((error: Error) => this.options.log?.(`scan ${id}: cannot record its outcome: ${error?.message ?? String(error)}`))
        .finally(() => {
          this.running.delete(id);
          this.pump();
        });
    }
  }

  private async run(scan: ScanRecord, entry: Running): Promise<void> {
    const { store, engine } = this.options;
    store.markRunning(scan.id);
    this.hub.open(scan.id);
    this.hub.publish(scan.id, { event: 'status', data: this.view(scan.id) });
    let lastWrite = 0;
    let outcome: ScanOutcome;
    try {
      const run = engine.scan([scan.target], { signal: entry.controller.signal });
      for await (const event of run) {
        lastWrite = this.onEvent(scan.id, event, lastWrite);
      }
      const report = await run.report;
      const { summary, worst } = summarize(report);
      outcome = entry.stopping === 'cancel'
        ? { status: 'cancelled', error: 'cancelled by request', report, summary, worst }
        : { status: 'done', report, summary, worst };
    } catch (error) {
      outcome = entry.stopping === 'cancel'
        ? { status: 'cancelled', error: 'cancelled by request' }
        : { status: 'failed', error: (error as Error)?.message ?? String(error) };
    }
    if (entry.stopping === 'shutdown') {
      store.requeue(scan.id, 'interrupted by a server shutdown; resumes on the next start', true);
      this.hub.end(scan.id, { event: 'end', data: this.view(scan.id) });
      return;
    }
    store.finish(scan.id, outcome, (report) => this.options.counters.recordScan(report, outcome.status));
    if (!outcome.report) this.options.counters.add('modelgate_scans_finished_total', `status="${outcome.status}"`, 1);
    await this.removeUpload(scan);
    this.hub.end(scan.id, { event: 'end', data: this.view(scan.id) });
  }

  private onEvent(id: string, event: ScanEvent, lastWrite: number): number {
    const { store } = this.options;
    switch (event.type) {
      case 'run-start':
        store.setTotals(id, event.totalFiles, event.totalBytes);
        this.hub.publish(id, { event: 'run-start', data: { totalFiles: event.totalFiles, totalBytes: event.totalBytes, startedAt: event.startedAt } });
        return lastWrite;
      case 'progress': {
        const now = Date.now();
        const last = event.filesDone === event.totalFiles;
        if (last || now - lastWrite >= PROGRESS_WRITE_MS) store.setProgress(id, event.filesDone, event.bytesDone);
        this.hub.publish(id, { event: 'progress', data: event });
        return last || now - lastWrite >= PROGRESS_WRITE_MS ? now : lastWrite;
      }
      case 'file':
        this.hub.publish(id, { event: 'file', data: { path: event.path, findings: event.findings, errors: event.errors, entries: event.entries.length } });
        return lastWrite;
      case 'run-end':
        return lastWrite;
    }
  }

  private async removeUpload(scan: ScanRecord): Promise<void> {
    if (scan.uploadDir && !this.options.keepUploads) {
      await rm(scan.uploadDir, { recursive: true, force: true }).catch((error: Error) => this.options.log?.(`cannot delete upload of ${scan.id}: ${error.message}`));
    }
  }
}
