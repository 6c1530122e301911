import { describe, expect, it } from 'vitest';
import { classify } from '../src/parse/classify.js';
import { parseDependencyFile } from '../src/parse/parse-file.js';
import { poetryToPep440 } from '../src/parse/poetry-constraint.js';
import { ids, of, scan, scanWithPypa } from './helpers.js';

const summary = (text: string, path: string) => {
  const kind = classify(path)!.kind;
  const file = parseDependencyFile(text, path, kind);
  return file.requirements.map((r) => `${r.key}${r.pinned ? `==${r.pinned}` : r.specifier}@${r.line}${r.locked ? ' locked' : ''}${r.vcs ? ` vcs:${r.vcs.ref ?? '-'}` : ''}`);
};

describe('file types', () => {
  it('classifies dependency files by name', () => {
    expect(['requirements.txt', 'requirements-dev.txt', 'dev-requirements.txt', 'requirements/base.txt', 'constraints.txt', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock', 'environment.yml', 'conda-env.yaml', 'setup.cfg', 'Dockerfile', 'Dockerfile.gpu', 'train.dockerfile', 'notes.txt'].map((p) => classify(p)?.kind ?? '-')).toEqual([
      'requirements', 'requirements', 'requirements', 'requirements', 'requirements', 'pyproject', 'pipfile', 'pipfile-lock', 'poetry-lock', 'uv-lock', 'conda', 'conda', 'setup-cfg', 'dockerfile', 'dockerfile', 'dockerfile', '-',
    ]);
    expect(classify('constraints.txt')?.constraint).toBe(true);
  });

  it('pyproject.toml: PEP 621, optional dependencies, dependency groups, build requires, Poetry and uv', () => {
    const text = `[build-system]
requires = ["setuptools>=61"]

[project]
name = "model"
dependencies = ["torch==2.1.0", "numpy>=1.24"]

[project.optional-dependencies]
vision = ["torchvision==0.16.0"]

[dependency-groups]
dev = ["pytest>=8"]

[tool.poetry.dependencies]
python = "^3.10"
transformers = "^4.30.2"
accelerate = { version = "0.21.0" }
mylib = { git = "https://github.com/org/mylib.git", tag = "v1" }

[tool.uv]
extra-index-url = ["https://download.pytorch.org/whl/cu121"]

[tool.uv.sources]
other = { git = "https://github.com/org/other", rev = "0123456789abcdef0123456789abcdef01234567" }
`;
    expect(summary(text, 'pyproject.toml')).toEqual([
      'torch==2.1.0@6', 'numpy>=1.24@6', 'torchvision==0.16.0@9', 'pytest>=8@12', 'setuptools>=61@2',
      'transformers>=4.30.2,<5@16', 'accelerate==0.21.0@17', 'mylib@18 vcs:v1', 'other@24 vcs:0123456789abcdef0123456789abcdef01234567',
    ]);
    const file = parseDependencyFile(text, 'pyproject.toml', 'pyproject');
    expect(file.indexes.map((i) => [i.kind, i.url, i.line])).toEqual([['extra-index-url', 'https://download.pytorch.org/whl/cu121', 21]]);
  });

  it('converts Poetry constraints to PEP 440', () => {
    expect(['^1.2.3', '^0.2.3', '~1.2.3', '1.2.3', '*', '>=1,<2', '1.2.*', '>=1 || <0.5'].map(poetryToPep440)).toEqual([
      '>=1.2.3,<2', '>=0.2.3,<0.3', '>=1.2.3,<1.3', '==1.2.3', '', '>=1,<2', '==1.2.*', undefined,
    ]);
  });

  it('Pipfile and Pipfile.lock', () => {
    const pipfile = '[[source]]\nname = "pypi"\nurl = "https://pypi.org/simple"\nverify_ssl = true\n\n[packages]\nrequests = "*"\nnumpy = "==1.26.4"\nrepo = {git = "https://github.com/org/repo.git", ref = "main"}\n\n[dev-packages]\npytest = ">=8"\n';
    expect(summary(pipfile, 'Pipfile')).toEqual(['requests@7', 'numpy==1.26.4@8', 'repo@9 vcs:main', 'pytest>=8@12']);
    const lock = JSON.stringify({ _meta: { sources: [{ name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true }] }, default: { pillow: { hashes: ['sha256:aa'], version: '==9.0.0' } }, develop: {} }, null, 4);
    expect(summary(lock, 'Pipfile.lock')).toEqual(['pillow==9.0.0@12 locked']);
  });

  it('poetry.lock and uv.lock', () => {
    const poetry = '[[package]]\nname = "pillow"\nversion = "9.0.0"\ndescription = ""\n\n[[package]]\nname = "mylib"\nversion = "1.0"\n\n[package.source]\ntype = "git"\nurl = "https://github.com/org/mylib.git"\nreference = "main"\nresolved_reference = "0123456789abcdef0123456789abcdef01234567"\n';
    expect(summary(poetry, 'poetry.lock')).toEqual(['pillow==9.0.0@2 locked', 'mylib==1.0@7 locked vcs:0123456789abcdef0123456789abcdef01234567']);
    const uv = 'version = 1\n\n[[package]]\nname = "torch"\nversion = "2.1.0+cu121"\nsource = { registry = "https://download.pytorch.org/whl/cu121" }\n\n[[package]]\nname = "numpy"\nversion = "1.26.4"\nsource = { registry = "https://pypi.org/simple" }\n';
    expect(summary(uv, 'uv.lock')).toEqual(['torch==2.1.0+cu121@4 locked', 'numpy==1.26.4@9 locked']);
    const file = parseDependencyFile(uv, 'uv.lock', 'uv-lock');
    expect(file.cuda.map((c) => [c.cuda, c.source])).toEqual([['12.1', 'local-version'], ['12.1', 'index-url']]);
  });

  it('conda environment.yml: conda and pip sections, CUDA packages', () => {
    const env = 'name: model\nchannels:\n  - pytorch\n  - nvidia\ndependencies:\n  - python=3.10\n  - pytorch::pytorch=2.1.0\n  - pytorch-cuda=12.1\n  - numpy\n  - pip:\n    - torchvision==0.17.0\n    - --extra-index-url https://download.pytorch.org/whl/cu118\n    - -r requirements.txt\n';
    const file = parseDependencyFile(env, 'environment.yml', 'conda');
    expect(file.requirements.map((r) => `${r.key}${r.pinned ? `==${r.pinned}` : ''}@${r.line}${r.conda ? ' conda' : ''}`)).toEqual(['torch==2.1.0@7 conda', 'numpy@9 conda', 'torchvision==0.17.0@11']);
    expect(file.cuda.map((c) => [c.cuda, c.source, c.line])).toEqual([['12.1', 'conda', 8], ['11.8', 'index-url', 12]]);
    expect(file.includes.map((i) => [i.target, i.line])).toEqual([['requirements.txt', 13]]);
  });

  it('conda environment.yml end to end: torch mismatch, CUDA mismatch, unpinned, extra index', async () => {
    const env = 'name: model\ndependencies:\n  - pytorch=2.1.0\n  - pytorch-cuda=12.1\n  - numpy\n  - pip:\n    - torchvision==0.17.0\n    - --extra-index-url https://download.pytorch.org/whl/cu118\n';
    const run = await scan({ 'environment.yml': env });
    expect(ids(run)).toEqual([
      'cuda-mismatch@environment.yml:8', 'extra-index@environment.yml:8', 'no-advisory-data@environment.yml:', 'torch-mismatch@environment.yml:7', 'unpinned@environment.yml:5',
    ]);
  });

  it('setup.cfg install_requires and extras_require', () => {
    const cfg = '[metadata]\nname = m\n\n[options]\npackages = find:\ninstall_requires =\n    torch==2.1.0\n    numpy>=1.24 ; python_version >= "3.9"\n\n[options.extras_require]\nvision = torchvision==0.16.0\n';
    expect(summary(cfg, 'setup.cfg')).toEqual(['torch==2.1.0@7', 'numpy>=1.24@8', 'torchvision==0.16.0@11']);
  });

  it('Dockerfile: base image CUDA and torch, pip install lines (shell and exec form), ARG substitution', () => {
    const docker = [
      'ARG BASE=pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime',
      'FROM ${BASE} AS build',
      'RUN apt-get update && pip install --no-cache-dir \\',
      '      torchvision==0.17.0 "numpy>=1.24" \\',
      '      --extra-index-url https://download.pytorch.org/whl/cu118 && rm -rf /tmp/x',
      'RUN ["python3", "-m", "pip", "install", "--trusted-host", "pypi.internal", "requests"]',
      'RUN uv pip install -r requirements.txt',
    ].join('\n');
    const file = parseDependencyFile(docker, 'Dockerfile', 'dockerfile');
    expect(file.requirements.map((r) => `${r.key}${r.pinned ? `==${r.pinned}` : r.specifier}@${r.line}`)).toEqual(['torch==2.1.0@2', 'torchvision==0.17.0@4', 'numpy>=1.24@4', 'requests@6']);
    expect(file.cuda.map((c) => [c.cuda, c.source, c.line])).toEqual([['12.1', 'base-image', 2], ['11.8', 'index-url', 5]]);
    expect(file.indexes.map((i) => [i.kind, i.url])).toEqual([['extra-index-url', 'https://download.pytorch.org/whl/cu118'], ['trusted-host', 'pypi.internal']]);
    expect(file.includes.map((i) => i.target)).toEqual(['requirements.txt']);
  });

  it('Dockerfile end to end: a torch image with a mismatched torchvision and CUDA wheel index', async () => {
    const run = await scan({ Dockerfile: 'FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\nRUN pip install torchvision==0.17.0 --index-url https://download.pytorch.org/whl/cu118\n' });
    expect(of(run, 'torch-mismatch').map((f) => f.location?.line)).toEqual([2]);
    expect(of(run, 'cuda-mismatch').map((f) => f.data?.cuda)).toEqual(['11.8']);
  });

  it('lock files and manifests feed advisory matching: Pipfile.lock, poetry.lock, uv.lock, setup.cfg', async () => {
    const run = await scanWithPypa({
      'a/Pipfile.lock': JSON.stringify({ _meta: {}, default: { pillow: { version: '==9.0.0', hashes: [] } } }, null, 2),
      'b/poetry.lock': '[[package]]\nname = "pillow"\nversion = "9.0.0"\n',
      'c/uv.lock': 'version = 1\n\n[[package]]\nname = "pillow"\nversion = "9.0.0"\nsource = { registry = "https://pypi.org/simple" }\n',
      'd/setup.cfg': '[options]\ninstall_requires =\n    pillow==9.0.0\n',
    });
    const paths = new Set(run.findings.filter((f) => f.evidence?.advisory === 'PYSEC-2022-168').map((f) => f.path));
    expect([...paths].sort()).toEqual(['a/Pipfile.lock', 'b/poetry.lock', 'c/uv.lock', 'd/setup.cfg']);
    expect(of(run, 'unpinned')).toEqual([]);
  });
});
