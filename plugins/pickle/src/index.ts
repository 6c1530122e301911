import { definePlugin } from '@modelgate/plugin-api';

/** @modelgate/plugin-pickle: not implemented yet (scaffold). */
export default definePlugin({
  apiVersion: 1,
  meta: { name: '@modelgate/plugin-pickle', version: '0.1.0', namespace: 'pickle' },
  rules: {},
  scanners: [],
});
