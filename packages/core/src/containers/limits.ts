import { LimitError } from '../byte-source.js';
import type { ContainerLimits } from './types.js';

const GIB = 1024 ** 3;

/**
 * Default container limits: generous enough for multi-GiB model checkpoints (a 7B fp16
 * model in one zip is ~14 GiB, mostly stored, which does not count as inflated), tight enough
 * that a bomb stops long before memory or disk would matter (only a small window of inflated
 * bytes is ever held in memory, so these limits bound CPU time, not memory).
 */
export const DEFAULT_CONTAINER_LIMITS: Readonly<ContainerLimits> = Object.freeze({
  maxEntries: 100_000,
  maxMemberBytes: 8 * GIB,
  maxTotalBytes: 16 * GIB,
  maxRatio: 1000,
});

/**
 * The running inflate budget of one opened container, shared by all its members.
 * Each member counts the furthest offset it ever inflated to (its high-water mark), so
 * re-reading a member after a backward seek costs CPU but not budget.
 */
export class InflateBudget {
  private total = 0;

  constructor(
    readonly limits: ContainerLimits,
    private readonly containerName: string,
  ) {}

  /** Records `bytes` newly inflated; throws `LIMIT_INFLATE` once the container total passes its limit. */
  charge(bytes: number): void {
    this.total += bytes;
    if (this.total > this.limits.maxTotalBytes) {
      throw new LimitError(
        'LIMIT_INFLATE',
        `${this.containerName}: members inflate to more than ${this.limits.maxTotalBytes} bytes in total`,
      );
    }
  }
}
