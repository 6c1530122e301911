export { MemoryDirectory, MemoryFile } from './memory-handles.js';
export type { MemoryNode } from './memory-handles.js';
export { createTestContext, scanDirectoryWith, scanFileWith } from './test-context.js';
export type { TestFinding, TestRun } from './test-context.js';
