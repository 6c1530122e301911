/**
 * A queue that hands out the item of highest priority first, and items of equal priority in the
 * order they came. Priorities are few small integers (one FIFO each).
 */
export class PriorityQueue<T> {
  /** One FIFO per priority, highest priority first. */
  private readonly levels: { readonly priority: number; items: T[] }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T, priority: number): void {
    let level = this.levels.find((l) => l.priority === priority);
    if (!level) {
      level = { priority, items: [] };
      this.levels.push(level);
      this.levels.sort((a, b) => b.priority - a.priority);
    }
    level.items.push(item);
    this.count++;
  }

  shift(): T | undefined {
    const level = this.levels.find((l) => l.items.length > 0);
    if (!level) return undefined;
    this.count--;
    return level.items.shift();
  }

  /** Takes every item that `matches` out of the queue and returns them, in queue order. */
  removeWhere(matches: (item: T) => boolean): T[] {
    const removed: T[] = [];
    for (const level of this.levels) {
      const kept: T[] = [];
      for (const item of level.items) (matches(item) ? removed : kept).push(item);
      level.items = kept;
    }
    this.count -= removed.length;
    return removed;
  }
}
