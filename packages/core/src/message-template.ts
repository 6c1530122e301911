const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** Placeholder names in a message template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills `{{name}}` placeholders from `data`; unknown names are left as they are. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
