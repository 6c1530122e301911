/**
 * The parts of the YAML library this plugin uses, in a module of their own so that `yaml-doc.ts`
 * can import them on demand. A bundled `import('yaml')` would give only the CommonJS module's
 * `default`; re-exported here, the names are bound when this module is bundled.
 */
export { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
