import type { RuleMeta } from '@modelgate/plugin-api';
import type { Rule } from '../rule.js';
import { dangerousGlobal } from './dangerous-global.js';
import { extensionCode } from './extension-code.js';
import { frameInconsistency } from './frame-inconsistency.js';
import { globalMutation } from './global-mutation.js';
import { hiddenStream } from './hidden-stream.js';
import { malformedPickle } from './malformed-pickle.js';
import { nestedPickle } from './nested-pickle.js';
import { nonLiteralGlobal } from './non-literal-global.js';
import { objectArray } from './object-array.js';
import { resourceLimit } from './resource-limit.js';
import { unknownGlobal } from './unknown-global.js';
import { unknownGlobalCall } from './unknown-global-call.js';

/** Every rule of the plugin, in the order the docs list them. */
export const ALL_RULES: readonly Rule[] = [
  dangerousGlobal,
  nonLiteralGlobal,
  unknownGlobalCall,
  unknownGlobal,
  globalMutation,
  extensionCode,
  nestedPickle,
  hiddenStream,
  malformedPickle,
  frameInconsistency,
  resourceLimit,
  objectArray,
];

/** The plugin's `rules` record: rule name → declared meta. Docs: `docs/rules/<name>.md`. */
export const rules: Record<string, RuleMeta> = Object.fromEntries(ALL_RULES.map((rule) => [rule.name, rule.meta]));

export {
  dangerousGlobal,
  extensionCode,
  frameInconsistency,
  globalMutation,
  hiddenStream,
  malformedPickle,
  nestedPickle,
  nonLiteralGlobal,
  objectArray,
  resourceLimit,
  unknownGlobal,
  unknownGlobalCall,
};
