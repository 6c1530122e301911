import type { AllowedRoots } from './allowed-roots.js';
import type { Counters } from './metrics/counters.js';
import type { ScanManager } from './scans/scan-manager.js';
import type { ScanStore } from './scans/scan-store.js';
import type { ServerSettings } from './settings.js';

/** What route handlers share: one of each per server. */
export interface ServerContext {
  settings: ServerSettings;
  store: ScanStore;
  manager: ScanManager;
  counters: Counters;
  roots: AllowedRoots;
  uploadsDir: string;
  version: string;
}
