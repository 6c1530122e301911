import type { TestFinding } from './test-context.js';

/** A finding a test expects; fields left out are not compared. */
export interface ExpectedFinding {
  /** Rule name without namespace (`header-too-large`) or full id (`safetensors/header-too-large`). */
  rule: string;
  messageId?: string;
  message?: string | RegExp;
  data?: Record<string, string | number>;
  path?: string;
  byteOffset?: number;
  line?: number;
}

function matches(expected: ExpectedFinding, actual: TestFinding): boolean {
  if (expected.rule !== actual.rule && expected.rule !== actual.ruleId) return false;
  if (expected.messageId !== undefined && expected.messageId !== actual.messageId) return false;
  if (expected.message instanceof RegExp ? !expected.message.test(actual.message) : expected.message !== undefined && expected.message !== actual.message) return false;
  if (expected.path !== undefined && expected.path !== actual.path) return false;
  if (expected.byteOffset !== undefined && expected.byteOffset !== actual.location?.byteOffset) return false;
  if (expected.line !== undefined && expected.line !== actual.location?.line) return false;
  return Object.entries(expected.data ?? {}).every(([key, value]) => actual.data?.[key] === value);
}

const describe = (f: TestFinding) => `${f.ruleId}/${f.messageId}: ${f.message}`;

/**
 * Pairs expected with actual findings (order does not matter); returns what is wrong, or
 * an empty list when every expected finding was reported and nothing else.
 */
export function compareFindings(expected: readonly ExpectedFinding[], actual: readonly TestFinding[]): string[] {
  const unmatched = [...actual];
  const problems: string[] = [];
  for (const want of expected) {
    const index = unmatched.findIndex((got) => matches(want, got));
    if (index < 0) problems.push(`expected a finding ${JSON.stringify({ ...want, message: want.message?.toString() })}, not reported`);
    else unmatched.splice(index, 1);
  }
  for (const extra of unmatched) problems.push(`unexpected finding ${describe(extra)}`);
  return problems;
}
