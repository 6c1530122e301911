/**
 * A YAML double-quoted scalar for `value` that JSON also reads the same way: JSON escapes, plus
 * escapes for the characters YAML treats specially or that hide in terminals (C1 controls,
 * NEL, LS/PS, BOM; JSON.stringify already escapes lone surrogates). So a YAML parser and the fast reader agree byte for byte.
 */
export function quote(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
