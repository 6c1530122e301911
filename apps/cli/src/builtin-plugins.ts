import { fileURLToPath } from 'node:url';

/** Plugins every scan loads; the config's `plugins` add to these. */
export const BUILTIN_PLUGINS = [
  '@modelgate/plugin-safetensors',
  '@modelgate/plugin-pickle',
  '@modelgate/plugin-dataset-manifest',
  '@modelgate/plugin-license',
  '@modelgate/plugin-requirements',
];

/** Absolute module paths of the built-in plugins, resolved from this package. */
export function builtinPluginPaths(): string[] {
  return BUILTIN_PLUGINS.map((name) => fileURLToPath(import.meta.resolve(name)));
}
