import type { Value } from './values.js';

const MAX_TEXT = 120;
const MAX_OUT = 400;
const MAX_DEPTH = 4;
const MAX_ITEMS = 6;

function quote(text: string, cut: boolean): string {
  const body = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const escaped = JSON.stringify(body).slice(1, -1).replace(/'/g, "\\'");
  return `'${escaped}${cut || text.length > MAX_TEXT ? '…' : ''}'`;
}

function items(values: readonly Value[], count: number, depth: number): string {
  const shown = values.slice(0, MAX_ITEMS).map((v) => render(v, depth + 1));
  if (count > shown.length) shown.push(`…${count - shown.length} more`);
  return shown.join(', ');
}

/** The name a callable value is shown with. */
export function callableName(value: Value, depth = 0): string {
  if (value.k === 'global') return value.record.path === `${value.record.module}.${value.record.name}` ? value.record.path : `${value.record.module}.${value.record.name}`;
  return `(${render(value, depth + 1)})`;
}

/** Arguments of a call as written in Python: a tuple's items, spread. */
export function renderArgs(args: readonly Value[], depth = 0): string {
  if (args.length === 1 && args[0]!.k === 'tuple') return items(args[0]!.items, args[0]!.count, depth);
  return args.map((a) => render(a, depth + 1)).join(', ');
}

/** A short Python-like rendering of a symbolic value, bounded in depth and length. */
export function render(value: Value, depth = 0): string {
  if (depth > MAX_DEPTH) return '…';
  let out: string;
  switch (value.k) {
    case 'none':
      out = 'None';
      break;
    case 'bool':
      out = value.v ? 'True' : 'False';
      break;
    case 'int':
    case 'float':
      out = String(value.v);
      break;
    case 'str':
      out = quote(value.text, !value.complete);
      break;
    case 'bytes':
      out = `b${quote(value.text, !value.complete)}`;
      break;
    case 'list':
      out = `[${items(value.items, value.count, depth)}]`;
      break;
    case 'tuple':
      out = value.count === 1 ? `(${items(value.items, value.count, depth)},)` : `(${items(value.items, value.count, depth)})`;
      break;
    case 'dict': {
      const pairs: string[] = [];
      for (let i = 0; i + 1 < value.items.length && pairs.length < MAX_ITEMS; i += 2) pairs.push(`${render(value.items[i]!, depth + 1)}: ${render(value.items[i + 1]!, depth + 1)}`);
      const total = Math.floor(value.count / 2);
      if (total > pairs.length) pairs.push(`…${total - pairs.length} more`);
      out = `{${pairs.join(', ')}}`;
      break;
    }
    case 'set':
    case 'frozenset':
      out = `${value.k}({${items(value.items, value.count, depth)}})`;
      break;
    case 'call':
      out = `${callableName(value.fn, depth)}(${renderArgs(value.args, depth)}${value.kwargs ? `, **${render(value.kwargs, depth + 1)}` : ''})`;
      break;
    case 'global':
      out = callableName(value);
      break;
    case 'persid':
      out = `persistent_load(${render(value.id, depth + 1)})`;
      break;
    case 'ext':
      out = `<extension ${value.code}>`;
      break;
    case 'buffer':
      out = '<out-of-band buffer>';
      break;
    case 'unknown':
      out = `<${value.why}>`;
      break;
  }
  return out.length > MAX_OUT ? `${out.slice(0, MAX_OUT)}…` : out;
}
