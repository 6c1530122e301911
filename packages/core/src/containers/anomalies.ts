import type { ContainerAnomaly } from './types.js';

/** Most anomalies kept per rule and container; the rest are counted on the last one kept. */
export const MAX_ANOMALIES_PER_RULE = 50;

/**
 * Collects anomalies of one container, keeping at most {@link MAX_ANOMALIES_PER_RULE} per rule
 * so that a hostile archive with 100,000 bad entries cannot flood the report. When some are
 * dropped, the last kept anomaly of that rule gets `data.omitted` = how many were dropped.
 */
export class AnomalyCollector {
  readonly list: ContainerAnomaly[] = [];
  private readonly counts = new Map<string, number>();
  private readonly lastKept = new Map<string, ContainerAnomaly>();

  add(anomaly: ContainerAnomaly): void {
    const count = (this.counts.get(anomaly.rule) ?? 0) + 1;
    this.counts.set(anomaly.rule, count);
    if (count <= MAX_ANOMALIES_PER_RULE) {
      this.list.push(anomaly);
      this.lastKept.set(anomaly.rule, anomaly);
      return;
    }
    const last = this.lastKept.get(anomaly.rule);
    if (last) last.data.omitted = count - MAX_ANOMALIES_PER_RULE;
  }

  /** True when an anomaly of `rule` was added. */
  has(rule: string): boolean {
    return this.counts.has(rule);
  }
}
