import { SingleBar } from 'cli-progress';
import type { ProgressEvent, RunStartEvent } from '@modelgate/core';

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/** A progress bar on stderr: files, bytes, rate and ETA. Only used when stderr is a TTY. */
export class ProgressBar {
  private readonly bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'Scanning |{bar}| {percentage}% | {files} files | {bytes} | {rate} | ETA {eta_time}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      barCompleteChar: '█',
      barIncompleteChar: '░',
    },
  );
  private totalBytes = 0;
  private totalFiles = 0;

  // The bar and percentage follow bytes, not files: one 5 GB shard outweighs thousands of configs.
  start(event: RunStartEvent): void {
    this.totalBytes = event.totalBytes;
    this.totalFiles = event.totalFiles;
    this.bar.start(Math.max(1, event.totalBytes), 0, {
      files: `0/${event.totalFiles}`,
      bytes: `0 B/${formatBytes(event.totalBytes)}`,
      rate: '--',
      eta_time: '--',
    });
  }

  update(event: ProgressEvent): void {
    const seconds = event.elapsedMs / 1000;
    const rate = seconds > 0 ? event.bytesDone / seconds : 0;
    const eta = rate > 0 ? (this.totalBytes - event.bytesDone) / rate : Number.POSITIVE_INFINITY;
    this.bar.update(this.totalBytes === 0 ? (event.filesDone === this.totalFiles ? 1 : 0) : event.bytesDone, {
      files: `${event.filesDone}/${this.totalFiles}`,
      bytes: `${formatBytes(event.bytesDone)}/${formatBytes(this.totalBytes)}`,
      rate: `${formatBytes(rate)}/s`,
      eta_time: formatSeconds(eta),
    });
  }

  stop(): void {
    this.bar.stop();
  }
}
