import type { DirectoryEntry, DirectoryHandle, FileFormat, FileHandle } from '@modelgate/plugin-api';

/** Reads bigger than this are refused, so a plugin that reads tensor data fails loudly. */
const MAX_MATERIALISED_READ = 256 * 1024 * 1024;

/**
 * An in-memory {@link FileHandle}. `size` may exceed the stored bytes: the rest reads as
 * zeros, so tests can fake huge files without allocating them. Counts every byte it hands out.
 */
export class MemoryFile implements FileHandle {
  readonly diskPath: string;
  readonly size: number;
  readonly format: FileFormat;
  /** Total bytes returned by read/stream/text. */
  bytesRead = 0;
  /** Every read as [offset, length requested]. */
  readonly reads: Array<[number, number]> = [];
  /** Called before every read (tests use it to abort mid-scan). */
  onRead: (() => void) | undefined;

  constructor(
    readonly path: string,
    private readonly bytes: Uint8Array,
    options: { size?: number; format?: FileFormat } = {},
  ) {
    this.diskPath = path;
    this.size = options.size ?? bytes.length;
    this.format = options.format ?? 'binary';
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    this.onRead?.();
    this.reads.push([offset, length]);
    const end = Math.min(this.size, offset + length);
    const count = Math.max(0, end - offset);
    if (count > MAX_MATERIALISED_READ) throw new Error(`MemoryFile: refusing to materialise ${count} bytes`);
    const out = new Uint8Array(count);
    if (offset < this.bytes.length) out.set(this.bytes.subarray(offset, Math.min(end, this.bytes.length)));
    this.bytesRead += count;
    return out;
  }

  /** Reads without counting: for test harnesses that need the bytes (e.g. to check magic). */
  async peek(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length, this.bytes.length);
    return this.bytes.slice(Math.min(offset, end), end);
  }

  async *stream(range: { start?: number; end?: number } = {}): AsyncIterable<Uint8Array> {
    const end = Math.min(range.end ?? this.size, this.size);
    for (let at = range.start ?? 0; at < end; at += 65536) yield await this.read(at, Math.min(65536, end - at));
  }

  async text(maxBytes = 1024 * 1024): Promise<string> {
    return new TextDecoder().decode(await this.read(0, Math.min(this.size, maxBytes)));
  }
}

/** A file or a bare directory marker for {@link MemoryDirectory}. */
export type MemoryNode = MemoryFile | 'dir';

/**
 * An in-memory {@link DirectoryHandle} over root-relative paths. Records every path opened.
 */
export class MemoryDirectory implements DirectoryHandle {
  readonly opened: string[] = [];
  private readonly nodes: Map<string, MemoryNode>;

  constructor(
    readonly path: string,
    files: Record<string, MemoryNode>,
  ) {
    this.nodes = new Map(Object.entries(files));
    for (const key of [...this.nodes.keys()]) {
      const parts = key.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!this.nodes.has(dir)) this.nodes.set(dir, 'dir');
      }
    }
  }

  get entries(): readonly DirectoryEntry[] {
    const prefix = this.path === '' ? '' : `${this.path}/`;
    return [...this.nodes.keys()]
      .filter((p) => p.startsWith(prefix) && p.length > prefix.length && !p.slice(prefix.length).includes('/'))
      .sort()
      .map((p) => this.lookup(p)!);
  }

  get files(): readonly DirectoryEntry[] {
    const prefix = this.path === '' ? '' : `${this.path}/`;
    return [...this.nodes.entries()]
      .filter(([p, node]) => node !== 'dir' && p.startsWith(prefix))
      .map(([p]) => p)
      .sort()
      .map((p) => this.lookup(p)!);
  }

  lookup(path: string): DirectoryEntry | undefined {
    const node = this.nodes.get(path);
    if (node === undefined) return undefined;
    const name = path.slice(path.lastIndexOf('/') + 1);
    return node === 'dir'
      ? { name, path, size: 0, kind: 'directory' }
      : { name, path, size: node.size, kind: 'file', format: node.format };
  }

  async open(path: string): Promise<FileHandle> {
    this.opened.push(path);
    const node = this.nodes.get(path);
    if (node === undefined || node === 'dir') throw new Error(`not a file of the scan: ${path}`);
    return node;
  }

  /** The file at `path` (test convenience). */
  file(path: string): MemoryFile {
    const node = this.nodes.get(path);
    if (!(node instanceof MemoryFile)) throw new Error(`no file ${path}`);
    return node;
  }
}
