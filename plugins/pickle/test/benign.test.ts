import { describe, expect, it } from 'vitest';
import { pk, type PickleBuilder } from '@modelgate/plugin-kit/testing';
import { scan, serious } from './helpers.js';

/** One tensor entry as torch.save writes it in data.pkl: `_rebuild_tensor_v2(persid, …)`. */
function tensor(b: PickleBuilder, storage: string, key: string, shape: number[]): PickleBuilder {
  b.global('torch._utils', '_rebuild_tensor_v2').mark();
  b.mark().str('storage').global('torch', storage).str(key).str('cpu').int(shape.reduce((a, c) => a * c, 1)).tuple().binpersid();
  b.int(0).mark();
  for (const d of shape) b.int(d);
  b.tuple().mark();
  for (let i = 0; i < shape.length; i++) b.int(shape.slice(i + 1).reduce((a, c) => a * c, 1));
  b.tuple().bool(false).global('collections', 'OrderedDict').emptyTuple().reduce().tuple().reduce();
  return b;
}

/** A torch state dict with parameters and buffers of several dtypes, protocol 2. */
export function stateDict(): Uint8Array {
  const b = pk().proto(2).global('collections', 'OrderedDict').emptyTuple().reduce().binput(0).mark();
  b.str('fc.weight').global('torch._utils', '_rebuild_parameter');
  tensor(b, 'FloatStorage', '0', [4, 3]).bool(true).global('collections', 'OrderedDict').emptyTuple().reduce().tuple3().reduce();
  b.str('fc.bias');
  tensor(b, 'HalfStorage', '1', [4]);
  b.str('emb.weight');
  tensor(b, 'BFloat16Storage', '2', [10, 4]);
  b.str('bn.num_batches_tracked');
  tensor(b, 'LongStorage', '3', []);
  b.str('mask');
  tensor(b, 'BoolStorage', '4', [2, 2]);
  b.setitems();
  // state_dict()._metadata
  b.emptyDict().str('_metadata').global('collections', 'OrderedDict').emptyTuple().reduce().mark().str('').emptyDict().str('version').int(1).setitem().setitems().setitem().buildState();
  return b.stop().build();
}

/** A numpy array as pickle writes it (`_reconstruct` + BUILD with the raw data). */
function ndarray(b: PickleBuilder, core: 'numpy.core' | 'numpy._core', dtype: string, data: Uint8Array, shape: number[]): PickleBuilder {
  b.global(`${core}.multiarray`, '_reconstruct').global('numpy', 'ndarray').int(0).tuple1().bytes('b').tuple3().reduce();
  b.mark().int(1).mark();
  for (const d of shape) b.int(d);
  b.tuple().global('numpy', 'dtype').str(dtype).bool(false).bool(true).tuple3().reduce();
  b.mark().int(3).str('<').none().none().none().int(-1).int(-1).int(0).tuple().buildState();
  return b.bool(false).bytes(data).tuple().buildState();
}

describe('benign ML pickles give nothing high or critical', () => {
  it('torch state dict (data.pkl) with parameters and several dtypes', async () => {
    const run = await scan(stateDict(), { path: 'model.pt!/archive/data.pkl' });
    expect(run.findings).toEqual([]);
    expect(run.errors).toEqual([]);
    expect(run.inventory.map((e) => `${e['module']}.${e['name']}`).sort()).toEqual(
      expect.arrayContaining(['torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_parameter', 'torch.BFloat16Storage', 'collections.OrderedDict']),
    );
  });

  it('numpy arrays in numpy.core and numpy._core, with data full of opcode bytes', async () => {
    const data = Uint8Array.from(Buffer.from('cos\nsystem\n\x80\x02R.', 'latin1'));
    for (const core of ['numpy.core', 'numpy._core'] as const) {
      const b = pk().proto(2).mark();
      ndarray(b, core, 'f8', data, [2]);
      ndarray(b, core, 'u1', data, [data.length]);
      const run = await scan(b.list().stop().build());
      expect(run.findings, core).toEqual([]);
    }
  });

  it('scikit-learn estimators in a Pipeline', async () => {
    const b = pk().proto(4).global('sklearn.pipeline', 'Pipeline').emptyTuple().newobj().emptyDict().str('steps').mark();
    b.str('scaler').global('sklearn.preprocessing._data', 'StandardScaler').emptyTuple().newobj().emptyDict().str('with_mean').bool(true).setitem().buildState().tuple2();
    b.str('clf').global('sklearn.linear_model._logistic', 'LogisticRegression').emptyTuple().newobj().emptyDict().str('C').binfloat(1).setitem().str('coef_');
    ndarray(b, 'numpy.core', 'f8', new Uint8Array(16), [1, 2]).setitem().str('_sklearn_version').str('1.5.0').setitem().buildState().tuple2();
    b.list().setitem().buildState();
    const run = await scan(b.stop().build(), { path: 'model.joblib' });
    expect(run.findings).toEqual([]);
  });

  it('transformers TrainingArguments with its enums', async () => {
    const b = pk().proto(4).global('transformers.training_args', 'TrainingArguments').emptyTuple().newobj().emptyDict().mark();
    b.str('output_dir').str('out').str('eval_strategy').call('transformers.trainer_utils', 'IntervalStrategy', (c) => c.str('steps'));
    b.str('optim').call('transformers.training_args', 'OptimizerNames', (c) => c.str('adamw_torch'));
    b.str('lr_scheduler_type').call('transformers.trainer_utils', 'SchedulerType', (c) => c.str('linear'));
    b.str('hub_strategy').call('transformers.trainer_utils', 'HubStrategy', (c) => c.str('every_save'));
    b.str('learning_rate').binfloat(5e-5).setitems().buildState();
    const run = await scan(b.stop().build(), { path: 'training_args.bin' });
    expect(run.findings).toEqual([]);
  });

  it('plain data in protocols 0–5, including strings such as "os.system"', async () => {
    const scary = ['os.system', 'cos\nsystem\n(S"id"\ntR.', '__import__("os").system("id")', 'builtins.eval'];
    const p0 = pk().mark().string0('os.system').unicode0('builtins.eval').int0(1).int0('01').long0('12345678901234567890').float0(1.5).none().dict().put(0).stop().build();
    const p1 = pk().emptyDict().binput(0).mark().shortBinstring('a').int(300).shortBinstring('cos\nsystem\n').emptyList().mark().int(1).int(70000).appends().setitems().stop().build();
    const p2 = pk().proto(2).emptyList().mark().long1(10n ** 20n).long1(-5n).bool(true).int(1).int(2).tuple2().call('builtins', 'set', (c) => c.emptyList().int(1).append()).appends().stop().build();
    const p3 = pk().proto(3).mark().bytes('os.system').str('cos\nsystem\n').binunicode('x').call('builtins', 'bytearray', (c) => c.bytes('zz')).tuple().stop().build();
    const framed = (proto: number, body: Uint8Array) => pk().proto(proto).frame(body.length).raw(body).build();
    const p4 = framed(4, pk().emptySet().memoize().mark().str(scary[2]!).memoize().str(scary[3]!).additems().mark().int(1).frozenset().memoize().pop().stop().build());
    const p5 = framed(5, pk().bytearray8(Uint8Array.from([1, 2])).readonlyBuffer().call('builtins', 'slice', (c) => c.int(1).int(2)).tuple2().call('builtins', 'complex', (c) => c.int(1).int(2)).tuple2().stop().build());
    for (const [i, bytes] of [p0, p1, p2, p3, p4, p5].entries()) {
      const run = await scan(bytes);
      expect(run.findings, `protocol ${i}`).toEqual([]);
      expect(run.errors, `protocol ${i}`).toEqual([]);
    }
  });

  it('a file only named like a pickle, with other content, stays quiet', async () => {
    const random = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24);
    const run = await scan(random, { path: 'weights.bin', format: 'binary' });
    expect(serious(run)).toEqual([]);
    expect(run.findings.filter((f) => f.rule === 'malformed-pickle')).toEqual([]);
  });
});
