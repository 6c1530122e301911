import type { FileKind, ParsedFile } from '../model.js';
import { parseCondaEnvironment } from './conda.js';
import { parseDockerfile } from './dockerfile.js';
import { parseTomlLock } from './lock-toml.js';
import { parsePipfile, parsePipfileLock } from './pipfile.js';
import { parsePyproject } from './pyproject.js';
import { parseRequirementsText } from './requirements-txt.js';
import { parseSetupCfg } from './setup-cfg.js';

/**
 * Parses a dependency file's text by kind. Throws {@link FileParseError} when the file's syntax
 * (TOML, YAML, JSON) is invalid; line-level problems are returned in `problems`.
 */
export function parseDependencyFile(text: string, path: string, kind: FileKind, options: { constraint?: boolean } = {}): ParsedFile {
  switch (kind) {
    case 'requirements':
      return parseRequirementsText(text, path, options);
    case 'pyproject':
      return parsePyproject(text, path);
    case 'pipfile':
      return parsePipfile(text, path);
    case 'pipfile-lock':
      return parsePipfileLock(text, path);
    case 'poetry-lock':
    case 'uv-lock':
      return parseTomlLock(text, path, kind);
    case 'conda':
      return parseCondaEnvironment(text, path);
    case 'setup-cfg':
      return parseSetupCfg(text, path);
    case 'dockerfile':
      return parseDockerfile(text, path);
  }
}
