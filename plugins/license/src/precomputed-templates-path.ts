// This file sits at the root of src/ (and of dist/, bundled or not), so the path holds in both.
/** Where the build (`scripts/build-templates.mjs`) writes the precomputed licence fingerprints. */
export const PRECOMPUTED_TEMPLATES = new URL('../dist/license-templates.bin', import.meta.url);
