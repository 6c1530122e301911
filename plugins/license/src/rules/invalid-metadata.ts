import type { CheckContext } from '../analysis/check-context.js';
import { defineRule } from '../rule.js';

/** A licence source that could not be read. */
export const invalidMetadata = defineRule('invalid-metadata', {
  description: 'A card\'s front matter, a manifest or provenance file is not valid YAML/JSON, a file named like a licence is not text, or a licence source could not be read, so the licence it may state was not considered.',
  defaultSeverity: 'low',
  messages: {
    invalidYaml: '{{path}} is not valid YAML ({{detail}}): its licence statements were not read',
    invalidJson: '{{path}} is not valid JSON ({{detail}}): its licence statements were not read',
    notText: '{{path}} is not text ({{detail}}) and was not treated as a licence or card',
    unreadable: '{{path}} could not be read ({{detail}}): its licence statements were not considered',
  },
  tags: ['license', 'format'],
});

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
