/** Shows a secret's first characters only, so the report does not leak it again. */
export function mask(secret: string): string {
  return `${secret.slice(0, 6)}…(${secret.length} chars)`;
}
