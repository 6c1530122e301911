/** What kind of dependency file a path is; decides how it is parsed and which rules apply. */
export type FileKind =
  | 'requirements'
  | 'pyproject'
  | 'pipfile'
  | 'pipfile-lock'
  | 'poetry-lock'
  | 'uv-lock'
  | 'conda'
  | 'setup-cfg'
  | 'dockerfile';

/** A VCS reference (`git+https://…@ref`). */
export interface VcsReference {
  type: 'git' | 'hg' | 'svn' | 'bzr';
  url: string;
  ref?: string;
}

/** One dependency as a file declares it, normalised across file formats. */
export interface Requirement {
  /** Name as written. */
  name: string;
  /** PEP 503 normalised name (`Torch_Vision` → `torch-vision`); '' when unknown (bare URL). */
  key: string;
  /** PEP 440 specifier, clauses joined with ','; '' when none. */
  specifier: string;
  /** The exact version when the specifier is `==X` (no wildcard) or `===X`, or a lock file's version. */
  pinned?: string;
  extras: string[];
  marker?: string;
  /** Direct URL (`name @ https://…`, a bare URL, or a VCS URL). */
  url?: string;
  vcs?: VcsReference;
  editable?: boolean;
  /** A local path (`./pkg`, `file:`): part of the project, not fetched. */
  local?: boolean;
  /** `algo:hex` from `--hash` options or a `#sha256=` URL fragment. */
  hashes: string[];
  /** The version or URL holds an unexpanded `${VAR}`. */
  dynamic?: boolean;
  /** From a lock file: the resolved version. */
  locked?: boolean;
  /** From a constraints file (`-c`): limits versions, installs nothing. */
  constraint?: boolean;
  /** A conda (not pip) dependency of an environment file. */
  conda?: boolean;
  /** 1-based line of the requirement in its file. */
  line: number;
  /** Root-relative path of the file. */
  path: string;
  /** The text as written (trimmed, at most 200 characters). */
  raw: string;
}

/** A package index, find-links location or trusted host a file configures. */
export interface IndexRef {
  kind: 'index-url' | 'extra-index-url' | 'find-links' | 'trusted-host' | 'source';
  url: string;
  line: number;
  path: string;
  /** Source name (Poetry, Pipfile, uv). */
  name?: string;
  /** Pipfile `verify_ssl = false`. */
  noVerify?: boolean;
}

/** `-r` / `-c` (or `pip install -r` in a Dockerfile, or a conda `pip:` section's includes). */
export interface Include {
  kind: 'requirement' | 'constraint';
  target: string;
  line: number;
  path: string;
  /** From a Dockerfile: resolution is best effort (the build context is not known). */
  bestEffort?: boolean;
}

/** A line the file's own tool would reject: unknown option, invalid version or name. */
export interface LineProblem {
  kind: 'unknown-option' | 'invalid-requirement' | 'invalid-version';
  line: number;
  text: string;
  detail: string;
}

/** A CUDA version a file implies. */
export interface CudaHint {
  /** `major.minor`, e.g. `12.1`. */
  cuda: string;
  source: 'local-version' | 'index-url' | 'base-image' | 'conda';
  line: number;
  path: string;
  text: string;
}

/** Several package indexes that can serve the same name (dependency confusion). */
export interface MultiIndex {
  line: number;
  names: string[];
  why: string;
}

/** Everything one dependency file declares. */
export interface ParsedFile {
  path: string;
  kind: FileKind;
  /** Application files pin everything (requirements files, conda environments, Dockerfiles). */
  application: boolean;
  requirements: Requirement[];
  indexes: IndexRef[];
  includes: Include[];
  problems: LineProblem[];
  cuda: CudaHint[];
  multiIndex: MultiIndex[];
  /** `--require-hashes` line, if any. */
  requireHashes?: number;
}

/** An empty {@link ParsedFile}. */
export function emptyParsed(path: string, kind: FileKind, application: boolean): ParsedFile {
  return { path, kind, application, requirements: [], indexes: [], includes: [], problems: [], cuda: [], multiIndex: [] };
}
