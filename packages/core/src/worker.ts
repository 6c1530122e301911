/**
 * Piscina worker entry: imports the plugins once at start-up, then scans the tasks it is given.
 * Only plain data crosses the thread boundary, in both directions.
 */
import { workerData } from 'node:worker_threads';
import { importPlugin } from './plugin-loader.js';
import { ScannerRuntime } from './scanner-runtime.js';
import type { WorkerTask } from './worker-protocol.js';
import type { HashOutcome, TaskOutcome, TaskSettings } from './tasks.js';

const data = workerData as { pluginUrls: string[]; settings: TaskSettings };
const plugins = await Promise.all(data.pluginUrls.map((url) => importPlugin(url, url, false)));
const runtime = new ScannerRuntime(plugins, data.settings);

export default async function scan(task: WorkerTask): Promise<TaskOutcome[] | HashOutcome> {
  if (task.kind === 'directory') return [await runtime.scanDirectory(task.directory)];
  if (task.kind === 'hash') return runtime.hashFile(task.file);
  const outcomes: TaskOutcome[] = [];
  for (const file of task.files) outcomes.push(await runtime.scanFile(file, undefined, task.hash));
  return outcomes;
}
