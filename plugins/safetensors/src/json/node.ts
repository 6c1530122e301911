/**
 * A JSON value with its position: `start`/`end` are byte offsets into the parsed buffer
 * (end exclusive). Objects keep every member in order, duplicates included.
 */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonLiteral;

interface Span {
  start: number;
  end: number;
}

/** One `"key": value` pair of an object; `keyStart` is the offset of the key's opening quote. */
export interface JsonMember {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export interface JsonObject extends Span {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonArray extends Span {
  kind: 'array';
  items: JsonNode[];
}

export interface JsonString extends Span {
  kind: 'string';
  value: string;
}

/** A number kept as its source text, so integers of any size stay exact. */
export interface JsonNumber extends Span {
  kind: 'number';
  raw: string;
}

export interface JsonLiteral extends Span {
  kind: 'true' | 'false' | 'null';
}

/** Last-wins view of an object's members, as serde_json's maps and Python's `json` build it. */
export function lastWins(object: JsonObject): Map<string, JsonMember> {
  const map = new Map<string, JsonMember>();
  for (const member of object.members) map.set(member.key, member);
  return map;
}

/** Short description of a node's type for messages (`object`, `array`, `string`, ...). */
export function jsonTypeName(node: JsonNode): string {
  return node.kind === 'true' || node.kind === 'false' ? 'boolean' : node.kind;
}
