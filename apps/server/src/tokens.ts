import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '@modelgate/core';

/** What a token may do: `read` lists scans and reports, `scan` starts, cancels and deletes scans. */
export type Scope = 'read' | 'scan';

/** Every scope, for full-access tokens. */
export const SCOPES: readonly Scope[] = ['read', 'scan'];

/** A known token: only the sha256 of the secret is ever held. */
export interface TokenEntry {
  name: string;
  /** Lowercase hex sha256 of the token string. */
  sha256: string;
  scopes: Scope[];
}

/** The hex sha256 of a token, as stored in token files. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Looks tokens up by the hash of what a client presents; compares in constant time. */
export class TokenStore {
  private readonly entries: { entry: TokenEntry; digest: Buffer }[];

  constructor(entries: TokenEntry[]) {
    this.entries = entries.map((entry) => ({ entry, digest: Buffer.from(entry.sha256, 'hex') }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The token whose hash matches `presented`, if any. */
  verify(presented: string): TokenEntry | undefined {
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let found: TokenEntry | undefined;
    for (const { entry, digest: known } of this.entries) {
      if (timingSafeEqual(digest, known)) found ??= entry;
    }
    return found;
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Validates the parsed content of a token file. Throws {@link ConfigError} naming the file and entry. */
export function parseTokenFile(data: unknown, source: string): TokenEntry[] {
  const list = (data as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(list)) throw new ConfigError(`invalid token file ${source}: expected an object with a "tokens" list`);
  const names = new Set<string>();
  return list.map((raw, index) => {
    const where = `invalid token file ${source}: tokens[${index}]`;
    const item = raw as Partial<Record<string, unknown>> | null;
    if (typeof item !== 'object' || item === null) throw new ConfigError(`${where} must be an object`);
    const unknown = Object.keys(item).filter((k) => !['name', 'sha256', 'scopes'].includes(k));
    if (unknown.length) throw new ConfigError(`${where} has unknown key "${unknown[0]}" (plain tokens are never stored: give their sha256)`);
    if (typeof item.name !== 'string' || !item.name) throw new ConfigError(`${where}.name must be a non-empty string`);
    if (names.has(item.name)) throw new ConfigError(`${where}.name "${item.name}" is used twice`);
    names.add(item.name);
    const sha256 = typeof item.sha256 === 'string' ? item.sha256.toLowerCase() : '';
    if (!SHA256.test(sha256)) throw new ConfigError(`${where}.sha256 must be 64 hex digits (sha256 of the token)`);
    const scopes = item.scopes ?? SCOPES;
    if (!Array.isArray(scopes) || !scopes.length || !scopes.every((s) => (SCOPES as unknown[]).includes(s))) {
      throw new ConfigError(`${where}.scopes must be a non-empty list of: ${SCOPES.join(', ')}`);
    }
    return { name: item.name, sha256, scopes: [...new Set(scopes as Scope[])] };
  });
}

/**
 * Loads the tokens the server accepts: the entries of `tokenFile` (if given) plus, when `envToken`
 * is set (`MODELGATE_TOKEN`), one full-access token named `env`. Throws {@link ConfigError}.
 */
export async function loadTokens(options: { tokenFile?: string; envToken?: string }): Promise<TokenStore> {
  const entries: TokenEntry[] = [];
  if (options.tokenFile) {
    let text: string;
    try {
      text = await readFile(options.tokenFile, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read token file ${options.tokenFile}: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = parseYaml(text, { uniqueKeys: true });
    } catch (error) {
      throw new ConfigError(`cannot parse token file ${options.tokenFile}: ${(error as Error).message}`);
    }
    entries.push(...parseTokenFile(data, options.tokenFile));
  }
  if (options.envToken) {
    if (entries.some((e) => e.name === 'env')) throw new ConfigError('token name "env" is reserved for MODELGATE_TOKEN');
    entries.push({ name: 'env', sha256: hashToken(options.envToken), scopes: [...SCOPES] });
  }
  if (!entries.length) throw new ConfigError('no API tokens: set MODELGATE_TOKEN or give --token-file (the server never runs without authentication)');
  return new TokenStore(entries);
}
