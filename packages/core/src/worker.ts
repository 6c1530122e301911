/**
 * Piscina worker entry: starts importing the plugins at once, then scans the tasks it is given
 * (hash tasks need no plugin and do not wait for them). Only plain data crosses the thread
 * boundary, in both directions.
 */
import { workerData } from 'node:worker_threads';
import { hashFile } from './hash-file.js';
import { importPlugin } from './plugin-loader.js';
import { ScannerRuntime } from './scanner-runtime.js';
import type { WorkerTask } from './worker-protocol.js';
import type { HashOutcome, TaskOutcome, TaskSettings } from './tasks.js';

const data = workerData as { pluginUrls: string[]; settings: TaskSettings };
const runtime = Promise.all(data.pluginUrls.map((url) => importPlugin(url, url, false))).then((plugins) => new ScannerRuntime(plugins, data.settings));
runtime.catch(() => {}); // the first task that needs the plugins fails with the reason

export default async function scan(task: WorkerTask): Promise<TaskOutcome[] | HashOutcome> {
  if (task.kind === 'hash') return hashFile(task.file);
  const scanner = await runtime;
  if (task.kind === 'directory') return [await scanner.scanDirectory(task.directory)];
  const outcomes: TaskOutcome[] = [];
  for (const file of task.files) outcomes.push(await scanner.scanFile(file, undefined, task.hash));
  return outcomes;
}
