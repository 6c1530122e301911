import { createRequire } from 'node:module';

// This file sits at the root of src/ (and of dist/, bundled or not), so the path holds in both.
/** The CLI package's version. */
export const CLI_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
