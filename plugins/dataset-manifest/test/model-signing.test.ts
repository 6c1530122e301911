import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MODEL_SIGNING_V02, MODEL_SIGNING_V1 } from '../src/documents/model-signing.js';
import { dir, ids, scan, sha } from './helpers.js';

const FILES = { 'model/config.json': '{}', 'model/weights.bin': 'weights', 'model/sub/tok.json': '[]' };

function bundle(statement: unknown, payloadType = 'application/vnd.in-toto+json'): string {
  const payload = Buffer.from(JSON.stringify(statement)).toString('base64');
  return JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: {}, dsseEnvelope: { payload, payloadType, signatures: [{ sig: 'AAAA', keyid: '' }] } });
}

function v1(resources: { name: string; digest: string }[], root?: string) {
  const hasher = createHash('sha256');
  for (const r of resources) hasher.update(Buffer.from(r.digest, 'hex'));
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'model', digest: { sha256: root ?? hasher.digest('hex') } }],
    predicateType: MODEL_SIGNING_V1,
    predicate: { serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: ['.git', 'README.md'] }, resources: resources.map((r) => ({ ...r, algorithm: 'sha256' })) },
  };
}

const RESOURCES = Object.entries(FILES).map(([path, content]) => ({ name: path.slice('model/'.length), digest: sha(content) })).sort((a, b) => (a.name < b.name ? -1 : 1));

describe('OpenSSF model signing (model.sig)', () => {
  it('verifies v1.0 resource digests offline', async () => {
    const run = await scan(dir({ ...FILES, 'model/model.sig': bundle(v1(RESOURCES)), 'model/README.md': 'ignored' }));
    expect(ids(run)).toEqual([]);
    expect(run.inventory).toEqual([{ document: 'model/model.sig', documentKind: 'model-signing', entries: 3, present: 3, verified: 3, complete: true }]);
  });

  it('catches a changed file, an unlisted file and a missing one', async () => {
    const run = await scan(dir({ ...FILES, 'model/weights.bin': 'weightz', 'model/extra.py': 'x', 'model/model.sig': bundle(v1([...RESOURCES, { name: 'gone.bin', digest: sha('g') }])) }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256', 'file-missing/missing', 'file-unlisted/unlisted']);
  });

  it('reports a subject digest that is not the hash of the resource digests', async () => {
    const run = await scan(dir({ ...FILES, 'model/model.sig': bundle(v1(RESOURCES, sha('forged'))) }));
    expect(ids(run)).toEqual(['signing-manifest-inconsistent/rootDigest']);
    expect(run.findings[0]!.severity).toBe('high');
  });

  it('reports unexpected payload and statement types', async () => {
    const statement = { ...v1(RESOURCES), _type: 'https://in-toto.io/Statement/v0.1' };
    const run = await scan(dir({ ...FILES, 'model/model.sig': bundle(statement, 'text/plain') }));
    expect(ids(run)).toEqual(['signing-manifest-inconsistent/payloadType', 'signing-manifest-inconsistent/statementType']);
  });

  it('verifies v0.2 subjects', async () => {
    const statement = { _type: 'https://in-toto.io/Statement/v1', predicateType: MODEL_SIGNING_V02, subject: RESOURCES.map((r) => ({ name: r.name, digest: { sha256: r.name === 'config.json' ? sha('x') : r.digest } })), predicate: {} };
    const run = await scan(dir({ ...FILES, 'model/model.sig': bundle(statement) }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256']);
    expect(run.findings[0]!.path).toBe('model/config.json');
  });

  it('refuses shard serialization (cannot be checked from whole-file digests)', async () => {
    const statement = v1(RESOURCES);
    (statement.predicate.serialization as Record<string, unknown>).method = 'shards';
    const run = await scan(dir({ ...FILES, 'model/model.sig': bundle(statement) }));
    expect(run.errors.map((e) => e.code)).toEqual(['UNSUPPORTED_DOCUMENT']);
  });

  it('ignores .sig files that are not DSSE bundles', async () => {
    expect(await scan(dir({ 'a.sig': '-----BEGIN PGP SIGNATURE-----\n', 'b.sig': '{"x":1}' }))).toEqual({ findings: [], inventory: [], errors: [] });
  });

  it('reports a payload that is not JSON', async () => {
    const text = JSON.stringify({ dsseEnvelope: { payload: Buffer.from('{"a":').toString('base64'), payloadType: 'application/vnd.in-toto+json' } });
    const run = await scan(dir({ 'model.sig': text }));
    expect(run.errors).toEqual([{ code: 'INVALID_JSON', message: expect.stringMatching(/^model\.sig: the DSSE payload is not a JSON statement \(DSSE payload:1:6: /) }]);
  });
});
