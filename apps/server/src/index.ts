/**
 * `@modelgate/server`: modelgate as a scanning service. An HTTP API (fastify) over one long-lived
 * engine, scans and reports persisted in SQLite, bearer tokens with scopes, and a dashboard.
 */
export { startServer } from './server.js';
export type { RunningServer, StartOptions } from './server.js';
export { DEFAULT_SETTINGS, parseServerSection, resolveSettings } from './settings.js';
export type { ServerSection, ServerSettings } from './settings.js';
export { hashToken, loadTokens, parseTokenFile, SCOPES, TokenStore } from './tokens.js';
export type { Scope, TokenEntry } from './tokens.js';
export { DatabaseError, DB_FILE, migrate, openDatabase } from './db/database.js';
export { MIGRATIONS } from './db/migrations.js';
export type { Migration } from './db/migrations.js';
export type { ScanStatus, ScanView } from './scans/scan-record.js';
