import type { FileHandle } from '@modelgate/plugin-api';
import { createTestContext, MemoryFile, scanFileWith } from '@modelgate/plugin-kit/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { scanPickleFile } from '../src/scanners/pickle-scanner.js';
import { concatBytes, pk } from '@modelgate/plugin-kit/testing';
import { first, ids, scan } from './helpers.js';

const payload = () => pk().proto(2).call('os', 'system', (b) => b.str('id'));

describe('bad input', () => {
  it('a truncated pickle: finding, and the payload before the cut still reported', async () => {
    const whole = payload().mark().int(1).int(2).tuple().stop().build();
    const run = await scan(whole.subarray(0, whole.length - 3));
    expect(first(run, 'malformed-pickle', 'truncated').severity).toBe('medium');
    expect(ids(run)).toContain('dangerous-global/call');
  });

  it('an invalid opcode', async () => {
    const run = await scan(pk().proto(2).none().raw([0xf0]).stop().build());
    expect(first(run, 'malformed-pickle', 'invalidOpcode').data?.['byte']).toBe('f0');
  });

  it('an opcode with an argument it cannot take (protocol 0 INT that is no integer)', async () => {
    const run = await scan(pk().raw('Inot-a-number\n').stop().build());
    expect(first(run, 'malformed-pickle', 'badArgument').data).toMatchObject({ opcode: 'INT', detail: '"not-a-number"' });
  });

  it('two million MARKs stop at the limit, quickly', async () => {
    const bytes = concatBytes(pk().proto(2).build(), new Uint8Array(2_000_000).fill(0x28), pk().stop().build());
    const started = Date.now();
    const run = await scan(bytes);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(first(run, 'resource-limit', 'limit').data?.['what']).toBe('open MARKs');
    expect(run.errors.map((e) => e.code)).toContain('LIMIT_PICKLE');
  });

  it('two million lists on the stack stop at the limit', async () => {
    const bytes = concatBytes(payload().build(), new Uint8Array(2_000_000).fill(0x5d), pk().stop().build());
    const run = await scan(bytes);
    expect(first(run, 'resource-limit', 'limit').data?.['what']).toBe('stack size');
    expect(ids(run)).toContain('dangerous-global/call');
  });

  it('memo bombs: a huge memo index, and more entries than the memo limit', async () => {
    const huge = await scan(pk().proto(2).none().longBinput(0xfffffff0).stop().build());
    expect(first(huge, 'resource-limit', 'memoIndex').data?.['index']).toBe(0xfffffff0);
    const many = new Uint8Array(1_100_000 * 3);
    for (let i = 0; i < many.length; i += 3) {
      many[i] = 0x4e; // NONE
      many[i + 1] = 0x94; // MEMOIZE
      many[i + 2] = 0x30; // POP
    }
    const run = await scan(concatBytes(pk().proto(4).none().build(), many, pk().stop().build()));
    expect(first(run, 'resource-limit', 'limit').data?.['what']).toBe('memo entries');
    expect(run.errors.map((e) => e.code)).toContain('LIMIT_PICKLE');
  }, 60_000);

  it('a self-referencing structure doubled 200 times renders in bounded size', async () => {
    const b = pk().proto(2).emptyList().memoize();
    for (let i = 0; i < 200; i++) b.mark().binget(i).binget(i).list().memoize();
    const run = await scan(b.global('os', 'system').mark().binget(200).tuple().reduce().stop().build());
    const call = String(first(run, 'dangerous-global', 'call').data?.['call']);
    expect(call.length).toBeLessThan(600);
  });

  it('huge declared lengths beyond the end of the file, never allocated', async () => {
    for (const b of [pk().proto(4).bytes8(2 ** 52), pk().proto(4).raw([0x8d]).raw(new Uint8Array(7).fill(0xff)).raw([0x7f]), pk().proto(3).raw([0x42, 0xff, 0xff, 0xff, 0xff])]) {
      const run = await scan(b.build());
      expect(ids(run)).toContain('malformed-pickle/lengthBeyondEnd');
    }
  });

  it('deep nesting (100,000 nested lists and calls) is fast and bounded', async () => {
    const b = pk().proto(2);
    for (let i = 0; i < 100_000; i++) b.emptyList();
    for (let i = 0; i < 99_999; i++) b.append();
    const c = pk().proto(2);
    for (let i = 0; i < 50_000; i++) c.global('mod', 'f');
    for (let i = 0; i < 49_999; i++) c.tuple1().reduce();
    const started = Date.now();
    expect((await scan(b.stop().build())).findings).toEqual([]);
    const calls = await scan(c.stop().build());
    expect(first(calls, 'unknown-global-call').severity).toBe('high');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a member whose data cannot be read (corrupt archive) becomes an error entry, keeping earlier findings', async () => {
    const filler = Uint8Array.from({ length: 3 << 20 }, (_, i) => (i % 2 ? 0x30 : 0x4e));
    const good = concatBytes(payload().build(), filler);
    const file = new MemoryFile('model.pt!/archive/data.pkl', good, { format: 'pickle' });
    const broken: FileHandle = {
      ...file,
      path: file.path,
      diskPath: 'model.pt',
      size: file.size,
      format: 'pickle',
      read: async (offset: number, length: number) => {
        if (offset > 1 << 20) throw Object.assign(new Error('invalid stored block lengths'), { code: 'Z_DATA_ERROR' });
        return file.read(offset, length);
      },
      stream: () => file.stream(),
      text: (n?: number) => file.text(n),
    };
    const { ctx, run } = createTestContext(plugin);
    await scanPickleFile(broken, ctx);
    expect(ids(run as never)).toContain('dangerous-global/call');
    expect(run.errors[0]?.code).toBe('Z_DATA_ERROR');
  });

  it('stops a long analysis once the scan is aborted, with the abort reason', async () => {
    const body = new Uint8Array(400_000);
    for (let i = 0; i < body.length; i += 2) body.set([0x4e, 0x30], i); // NONE POP: 400,000 opcodes
    const bytes = concatBytes(Uint8Array.from([0x80, 0x02]), body, Uint8Array.from([0x4e, 0x2e]));
    await expect(scan(bytes)).resolves.toMatchObject({ errors: [] });
    const controller = new AbortController();
    controller.abort(new Error('soft timeout'));
    const file = new MemoryFile('long.pkl', bytes, { format: 'pickle' });
    await expect(scanFileWith(plugin, file, { signal: controller.signal })).rejects.toThrow('soft timeout');
  });

  it('a stack underflow and a missing mark', async () => {
    expect(ids(await scan(pk().proto(2).reduce().stop().build()))).toContain('malformed-pickle/stackUnderflow');
    expect(ids(await scan(pk().proto(2).tuple().stop().build()))).toContain('malformed-pickle/noMark');
    expect(ids(await scan(pk().proto(2).binget(9).stop().build()))).toContain('malformed-pickle/memoMissing');
    expect(ids(await scan(pk().proto(9).none().stop().build()))).toContain('malformed-pickle/badProtocol');
  });
});
