/** Rules of this plugin: a name (without the `requirements/` namespace) and declared meta, from the kit. */
export { declareRule as defineRule, type DeclaredRule as Rule } from '@modelgate/plugin-kit';
