import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options as AjvOptions } from 'ajv';

// Ajv and yaml cost ~100 ms each to load. Most scans need neither (no config file, plugins
// without option schemas), and worker threads never do: load them on first use, synchronously.
const require = createRequire(import.meta.url);

/** A new Ajv instance; the library is loaded on the first call. */
export function newAjv(options: AjvOptions): AjvClass {
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv(options);
}

/** The `yaml` package, loaded on the first call. */
export function yamlModule(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}
