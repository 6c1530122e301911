import { emptyParsed, type ParsedFile } from '../model.js';
import { clip } from '../text/lines.js';
import { toRequirement } from './requirement-line.js';

const REQUIREMENT_KEYS = new Set(['install_requires', 'setup_requires', 'tests_require']);

/**
 * Parses `setup.cfg` (INI, as setuptools reads it): `[options] install_requires` (and
 * `setup_requires`, `tests_require`) and every key of `[options.extras_require]`, as dangling
 * lists of PEP 508 strings.
 */
export function parseSetupCfg(text: string, path: string): ParsedFile {
  const file = emptyParsed(path, 'setup-cfg', false);
  let section = '';
  let collecting = false;
  const add = (value: string, line: number) => {
    const spec = value.trim();
    if (!spec || spec.startsWith('#')) return;
    const parsed = toRequirement(spec, { path, line });
    if (parsed.ok) file.requirements.push(parsed.req);
    else file.problems.push({ kind: parsed.kind, line, text: clip(spec), detail: parsed.detail });
  };
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') return;
    const header = /^\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      collecting = false;
      return;
    }
    if (/^\s/.test(raw)) {
      if (collecting) add(raw, line);
      return;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!kv) return;
    const key = kv[1]!.trim().toLowerCase();
    collecting = (section === 'options' && REQUIREMENT_KEYS.has(key)) || section === 'options.extras_require';
    if (collecting && kv[2]!.trim()) for (const part of kv[2]!.split(/,(?![^[]*\])/)) add(part, line);
  });
  return file;
}
