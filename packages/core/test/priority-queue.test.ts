import { describe, expect, it } from 'vitest';
import { PriorityQueue } from '../src/priority-queue.js';

describe('PriorityQueue', () => {
  it('hands out the highest priority first, and equal priorities in the order they came', () => {
    const queue = new PriorityQueue<string>();
    queue.push('low-1', 0);
    queue.push('high-1', 2);
    queue.push('mid-1', 1);
    queue.push('low-2', 0);
    queue.push('high-2', 2);
    expect(queue.size).toBe(5);
    const order: string[] = [];
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) order.push(item);
    expect(order).toEqual(['high-1', 'high-2', 'mid-1', 'low-1', 'low-2']);
    expect(queue.size).toBe(0);
  });

  it('removes a queued item, and says when the item was not queued', () => {
    const queue = new PriorityQueue<string>();
    queue.push('a', 1);
    queue.push('b', 1);
    expect(queue.remove('a')).toBe(true);
    expect(queue.remove('a')).toBe(false);
    expect(queue.size).toBe(1);
    expect(queue.shift()).toBe('b');
    expect(queue.shift()).toBeUndefined();
  });
});
