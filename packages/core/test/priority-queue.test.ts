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

  it('removes the items that match, at every priority, and keeps the order of the rest', () => {
    const queue = new PriorityQueue<string>();
    queue.push('a-1', 1);
    queue.push('b-1', 1);
    queue.push('a-2', 2);
    queue.push('b-2', 2);
    queue.push('a-3', 1);
    expect(queue.removeWhere((item) => item.startsWith('a'))).toEqual(['a-2', 'a-1', 'a-3']);
    expect(queue.removeWhere((item) => item.startsWith('a'))).toEqual([]);
    expect(queue.size).toBe(2);
    expect(queue.shift()).toBe('b-2');
    expect(queue.shift()).toBe('b-1');
    expect(queue.shift()).toBeUndefined();
  });
});
