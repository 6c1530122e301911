import type { ContainerAnomaly, ContainerLimits, OpenedContainer } from '../../src/containers/index.js';
import { DEFAULT_CONTAINER_LIMITS } from '../../src/containers/index.js';

/** Default limits, overridable per test. */
export function limits(overrides: Partial<ContainerLimits> = {}): ContainerLimits {
  return { ...DEFAULT_CONTAINER_LIMITS, ...overrides };
}

/** Anomalies of one rule. */
export function anomaliesOf(opened: OpenedContainer, rule: string): ContainerAnomaly[] {
  return opened.anomalies.filter((a) => a.rule === rule);
}

/** The rejection of `promise` (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

/** Member names in order. */
export function names(opened: OpenedContainer): string[] {
  return opened.members.map((m) => m.name);
}

export const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
