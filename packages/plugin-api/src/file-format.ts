/**
 * What a file is, decided by its content (magic bytes), never by its name alone.
 * `text` covers UTF-8 text that is not JSON; `binary` is anything unrecognised.
 */
export type FileFormat =
  | 'pickle'
  | 'zip'
  | 'tar'
  | 'gzip'
  | 'bz2'
  | 'xz'
  | '7z'
  | 'npy'
  | 'safetensors'
  | 'gguf'
  | 'json'
  | 'text'
  | 'empty'
  | 'binary';

/** Formats the engine opens as containers and scans member by member. */
export const CONTAINER_FORMATS: readonly FileFormat[] = ['zip', 'tar', 'gzip', 'bz2', 'xz'];
