/** Default file name of the manifest `modelgate manifest create` writes. */
export const MANIFEST_FILE_NAME = 'modelgate-manifest.yaml';

/** `manifest_version` of the format this package writes. */
export const MANIFEST_VERSION = 1;
