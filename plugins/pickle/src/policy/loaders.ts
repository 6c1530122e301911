/**
 * Callables that unpickle their first argument (bytes, or a file-like built from bytes):
 * the argument is analysed as a nested pickle. Paths are after alias resolution.
 */
export const LOADERS: ReadonlySet<string> = new Set([
  'pickle.loads',
  'pickle._loads',
  'pickle.load',
  'pickle._load',
  'pickle.Unpickler',
  'pickle._Unpickler',
  'multiprocessing.reduction.ForkingPickler.loads',
  'multiprocessing.reduction.loads',
  'torch.storage._load_from_bytes',
  'torch.load',
  'torch.serialization.load',
  'numpy.loads',
  'numpy.core.numeric.loads',
  'dill.loads',
  'dill._dill.loads',
  'cloudpickle.loads',
  'joblib.load',
  'shelve.Shelf',
  'lib2to3.pgen2.grammar.Grammar.loads',
]);

/** What a decoder does to its (first) argument. */
export type DecoderKind = 'base64' | 'base64url' | 'base32' | 'base16' | 'latin1' | 'utf8' | 'identity' | 'zlib' | 'gzip' | 'codecs';

/**
 * Callables whose result is their argument decoded: `pickle.loads(base64.b64decode('…'))`
 * is followed through them. `codecs` means "by the codec named in the second argument".
 */
export const DECODERS: Readonly<Record<string, DecoderKind>> = {
  'base64.b64decode': 'base64',
  'base64.standard_b64decode': 'base64',
  'base64.decodebytes': 'base64',
  'base64.decodestring': 'base64',
  'base64.urlsafe_b64decode': 'base64url',
  'base64.b32decode': 'base32',
  'base64.b16decode': 'base16',
  'binascii.a2b_base64': 'base64',
  'binascii.a2b_hex': 'base16',
  'binascii.unhexlify': 'base16',
  'builtins.bytes.fromhex': 'base16',
  'builtins.bytearray.fromhex': 'base16',
  'builtins.bytes': 'codecs',
  'builtins.bytearray': 'codecs',
  'codecs.encode': 'codecs',
  'codecs.decode': 'codecs',
  'io.BytesIO': 'identity',
  'io.StringIO': 'identity',
  'builtins.memoryview': 'identity',
  'zlib.decompress': 'zlib',
  'gzip.decompress': 'gzip',
};
