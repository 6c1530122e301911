import { definePlugin } from '@modelgate/plugin-api';

/** @modelgate/plugin-license: not implemented yet (scaffold). */
export default definePlugin({
  apiVersion: 1,
  meta: { name: '@modelgate/plugin-license', version: '0.1.0', namespace: 'license' },
  rules: {},
  scanners: [],
});
