/**
 * Modules that are another module under a different name. Matched on whole leading
 * components, longest first; the target is then checked against the lists.
 */
export const MODULE_ALIASES: Readonly<Record<string, string>> = {
  posix: 'os',
  nt: 'os',
  _operator: 'operator',
  _io: 'io',
  _pickle: 'pickle',
  cPickle: 'pickle',
  _socket: 'socket',
  _thread: 'threading',
  _ctypes: 'ctypes',
  _codecs: 'codecs',
  _functools: 'functools',
  'os.path': 'os.path',
  'numpy._core': 'numpy.core',
};

/**
 * Top-level modules so often re-exported as attributes of other modules (`argparse._os`,
 * `shutil.os`, `torch.serialization.pickle`) that a component with this name (leading
 * underscores ignored) anywhere in a dotted path is checked as that module.
 */
export const EMBEDDED_ROOTS: ReadonlySet<string> = new Set([
  'os',
  'posix',
  'nt',
  'subprocess',
  'sys',
  'builtins',
  '__builtin__',
  'shutil',
  'socket',
  'pickle',
  'marshal',
  'ctypes',
  'importlib',
  'runpy',
  'pty',
  'pdb',
  'webbrowser',
  'multiprocessing',
  'asyncio',
  'io',
  'operator',
  'functools',
  'codecs',
  'tempfile',
  'urllib',
  'requests',
  'pydoc',
  'code',
  'timeit',
]);

/**
 * Attributes that reach interpreter internals. A dotted name that goes through one of them is
 * critical whatever module it starts from (`torch.__builtins__`, `x.__globals__`).
 */
export const DANGEROUS_DUNDERS: ReadonlySet<string> = new Set([
  '__builtins__',
  '__globals__',
  '__subclasses__',
  '__getattribute__',
  '__getattr__',
  '__setattr__',
  '__delattr__',
  '__class__',
  '__base__',
  '__bases__',
  '__mro__',
  '__dict__',
  '__code__',
  '__closure__',
  '__import__',
  '__loader__',
  '__spec__',
  '__self__',
  '__func__',
  '__call__',
  '__init_subclass__',
  '__reduce__',
  '__reduce_ex__',
  '__setstate__',
  '__getstate__',
  '__module__',
  '__wrapped__',
]);
