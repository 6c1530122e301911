/**
 * A queue that hands out the item of highest priority first, and items of equal priority in the
 * order they came. Priorities are few small integers (one FIFO each).
 */
export class PriorityQueue<T> {
  /** One FIFO per priority, highest priority first. */
  private readonly levels: { priority: number; items: T[] }[] = [];
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

  /** Takes `item` out of the queue; false when it was not in it. */
  remove(item: T): boolean {
    for (const level of this.levels) {
      const index = level.items.indexOf(item);
      if (index === -1) continue;
      level.items.splice(index, 1);
      this.count--;
      return true;
    }
    return false;
  }
}
