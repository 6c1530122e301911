/** Longest tensor or key name put verbatim into a finding; longer ones are cut. */
const MAX_NAME_CHARS = 200;

/** A name short enough for messages, `logical` locations and evidence. */
export function displayName(name: string): string {
  return name.length <= MAX_NAME_CHARS ? name : `${name.slice(0, MAX_NAME_CHARS)}…`;
}

/** A shape for messages: at most 8 dimensions, then `…`. */
export function displayShape(shape: readonly bigint[]): string {
  const shown = shape.slice(0, 8).map(String).join(', ');
  return shape.length > 8 ? `${shown}, … (${shape.length} dims)` : shown;
}
