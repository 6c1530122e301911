import type { FileFormat } from './file-format.js';

/**
 * A read-only, seekable view of one file (or one archive member) given to a scanner.
 * Reads are bounded: nothing reads the whole file unless the scanner streams it.
 */
export interface FileHandle {
  /** Posix path relative to the scan root. Archive members: `model.pt!/archive/data.pkl`. */
  readonly path: string;
  /** The file on disk that holds this handle's bytes, relative to the scan root. */
  readonly diskPath: string;
  /** Path inside the archive for members (nested archives joined with `!/`); undefined on disk files. */
  readonly member?: string;
  /** Size in bytes (for members: the uncompressed size the archive declares). */
  readonly size: number;
  /** Format found by content sniffing. */
  readonly format: FileFormat;
  /**
   * Reads up to `length` bytes at `offset`. Returns fewer bytes at the end of the file
   * (or when the file shrank during the scan); never throws for reads past the end.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Streams a byte range (end exclusive) in chunks. */
  stream(range?: { start?: number; end?: number }): AsyncIterable<Uint8Array>;
  /** Decodes up to `maxBytes` (default 1 MiB) from the start as UTF-8. */
  text(maxBytes?: number): Promise<string>;
}

/** One entry of a directory listing given to directory-scope scanners. */
export interface DirectoryEntry {
  /** File name within the directory. */
  readonly name: string;
  /** Posix path relative to the scan root. */
  readonly path: string;
  readonly size: number;
  readonly kind: 'file' | 'directory' | 'symlink';
  readonly format?: FileFormat;
  /** sha256 (hex) computed by the engine while scanning, when hashing is on. */
  readonly sha256?: string;
}

/**
 * A directory as directory-scope scanners see it: its listing, and bounded access to its files.
 */
export interface DirectoryHandle {
  /** Posix path relative to the scan root ('' for the root itself). */
  readonly path: string;
  /** Direct children, sorted by name. */
  readonly entries: readonly DirectoryEntry[];
  /** Every scanned file below this directory, at any depth, sorted by root-relative path. */
  readonly files: readonly DirectoryEntry[];
  /**
   * Looks up any file under the scan root by root-relative posix path.
   * Returns undefined when it does not exist or was not part of the scan.
   */
  lookup(path: string): DirectoryEntry | undefined;
  /** Opens a file of the scan by root-relative path; throws if it is outside the scan. */
  open(path: string): Promise<FileHandle>;
}
