import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseServerSection, resolveSettings } from '../src/index.js';

describe('server settings', () => {
  it('defaults to 127.0.0.1:8377', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ host: '127.0.0.1', port: 8377 });
  });

  it('reads the config file section, resolving paths from the config directory; flags win', () => {
    const fromFile = parseServerSection({ port: 9000, dataDir: 'data', roots: ['models', '/abs'], maxUploadSize: '10MB', rateLimit: { max: 10, window: 2 } }, 'c.yaml', '/etc/mg');
    expect(fromFile).toEqual({ port: 9000, dataDir: '/etc/mg/data', roots: ['/etc/mg/models', '/abs'], maxUploadBytes: 10 * 1024 ** 2, rateLimit: { max: 10, windowMs: 2000 } });
    const settings = resolveSettings(fromFile, { port: 1234, host: undefined });
    expect(settings).toMatchObject({ port: 1234, host: '127.0.0.1', dataDir: '/etc/mg/data' });
  });

  it('names the key of an invalid section', () => {
    expect(() => parseServerSection({ prot: 1 }, 'c.yaml', '/')).toThrow(/invalid config c.yaml: unknown key "server.prot"/);
    expect(() => parseServerSection({ port: 'x' }, 'c.yaml', '/')).toThrow(/"server.port" must be integer/);
  });
});
