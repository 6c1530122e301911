/**
 * @modelgate/plugin-kit: helpers for plugin authors. Test helpers live in `@modelgate/plugin-kit/testing`.
 */
export {};
