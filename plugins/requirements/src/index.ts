import { definePlugin } from '@modelgate/plugin-api';

/** @modelgate/plugin-requirements: not implemented yet (scaffold). */
export default definePlugin({
  apiVersion: 1,
  meta: { name: '@modelgate/plugin-requirements', version: '0.1.0', namespace: 'requirements' },
  rules: {},
  scanners: [],
});
