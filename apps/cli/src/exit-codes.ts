/** Exit codes: a contract CI pipelines rely on (DESIGN.md §3). */
export const ExitCode = {
  /** Nothing at or above --fail-on, and the scan is complete. */
  Clean: 0,
  /** At least one unsuppressed finding at or above --fail-on. */
  Findings: 1,
  /** Usage, config or fatal error. */
  UsageError: 2,
  /** The scan is incomplete (a file errored, timed out or hit a limit) and nothing reached the threshold. */
  Incomplete: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
