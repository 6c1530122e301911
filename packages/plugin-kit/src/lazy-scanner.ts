import type { DirectoryScanner, FileScanner } from '@modelgate/plugin-api';

/**
 * A scanner whose implementation is imported on its first `scan`, not when the plugin loads.
 * modelgate imports every plugin in the main thread (to validate it) and in every worker; a plugin
 * whose entry module only declares rules and filters loads in milliseconds, and a worker pays for
 * a scanner's code only once a file needs it.
 *
 * ```ts
 * scanners: [lazyScanner({ id: 'pickle-file', filter: { formats: ['pickle'] } }, () => import('./scanners/pickle.js').then((m) => m.scan))],
 * ```
 */
export function lazyScanner<S extends FileScanner | DirectoryScanner>(declaration: Omit<S, 'scan'>, load: () => Promise<S['scan']>): S {
  let loading: Promise<S['scan']> | undefined;
  const scan = async (target: never, ctx: Parameters<S['scan']>[1]) => {
    const implementation = await (loading ??= load());
    return (implementation as (target: never, ctx: Parameters<S['scan']>[1]) => Promise<void> | void)(target, ctx);
  };
  return { ...declaration, scan } as unknown as S;
}
