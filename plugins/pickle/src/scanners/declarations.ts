import type { FileScanner } from '@modelgate/plugin-api';

/** Names pickle-based formats use; files so named are analysed even when not sniffed as pickles. */
export const PICKLE_NAMES = [
  '*.pkl', '*.pickle', '*.pck', '*.pcl', '*.p', '*.pt', '*.pth', '*.bin', '*.ckpt', '*.joblib', '*.jbl',
  '*.npy', '*.dat', '*.data', '*.pkl.*', '*.joblib.*', 'data.pkl', '*.mar', '*.model', '*.sav', '*.lzma', '*.z', '*.zlib',
];

/** Pickles by content, and files named like pickle-based formats whatever their content. */
export const pickleScannerDeclaration = {
  id: 'pickle-file',
  scope: 'file',
  filter: { formats: ['pickle', 'npy'], include: PICKLE_NAMES },
} satisfies Omit<FileScanner, 'scan'>;

/** 7z archives, which cannot be analysed (see the README). */
export const sevenZipScannerDeclaration = {
  id: 'pickle-7z',
  scope: 'file',
  filter: { formats: ['7z'], include: ['*.7z'] },
} satisfies Omit<FileScanner, 'scan'>;
