import type { FileScanner } from '@modelgate/plugin-api';
import { checkFile } from '../check-file.js';
import { createReporter } from '../reporter.js';
import { fileScannerDeclaration } from './declarations.js';

/** Validates each safetensors file (by extension or sniffed format), header only. */
export const fileScanner: FileScanner = {
  ...fileScannerDeclaration,
  scan: (file, ctx) => checkFile(file, createReporter(ctx), ctx.signal),
};
