import type { FileScanner } from '@modelgate/plugin-api';
import { sevenZipScannerDeclaration } from './declarations.js';

/**
 * 7z archives: no maintained pure-JS or WASM reader streams members with bounded memory
 * (see the README), so the scan is marked incomplete instead of passing the file as clean.
 */
export const sevenZipScanner: FileScanner = {
  ...sevenZipScannerDeclaration,
  scan(file, ctx) {
    if (file.format !== '7z') return;
    ctx.fail('NOT_ANALYSABLE', '7z archives cannot be analysed (no bounded 7z reader); pickles inside were not checked');
  },
};
