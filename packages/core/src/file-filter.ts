import picomatch from 'picomatch';
import type { FileFilter, FileFormat } from '@modelgate/plugin-api';

/** What a filter looks at for one file or archive member. */
export interface FilterSubject {
  /** Root-relative disk path, or the member path for archive members. */
  path: string;
  isMember: boolean;
  format: FileFormat;
  size: number;
  /** Leading bytes (at least as many as the longest magic needs, when the file has them). */
  head: Uint8Array;
}

/** Compiles a scanner's declarative {@link FileFilter} into a predicate. */
export function compileFilter(filter: FileFilter): (subject: FilterSubject) => boolean {
  const globOptions = { dot: true, basename: true } as const;
  const include = filter.include?.length ? picomatch(filter.include, globOptions) : undefined;
  const exclude = filter.exclude?.length ? picomatch(filter.exclude, globOptions) : undefined;
  const formats = filter.formats?.length ? new Set(filter.formats) : undefined;
  const magic = filter.magic?.length ? filter.magic : undefined;
  const selectsAll = !include && !formats && !magic;
  return (subject) => {
    if (subject.isMember && filter.members === false) return false;
    if (filter.maxSize !== undefined && subject.size > filter.maxSize) return false;
    if (exclude?.(subject.path)) return false;
    if (selectsAll) return true;
    if (include?.(subject.path)) return true;
    if (formats?.has(subject.format)) return true;
    return magic?.some((m) => m.bytes.every((b, i) => subject.head[m.offset + i] === b)) ?? false;
  };
}
