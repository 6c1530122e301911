import type { CheckContext } from '../analysis/check-context.js';
import { invalidMetadata } from './declarations.js';

const KIND_MESSAGE = { 'invalid-yaml': 'invalidYaml', 'invalid-json': 'invalidJson', 'not-text': 'notText', unreadable: 'unreadable' } as const;

/** Reports every problem met while reading licence sources. */
export function checkInvalidMetadata(cx: CheckContext): void {
  for (const problem of cx.problems) {
    const detail = problem.kind === 'not-text' ? (problem.detail === 'nul-bytes' ? 'it holds NUL bytes' : 'it is not valid UTF-8') : problem.detail;
    cx.report(invalidMetadata, KIND_MESSAGE[problem.kind], {
      path: problem.path,
      ...(problem.line !== undefined && { location: { line: problem.line } }),
      data: { path: problem.path, detail },
      evidence: { problem: problem.kind, detail: problem.detail },
    });
  }
}
