#!/usr/bin/env node
// Generates a synthetic, deterministic model directory for the benchmark:
//   model-0000N-of-0000M.safetensors  valid safetensors shards of ~500 MB, ~--size-gb GB in total
//   model.safetensors.index.json      weight_map: tensor name -> shard file
//   config.json, tokenizer.json, ...  the usual top-level files
//   tokenizer/ configs/ docs/ assets/ --small-files small files (json, text, binary) in total
//
//   node bench/generate.mjs [--out DIR] [--size-gb 4] [--small-files 3000] [--force]
//
// Payload bytes come from one fixed 1 MiB pseudo-random block; the first 16 bytes of every
// 1 MiB chunk are overwritten with (file, chunk) counters so that no two files are identical.
// Nothing is compressible or deduplicated at file level, and generating 4 GB takes seconds.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OUT_DIR, clean, fmtBytes, isMain, parseArgs, prng, randomBlock, upToDate, writeMarker } from './lib.mjs';

const CHUNK = 1 << 20;
const SHARD_BYTES = 500e6;
const DTYPE_SIZE = { F16: 2, BF16: 2, F32: 4 };
const VERSION = 2; // bump when the layout changes, so old directories are regenerated

/** The tensor list of a llama-like model, grown layer by layer until it reaches `target` bytes. */
function planTensors(target) {
  const big = target >= 1e9;
  const h = big ? 4096 : 512, inter = big ? 11008 : 1376, vocab = big ? 32000 : 8000;
  const tensors = [];
  const add = (name, dtype, shape) =>
    tensors.push({ name, dtype, shape, bytes: shape.reduce((a, b) => a * b, 1) * DTYPE_SIZE[dtype] });
  add('model.embed_tokens.weight', 'F16', [vocab, h]);
  const tail = vocab * h * 2 + h * 4; // lm_head + final norm, added at the end
  let total = () => tensors.reduce((s, t) => s + t.bytes, 0);
  let layers = 0;
  for (; total() + tail < target; layers++) {
    const p = `model.layers.${layers}`;
    for (const m of ['q', 'k', 'v', 'o']) add(`${p}.self_attn.${m}_proj.weight`, 'BF16', [h, h]);
    add(`${p}.mlp.gate_proj.weight`, 'F16', [inter, h]);
    add(`${p}.mlp.up_proj.weight`, 'F16', [inter, h]);
    add(`${p}.mlp.down_proj.weight`, 'F16', [h, inter]);
    add(`${p}.input_layernorm.weight`, 'F32', [h]);
    add(`${p}.post_attention_layernorm.weight`, 'F32', [h]);
  }
  add('model.norm.weight', 'F32', [h]);
  add('lm_head.weight', 'F16', [vocab, h]);
  return { tensors, config: { hidden_size: h, intermediate_size: inter, vocab_size: vocab, num_hidden_layers: layers } };
}

/** Greedy split into shards of at most ~SHARD_BYTES (a tensor is never split). */
function shard(tensors) {
  const shards = [];
  let cur = null;
  for (const t of tensors) {
    if (!cur || (cur.bytes > 0 && cur.bytes + t.bytes > SHARD_BYTES)) shards.push((cur = { tensors: [], bytes: 0 }));
    cur.tensors.push(t);
    cur.bytes += t.bytes;
  }
  return shards;
}

/** Safetensors header: u64 LE length + JSON, padded with spaces to 8 bytes like the reference writer. */
function safetensorsHeader(tensors) {
  const header = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes] };
    offset += t.bytes;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const buf = Buffer.alloc(8 + Buffer.byteLength(json));
  buf.writeBigUInt64LE(BigInt(Buffer.byteLength(json)), 0);
  buf.write(json, 8);
  return buf;
}

/** Writes `length` payload bytes: the shared block, stamped per (fileId, chunk). */
function writePayload(fd, block, fileId, length) {
  for (let chunk = 0, left = length; left > 0; chunk++) {
    block.writeUInt32LE(fileId, 0);
    block.writeUInt32LE(chunk, 4);
    block.writeUInt32LE(0x4d474245, 8); // "EBGM"
    block.writeUInt32LE(length >>> 0, 12);
    const n = Math.min(CHUNK, left);
    writeSync(fd, block, 0, n); // writeSync copies before returning, so the block can be re-stamped
    left -= n;
  }
}

const WORDS = ('the model weights tensor layer attention token vocabulary license dataset training ' +
  'evaluation config shard index checkpoint embedding norm bias gradient batch epoch loss ' +
  'sequence position rotary head projection precision float half quantized export safe').split(' ');

export function text(rand, bytes) {
  const parts = [];
  for (let len = 0; len < bytes; ) {
    const w = WORDS[(rand() * WORDS.length) | 0] + (rand() < 0.08 ? '.\n' : ' ');
    parts.push(w);
    len += w.length;
  }
  return parts.join('').slice(0, bytes);
}

export function jsonDoc(rand, bytes, id) {
  const doc = { id, name: `item-${id}`, enabled: rand() < 0.5, values: [], notes: '' };
  // fill about half with numbers (tracking the length, not re-serialising), the rest with text
  for (let len = 80; len < bytes / 2; ) {
    const v = Math.round(rand() * 1e6) / 1e3;
    doc.values.push(v);
    len += String(v).length + 1;
  }
  doc.notes = text(rand, Math.max(0, bytes - JSON.stringify(doc).length));
  return JSON.stringify(doc);
}

/** A small binary: neutral magic (so no format sniffer claims it) + random bytes. */
export function binary(block, rand, bytes, id) {
  const buf = Buffer.allocUnsafe(bytes);
  const start = (rand() * (block.length - bytes)) | 0;
  block.copy(buf, 0, start, start + bytes);
  buf.write('MGBENCH\0', 0, 'latin1');
  if (bytes >= 12) buf.writeUInt32LE(id, 8);
  return buf;
}

function topLevelFiles(dir, config, rand) {
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    architectures: ['LlamaForCausalLM'], model_type: 'llama', torch_dtype: 'float16', hidden_act: 'silu',
    num_attention_heads: 32, rms_norm_eps: 1e-6, ...config }, null, 2));
  writeFileSync(join(dir, 'generation_config.json'), JSON.stringify({ bos_token_id: 1, eos_token_id: 2, max_length: 4096 }, null, 2));
  writeFileSync(join(dir, 'special_tokens_map.json'), JSON.stringify({ bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>' }, null, 2));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'LlamaTokenizer', model_max_length: 4096 }, null, 2));
  // A realistic-size tokenizer.json (~1-2 MB): BPE vocab + merges.
  const vocab = {};
  const merges = [];
  for (let i = 0; i < config.vocab_size; i++) {
    vocab[`${WORDS[i % WORDS.length].slice(0, 1 + (i % 5))}${i.toString(36)}`] = i;
    if (i % 2 === 0) merges.push(`${WORDS[i % WORDS.length]} ${i.toString(36)}`);
  }
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify({ version: '1.0', model: { type: 'BPE', vocab, merges } }));
  writeFileSync(join(dir, 'README.md'), `# Synthetic benchmark model\n\n${text(rand, 4000)}\n`);
  writeFileSync(join(dir, 'LICENSE'), `Apache License\nVersion 2.0, January 2004\n\n${text(rand, 10000)}\n`);
  return 7;
}

/** Small files spread over a few subdirectories; sizes 100 B .. 16 KiB. */
function smallFiles(dir, count, block, rand) {
  const kinds = [
    { sub: 'tokenizer', ext: 'json', make: (n, i) => jsonDoc(rand, n, i) },
    { sub: 'configs', ext: 'json', make: (n, i) => jsonDoc(rand, n, i) },
    { sub: 'docs', ext: 'md', make: (n) => text(rand, n) },
    { sub: 'docs/notes', ext: 'txt', make: (n) => text(rand, n) },
    { sub: 'assets', ext: 'dat', make: (n, i) => binary(block, rand, n, i) },
  ];
  for (const k of kinds) mkdirSync(join(dir, k.sub), { recursive: true });
  for (let i = 0; i < count; i++) {
    const k = kinds[i % kinds.length];
    const sub = join(k.sub, `part-${String(Math.floor(i / 250)).padStart(2, '0')}`);
    mkdirSync(join(dir, sub), { recursive: true });
    const size = 100 + Math.floor(rand() ** 2 * 16284);
    writeFileSync(join(dir, sub, `file-${String(i).padStart(5, '0')}.${k.ext}`), k.make(size, i));
  }
}

export function generateModel({ out = join(OUT_DIR, 'model'), sizeGb = 4, smallFiles: nSmall = 3000, force = false } = {}) {
  out = resolve(out);
  const params = { kind: 'model', version: VERSION, sizeGb, smallFiles: nSmall };
  if (!force && upToDate(out, params)) {
    console.error(`generate: ${out} is up to date (${JSON.stringify(params)})`);
    return out;
  }
  const t0 = performance.now();
  clean(out);
  mkdirSync(out, { recursive: true });
  const block = randomBlock(CHUNK, 0x5eed);
  const rand = prng(42);
  const { tensors, config } = planTensors(sizeGb * 1e9);
  const shards = shard(tensors);
  const M = String(shards.length).padStart(5, '0');
  const weightMap = {};
  let total = 0;
  shards.forEach((s, i) => {
    const name = `model-${String(i + 1).padStart(5, '0')}-of-${M}.safetensors`;
    const fd = openSync(join(out, name), 'w');
    try {
      writeSync(fd, safetensorsHeader(s.tensors));
      writePayload(fd, block, i + 1, s.bytes);
    } finally {
      closeSync(fd);
    }
    for (const t of s.tensors) weightMap[t.name] = name;
    total += s.bytes;
  });
  writeFileSync(join(out, 'model.safetensors.index.json'),
    JSON.stringify({ metadata: { total_size: total }, weight_map: weightMap }, null, 2));
  const top = topLevelFiles(out, config, rand);
  smallFiles(out, Math.max(0, nSmall - top - 1), block, rand);
  writeMarker(out, params);
  console.error(`generate: ${out}: ${shards.length} shards, ${fmtBytes(total)} of tensors, ` +
    `${nSmall} small files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

if (isMain(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { out: join(OUT_DIR, 'model'), sizeGb: 4, smallFiles: 3000, force: false });
  generateModel(args);
}
