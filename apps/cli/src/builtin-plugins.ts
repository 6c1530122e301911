import { fileURLToPath } from 'node:url';

/**
 * Plugins every scan loads; the config's `plugins` add to these. The `/plugin` entries hold only the
 * plugin object (scanner code loads on first use), not the packages' library exports.
 */
export const BUILTIN_PLUGINS = [
  '@modelgate/plugin-safetensors/plugin',
  '@modelgate/plugin-pickle/plugin',
  '@modelgate/plugin-dataset-manifest/plugin',
  '@modelgate/plugin-license/plugin',
  '@modelgate/plugin-requirements/plugin',
];

/** Absolute module paths of the built-in plugins, resolved from this package. */
export function builtinPluginPaths(): string[] {
  return BUILTIN_PLUGINS.map((name) => fileURLToPath(import.meta.resolve(name)));
}
