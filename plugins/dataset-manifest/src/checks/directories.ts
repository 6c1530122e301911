import type { DirectoryHandle } from '@modelgate/plugin-api';

const cache = new WeakMap<DirectoryHandle, Set<string>>();

/** Every directory (root-relative) that holds a file of the scan, computed once per handle. */
export function directoriesOf(directory: DirectoryHandle): Set<string> {
  let dirs = cache.get(directory);
  if (!dirs) {
    dirs = new Set();
    for (const file of directory.files) {
      for (let at = file.path.lastIndexOf('/'); at > 0; at = file.path.lastIndexOf('/', at - 1)) {
        const dir = file.path.slice(0, at);
        if (dirs.has(dir)) break;
        dirs.add(dir);
      }
    }
    cache.set(directory, dirs);
  }
  return dirs;
}
