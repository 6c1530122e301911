import type { ParsedFile } from '../model.js';
import { invalidRequirement } from '../rules/invalid-requirement.js';
import type { CheckContext } from './context.js';

const MESSAGE = { 'unknown-option': 'unknownOption', 'invalid-requirement': 'invalidRequirement', 'invalid-version': 'invalidVersion' } as const;

/** Reports every line the installer would reject (rule `invalid-requirement`). */
export function checkProblems(file: ParsedFile, { report }: CheckContext): void {
  for (const problem of file.problems) {
    report(invalidRequirement, MESSAGE[problem.kind], { path: file.path, location: { line: problem.line }, data: { detail: problem.detail, text: problem.text } });
  }
}
