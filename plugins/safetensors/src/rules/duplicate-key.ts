import { displayName } from '../format/display.js';
import type { JsonNode, JsonObject } from '../json/node.js';
import type { Report } from '../reporter.js';
import { defineRule } from '../rule.js';

/** A key that appears more than once in one JSON object. */
export const duplicateKey = defineRule('duplicate-key', {
  description:
    'A JSON object in the header (or shard index) repeats a key, so different parsers see different tensors or values.',
  defaultSeverity: 'high',
  messages: {
    duplicateTensor:
      'Tensor {{name}} is defined {{count}} times; the Rust loader keeps the last definition, other parsers may keep the first',
    duplicateKey: 'Key {{key}} appears {{count}} times in {{at}}; parsers disagree about which value counts',
  },
  tags: ['parser-differential'],
  cwe: ['CWE-436'],
});

/** Where a document's findings go and how its offsets map to the file. */
export interface DuplicateScope {
  /** File offset of the document's first byte (8 for a safetensors header). */
  baseOffset: number;
  /** Report top-level duplicates as tensors (safetensors headers). */
  topLevelAreTensors: boolean;
  /** Finding path, when not the scanned file. */
  path?: string;
}

/** Reports every key repeated within one object, anywhere in the document. */
export function checkDuplicateKeys(root: JsonNode, scope: DuplicateScope, report: Report): void {
  const at: string[] = []; // path of the node being visited, shared and mutated
  const visit = (node: JsonNode): void => {
    if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        at.push(String(i));
        visit(item);
        at.pop();
      });
    } else if (node.kind === 'object') {
      for (const [key, offsets] of repeatedKeys(node)) reportKey(key, offsets, [...at], scope, report);
      for (const member of node.members) {
        at.push(member.key);
        visit(member.value);
        at.pop();
      }
    }
  };
  visit(root);
}

/** Keys that occur more than once in `object`, with the offsets of every occurrence. */
function repeatedKeys(object: JsonObject): Map<string, number[]> {
  const members = object.members;
  const repeated = new Map<string, number[]>();
  // Small objects (every tensor entry) need no map unless something repeats.
  if (members.length <= 8) {
    let any = false;
    for (let i = 1; i < members.length && !any; i++) {
      for (let j = 0; j < i; j++) if (members[i]!.key === members[j]!.key) any = true;
    }
    if (!any) return repeated;
  }
  const seen = new Map<string, number[]>();
  for (const member of members) {
    const offsets = seen.get(member.key);
    if (offsets) {
      offsets.push(member.keyStart);
      repeated.set(member.key, offsets);
    } else seen.set(member.key, [member.keyStart]);
  }
  return repeated;
}

function reportKey(key: string, offsets: number[], at: string[], scope: DuplicateScope, report: Report): void {
  const shown = displayName(key);
  const count = offsets.length;
  const details = {
    location: { byteOffset: scope.baseOffset + offsets[1]!, logical: [...at, key].map(displayName) },
    evidence: { key: shown, count, byteOffsets: offsets.slice(0, 8).map((o) => scope.baseOffset + o) },
    ...(scope.path !== undefined ? { path: scope.path } : {}),
  };
  if (at.length === 0 && scope.topLevelAreTensors && key !== '__metadata__') {
    report(duplicateKey, 'duplicateTensor', { ...details, data: { name: shown, count } });
  } else {
    const where = at.length === 0 ? 'the top-level object' : `/${at.map(displayName).join('/')}`;
    report(duplicateKey, 'duplicateKey', { ...details, data: { key: shown, count, at: where } });
  }
}
