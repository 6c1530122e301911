import { definePlugin } from '@modelgate/plugin-api';

/** @modelgate/plugin-dataset-manifest: not implemented yet (scaffold). */
export default definePlugin({
  apiVersion: 1,
  meta: { name: '@modelgate/plugin-dataset-manifest', version: '0.1.0', namespace: 'manifest' },
  rules: {},
  scanners: [],
});
