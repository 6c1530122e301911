import { describe, expect, it } from 'vitest';
import { concatBytes, pk } from '@modelgate/plugin-kit/testing';
import { first, ids, scan, serious } from './helpers.js';

const osSystem = () => pk().proto(2).call('os', 'system', (b) => b.str('id')).stop().build();

describe('call sites', () => {
  it('REDUCE on GLOBAL os.system, with the call reconstructed', async () => {
    const run = await scan(osSystem());
    const f = first(run, 'dangerous-global', 'call');
    expect(f.severity).toBe('critical');
    expect(f.data?.['call']).toBe("os.system('id')");
    expect(f.location?.byteOffset).toBe(19);
    expect(f.evidence).toMatchObject({ stream: 0, opcode: 'REDUCE', module: 'os', name: 'system' });
  });

  it('INST (protocol 0 class instantiation)', async () => {
    const run = await scan(pk().mark().string0('id').inst('os', 'system').stop().build());
    expect(first(run, 'dangerous-global', 'call').evidence).toMatchObject({ opcode: 'INST' });
  });

  it('OBJ with the class from the stack', async () => {
    const run = await scan(pk().proto(1).mark().global('subprocess', 'Popen').str('ls').obj().stop().build());
    expect(first(run, 'dangerous-global', 'call').evidence).toMatchObject({ opcode: 'OBJ', module: 'subprocess' });
  });

  it('NEWOBJ and NEWOBJ_EX of classes outside the allowlist are high', async () => {
    const a = await scan(pk().proto(2).global('evil.mod', 'Thing').emptyTuple().newobj().stop().build());
    expect(first(a, 'unknown-global-call', 'call').severity).toBe('high');
    const b = await scan(pk().proto(4).global('evil.mod', 'Thing').emptyTuple().emptyDict().newobjEx().stop().build());
    expect(first(b, 'unknown-global-call', 'call').evidence).toMatchObject({ opcode: 'NEWOBJ_EX' });
  });

  it('BUILD on an imported global is a mutation', async () => {
    const run = await scan(pk().proto(2).global('torch.nn.modules.module', 'Module').emptyDict().str('forward').none().setitem().buildState().stop().build());
    expect(first(run, 'global-mutation').data?.['opcode']).toBe('BUILD');
  });

  it('SETITEM on an imported global is a mutation', async () => {
    const run = await scan(pk().proto(2).global('collections', 'OrderedDict').str('k').str('v').setitem().stop().build());
    expect(ids(run)).toContain('global-mutation/mutate');
  });

  it('EXT1/EXT2/EXT4 extension codes', async () => {
    for (const b of [pk().proto(2).ext1(7), pk().proto(2).ext2(700), pk().proto(2).ext4(70000)]) {
      const run = await scan(b.emptyTuple().reduce().stop().build());
      expect(first(run, 'extension-code')).toMatchObject({ severity: 'high', messageId: 'ext' });
    }
  });

  it('a callable fetched back from the memo is still the same global', async () => {
    const run = await scan(pk().proto(2).global('os', 'system').binput(3).pop().none().pop().binget(3).str('id').tuple1().reduce().stop().build());
    expect(first(run, 'dangerous-global', 'call').data?.['call']).toBe("os.system('id')");
  });

  it('a call of a computed callable (getattr result) is reported', async () => {
    const run = await scan(pk().proto(2).call('builtins', 'getattr', (b) => b.call('builtins', '__import__', (c) => c.str('os')), (b) => b.str('system')).str('id').tuple1().reduce().stop().build());
    expect(ids(run)).toContain('unknown-global-call/computed');
    expect(run.findings.filter((f) => f.rule === 'dangerous-global').map((f) => f.data?.['global']).sort()).toEqual(['builtins.__import__', 'builtins.getattr']);
  });

  it('a reference without a call: medium for unknown, critical for denylisted', async () => {
    const unknown = await scan(pk().proto(2).global('mypkg.sub', 'Helper').stop().build());
    expect(first(unknown, 'unknown-global', 'reference').severity).toBe('medium');
    const denied = await scan(pk().proto(2).global('os', 'system').stop().build());
    expect(first(denied, 'dangerous-global', 'reference').severity).toBe('critical');
  });
});

describe('STACK_GLOBAL', () => {
  it('literal operands', async () => {
    const run = await scan(pk().proto(4).str('builtins').str('exec').stackGlobal().str('print(1)').tuple1().reduce().stop().build());
    expect(first(run, 'dangerous-global', 'call').data?.['global']).toBe('builtins.exec');
  });

  it('operands taken from the memo (MEMOIZE / BINGET)', async () => {
    const run = await scan(pk().proto(4).str('posix').memoize().str('system').memoize().pop().pop().binget(0).binget(1).stackGlobal().str('id').tuple1().reduce().stop().build());
    expect(first(run, 'dangerous-global', 'call').evidence).toMatchObject({ path: 'os.system', opcode: 'REDUCE' });
  });

  it('a computed operand is critical', async () => {
    const run = await scan(pk().proto(4).call('builtins', 'str', (b) => b.str('os')).str('system').stackGlobal().stop().build());
    const f = first(run, 'non-literal-global');
    expect(f.severity).toBe('critical');
    expect(f.data?.['part']).toBe('module');
  });
});

describe('names', () => {
  it('Python 2 names (__builtin__.eval, protocol 0 text)', async () => {
    const run = await scan(Buffer.from("c__builtin__\neval\n(S'1+1'\ntR.", 'latin1'));
    expect(first(run, 'dangerous-global', 'call').evidence).toMatchObject({ path: 'builtins.eval' });
  });

  it('aliases: posix, nt, _operator, _io', async () => {
    for (const [m, n] of [['posix', 'system'], ['nt', 'system'], ['_operator', 'attrgetter'], ['_io', 'FileIO']] as const) {
      const run = await scan(pk().proto(2).call(m, n, (b) => b.str('x')).stop().build());
      expect(first(run, 'dangerous-global', 'call').severity, `${m}.${n}`).toBe('critical');
    }
  });

  it('dotted names, component by component (argparse._os.system, asyncio submodules)', async () => {
    const a = await scan(pk().proto(4).str('argparse').str('_os.system').stackGlobal().str('id').tuple1().reduce().stop().build());
    expect(first(a, 'dangerous-global', 'call').evidence).toMatchObject({ matched: 'argparse._os → os' });
    const b = await scan(pk().proto(2).global('asyncio.unix_events', '_UnixSubprocessTransport').stop().build());
    expect(first(b, 'dangerous-global').data?.['category']).toBe('process and network');
    const c = await scan(pk().proto(4).str('torch').str('serialization.load').stackGlobal().stop().build());
    expect(first(c, 'dangerous-global').evidence).toMatchObject({ matched: 'torch.serialization.load' });
  });

  it('dunder attribute traversal from an allowed global', async () => {
    const run = await scan(pk().proto(4).str('builtins').str('object.__subclasses__').stackGlobal().emptyTuple().reduce().stop().build());
    expect(first(run, 'dangerous-global', 'call').data?.['category']).toBe('interpreter internals');
  });

  it('gadgets from the public advisories', async () => {
    const gadgets = [
      ['functools', 'partial'], ['operator', 'methodcaller'], ['runpy', '_run_code'], ['pkgutil', 'resolve_name'], ['importlib', 'import_module'],
      ['types', 'CodeType'], ['marshal', 'loads'], ['ctypes', 'CDLL'], ['socket', 'create_connection'], ['urllib.request', 'urlopen'],
      ['shutil', 'rmtree'], ['webbrowser', 'open'], ['pip', 'main'], ['pdb', 'set_trace'], ['bdb', 'Bdb'], ['code', 'InteractiveInterpreter'],
      ['timeit', 'timeit'], ['cProfile', 'run'], ['profile', 'Profile'], ['trace', 'Trace'], ['pty', 'spawn'], ['pydoc', 'pipepager'],
      ['asyncio', 'create_subprocess_shell'], ['multiprocessing.util', 'spawnv_passfds'], ['sys', 'exit'], ['logging', 'FileHandler'],
      ['numpy.testing._private.utils', 'runstring'], ['numpy.f2py.crackfortran', 'getlincoef'], ['torch.jit', 'load'],
      ['torch.utils.bottleneck.__main__', 'run_cprofile'], ['torch.utils.collect_env', 'run'], ['torch._dynamo.guards', 'GuardBuilder.get'],
      ['torch._inductor.codecache', 'compile_file'], ['torch.serialization', 'load'], ['_posixsubprocess', 'fork_exec'], ['builtins', 'open'],
      ['builtins', 'compile'], ['builtins', '__import__'], ['pickle', 'loads'], ['_pickle', 'loads'], ['subprocess', 'check_output'],
    ];
    for (const [m, n] of gadgets) {
      const run = await scan(pk().proto(2).global(m!, n!).stop().build());
      expect(run.findings.some((f) => f.rule === 'dangerous-global'), `${m}.${n}`).toBe(true);
    }
  });
});

describe('streams', () => {
  it('every stream in the file is analysed (payload in the second of five)', async () => {
    const benign = pk().proto(2).int(1).stop().build();
    const run = await scan(concatBytes(benign, osSystem(), benign, benign, benign));
    expect(first(run, 'dangerous-global').evidence).toMatchObject({ stream: 1 });
  });

  it('resynchronises after junk between streams', async () => {
    const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7 + 3) & 0x7f);
    const run = await scan(concatBytes(pk().proto(2).int(1).stop().build(), junk, osSystem()));
    expect(first(run, 'dangerous-global').evidence).toMatchObject({ stream: 1 });
    expect(first(run, 'hidden-stream').data?.['skipped']).toBe(5000);
  });

  it('finds a pickle after other bytes in a file only named like one, whatever byte the file starts with', async () => {
    const junk = (firstByte: number) => Uint8Array.from({ length: 3000 }, (_, i) => (i === 0 ? firstByte : (i * 7 + 3) & 0x7f));
    // 0x03 is no opcode; 0x4e (NONE) and 0x28 (MARK) are, and start a machine that faults later.
    for (const firstByte of [0x03, 0x4e, 0x28]) {
      const run = await scan(concatBytes(junk(firstByte), osSystem()), { path: 'blob.dat', format: 'binary' });
      expect(first(run, 'dangerous-global').evidence, `first byte 0x${firstByte.toString(16)}`).toMatchObject({ stream: 0 });
      expect(run.findings.filter((f) => f.rule === 'malformed-pickle')).toEqual([]);
    }
  });

  it('a PROTO followed by no opcode is not an attempt: 250,000 of them do not exhaust the search', async () => {
    // 0x80 0x02 0x03: PROTO 2, then a byte that is no opcode. More of them than the 200,000
    // resynchronisations the analysis allows, then a real stream.
    const decoys = new Uint8Array(3 * 250_000);
    for (let i = 0; i < decoys.length; i += 3) decoys.set([0x80, 0x02, 0x03], i);
    const run = await scan(concatBytes(decoys, osSystem()), { path: 'blob.bin', format: 'binary' });
    expect(run.errors).toEqual([]);
    expect(first(run, 'dangerous-global').evidence).toMatchObject({ stream: 0 });
  });

  it('finds a stream whose first bytes straddle the 1 MiB reads of the analyser', async () => {
    for (const before of [(1 << 20) - 1, (1 << 20) - 2, (1 << 20) - 3]) {
      const run = await scan(concatBytes(new Uint8Array(before), osSystem()), { path: 'blob.bin', format: 'binary' });
      expect(first(run, 'dangerous-global').evidence, `stream at ${before}`).toMatchObject({ stream: 0 });
    }
  });

  it('a payload before a parse error is reported along with the error', async () => {
    const bytes = pk().proto(2).call('os', 'system', (b) => b.str('id')).raw([0xff]).build();
    const run = await scan(bytes);
    expect(ids(run)).toEqual(expect.arrayContaining(['dangerous-global/call', 'malformed-pickle/invalidOpcode']));
  });
});

describe('frames', () => {
  it('FRAME past the end of the data', async () => {
    const run = await scan(pk().proto(4).frame(1 << 30).none().stop().build());
    expect(first(run, 'frame-inconsistency', 'beyondEnd').data?.['length']).toBe(1 << 30);
  });

  it('an opcode crossing the end of its frame', async () => {
    const run = await scan(pk().proto(4).frame(2).str('hello').stop().build());
    expect(ids(run)).toContain('frame-inconsistency/crossed');
  });

  it('a frame opened before the previous one ended', async () => {
    const run = await scan(pk().proto(4).frame(20).none().frame(2).pop().none().stop().build());
    expect(ids(run)).toContain('frame-inconsistency/nested');
  });

  it('big payloads written outside frames (as the pickler does) are fine', async () => {
    const big = new Uint8Array(70_000).fill(0x41);
    const body = pk().bytes8(big.length, big).build();
    const run = await scan(concatBytes(pk().proto(4).frame(2).emptyList().memoize().build(), body, pk().frame(2).append().stop().build()));
    expect(run.findings).toEqual([]);
  });
});

describe('nested pickles', () => {
  const inner = osSystem();

  it('pickle.loads(bytes)', async () => {
    const run = await scan(pk().proto(2).call('pickle', 'loads', (b) => b.bytes(inner)).stop().build());
    expect(first(run, 'nested-pickle', 'nested').data).toMatchObject({ loader: 'pickle.loads', size: inner.length });
    const hits = run.findings.filter((f) => f.rule === 'dangerous-global' && f.data?.['global'] === 'os.system');
    expect(hits).toHaveLength(1);
    const at = first(run, 'nested-pickle').location?.byteOffset;
    expect(hits[0]!.evidence?.['nested']).toEqual([`stream 0: pickle.loads at ${at}`]);
    expect(hits[0]!.location?.byteOffset).toBe(at);
  });

  it('_pickle.loads(base64.b64decode(str))', async () => {
    const text = Buffer.from(inner).toString('base64');
    const run = await scan(pk().proto(2).call('_pickle', 'loads', (b) => b.call('base64', 'b64decode', (c) => c.str(text))).stop().build());
    expect(run.findings.some((f) => f.data?.['global'] === 'os.system')).toBe(true);
  });

  it('torch.storage._load_from_bytes(_codecs.encode(str, "latin1"))', async () => {
    const text = Buffer.from(inner).toString('latin1');
    const run = await scan(pk().proto(2).call('torch.storage', '_load_from_bytes', (b) => b.call('_codecs', 'encode', (c) => c.str(text), (c) => c.str('latin1'))).stop().build());
    expect(first(run, 'nested-pickle').data?.['loader']).toBe('torch.storage._load_from_bytes');
    expect(run.findings.some((f) => f.data?.['global'] === 'os.system')).toBe(true);
  });

  it('ForkingPickler.loads through codecs.decode(…, "hex")', async () => {
    const run = await scan(pk().proto(4).str('multiprocessing.reduction').str('ForkingPickler.loads').stackGlobal().mark().call('codecs', 'decode', (c) => c.str(Buffer.from(inner).toString('hex')), (c) => c.str('hex')).tuple().reduce().stop().build());
    expect(run.findings.some((f) => f.data?.['global'] === 'os.system')).toBe(true);
  });

  it('data that cannot be followed is reported as opaque', async () => {
    const run = await scan(pk().proto(2).call('pickle', 'loads', (b) => b.call('mystery', 'fetch', (c) => c.str('x'))).stop().build());
    expect(first(run, 'nested-pickle', 'opaque').data?.['reason']).toContain('mystery.fetch');
  });
});

describe('verdicts and options', () => {
  it('allowlisted globals give no finding but appear in the inventory', async () => {
    const run = await scan(pk().proto(2).call('collections', 'OrderedDict').stop().build());
    expect(run.findings).toEqual([]);
    expect(run.inventory).toEqual([expect.objectContaining({ file: 'model.pkl', module: 'collections', name: 'OrderedDict', verdict: 'allow', count: 1, calls: 1 })]);
  });

  it('config allow and deny extend the lists', async () => {
    const bytes = pk().proto(2).call('mypkg.models', 'Net').stop().build();
    expect(serious(await scan(bytes, { config: { allow: ['mypkg.*'] } }))).toEqual([]);
    expect(first(await scan(bytes, { config: { deny: ['mypkg.models.Net'] } }), 'dangerous-global').data?.['category']).toBe('denied by configuration');
    // A wildcard allow does not lift a built-in denial; an exact one does.
    expect(first(await scan(osSystem(), { config: { allow: ['os.*'] } }), 'dangerous-global').severity).toBe('critical');
    expect(serious(await scan(osSystem(), { config: { allow: ['os.system'] } }))).toEqual([]);
  });
});
