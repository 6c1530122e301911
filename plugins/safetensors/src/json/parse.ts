import type { JsonArray, JsonMember, JsonNode, JsonNumber, JsonObject, JsonString } from './node.js';

/** Why a buffer is not JSON, and at which byte offset. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * Strict RFC 8259 parser over UTF-8 bytes (validate the UTF-8 first: strings are sliced
 * without re-checking), accepting exactly what serde_json accepts: whitespace is space, tab, LF and CR only; no comments, trailing commas,
 * NaN, BOM or lone surrogate escapes; at most `maxDepth` nested containers. Keeps duplicate
 * keys and byte positions, which `JSON.parse` loses. Throws {@link JsonSyntaxError}.
 */
export function parseJson(bytes: Uint8Array, maxDepth: number): JsonNode {
  const parser = new Parser(bytes, maxDepth);
  parser.skipWhitespace();
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.pos < bytes.length) parser.fail('trailing characters after the JSON value');
  return value;
}

class Parser {
  pos = 0;

  /** Same bytes as a Buffer, for fast native slicing of (already validated) string runs. */
  private readonly buffer: Buffer;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
  ) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  fail(message: string, at = this.pos): never {
    throw new JsonSyntaxError(message, at);
  }

  skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  value(depth: number): JsonNode {
    const c = this.bytes[this.pos];
    switch (c) {
      case 0x7b: return this.object(depth + 1);
      case 0x5b: return this.array(depth + 1);
      case 0x22: return this.string();
      case 0x74: return this.literal('true');
      case 0x66: return this.literal('false');
      case 0x6e: return this.literal('null');
      case undefined: return this.fail('unexpected end of input');
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail('expected a JSON value');
    }
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`);
  }

  private object(depth: number): JsonObject {
    this.enter(depth);
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.bytes[this.pos] === 0x7d) return { kind: 'object', start, end: ++this.pos, members };
    for (;;) {
      this.skipWhitespace();
      if (this.bytes[this.pos] !== 0x22) this.fail('expected a string key');
      const keyStart = this.pos;
      const key = this.string().value;
      this.skipWhitespace();
      if (this.bytes[this.pos] !== 0x3a) this.fail("expected ':'");
      this.pos++;
      this.skipWhitespace();
      members.push({ key, keyStart, value: this.value(depth) });
      this.skipWhitespace();
      const c = this.bytes[this.pos];
      this.pos++;
      if (c === 0x7d) return { kind: 'object', start, end: this.pos, members };
      if (c !== 0x2c) this.fail("expected ',' or '}'", this.pos - 1);
    }
  }

  private array(depth: number): JsonArray {
    this.enter(depth);
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.bytes[this.pos] === 0x5d) return { kind: 'array', start, end: ++this.pos, items };
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth));
      this.skipWhitespace();
      const c = this.bytes[this.pos];
      this.pos++;
      if (c === 0x5d) return { kind: 'array', start, end: this.pos, items };
      if (c !== 0x2c) this.fail("expected ',' or ']'", this.pos - 1);
    }
  }

  private string(): JsonString {
    const b = this.bytes;
    const start = this.pos++;
    let out = '';
    let run = this.pos;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === 0x22) {
        out += this.buffer.toString('utf8', run, this.pos);
        this.pos++;
        return { kind: 'string', start, end: this.pos, value: out };
      }
      if (c < 0x20) this.fail('control character in string');
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += this.buffer.toString('utf8', run, this.pos);
      out += this.escape();
      run = this.pos;
    }
  }

  /** Decodes one escape sequence at `pos` (the backslash). */
  private escape(): string {
    const at = this.pos;
    const c = this.bytes[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case 0x22: return '"';
      case 0x5c: return '\\';
      case 0x2f: return '/';
      case 0x62: return '\b';
      case 0x66: return '\f';
      case 0x6e: return '\n';
      case 0x72: return '\r';
      case 0x74: return '\t';
      case 0x75: break;
      default: return this.fail('invalid escape', at);
    }
    const unit = this.hex4();
    if (unit >= 0xdc00 && unit <= 0xdfff) this.fail('lone low surrogate escape', at);
    if (unit < 0xd800 || unit > 0xdbff) return String.fromCharCode(unit);
    if (this.bytes[this.pos] !== 0x5c || this.bytes[this.pos + 1] !== 0x75) {
      this.fail('lone high surrogate escape', at);
    }
    this.pos += 2;
    const low = this.hex4();
    if (low < 0xdc00 || low > 0xdfff) this.fail('lone high surrogate escape', at);
    return String.fromCharCode(unit, low);
  }

  private hex4(): number {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.bytes[this.pos + k];
      let d: number;
      if (c !== undefined && c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c !== undefined && c >= 0x41 && c <= 0x46) d = c - 0x37;
      else if (c !== undefined && c >= 0x61 && c <= 0x66) d = c - 0x57;
      else return this.fail('invalid \\u escape', this.pos + k);
      n = n * 16 + d;
    }
    this.pos += 4;
    return n;
  }

  private number(): JsonNumber {
    const b = this.bytes;
    const start = this.pos;
    const digits = (): number => {
      const from = this.pos;
      while (isDigit(b[this.pos])) this.pos++;
      return this.pos - from;
    };
    if (b[this.pos] === 0x2d) this.pos++;
    if (b[this.pos] === 0x30) {
      this.pos++;
      if (isDigit(b[this.pos])) this.fail('leading zero in number');
    } else if (digits() === 0) this.fail('invalid number');
    if (b[this.pos] === 0x2e) {
      this.pos++;
      if (digits() === 0) this.fail('invalid number');
    }
    if (b[this.pos] === 0x65 || b[this.pos] === 0x45) {
      this.pos++;
      if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) this.pos++;
      if (digits() === 0) this.fail('invalid number');
    }
    return { kind: 'number', start, end: this.pos, raw: this.buffer.toString('latin1', start, this.pos) };
  }

  private literal(word: 'true' | 'false' | 'null'): JsonNode {
    const start = this.pos;
    for (let k = 0; k < word.length; k++) {
      if (this.bytes[this.pos + k] !== word.charCodeAt(k)) this.fail('invalid literal');
    }
    this.pos += word.length;
    return { kind: word, start, end: this.pos };
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}
