import type { ScanContext } from '@modelgate/plugin-api';
import { lineColumn } from '@modelgate/plugin-kit';
import { awsAccessKey, dotenvSecret, huggingFaceToken, netrcPassword, privateKey } from './rules/index.js';
import { mask } from './mask.js';

const HF_TOKEN = /\bhf_[A-Za-z0-9]{30,}\b/g;
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g;
const AWS_SECRET = /aws_secret_access_key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b/gi;
const PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?)PRIVATE KEY( BLOCK)?-----/g;
const NETRC_PASSWORD = /\bmachine\s+(\S+)[\s\S]*?\bpassword\s+(\S+)/g;
const DOTENV_SECRET = /^\s*(?:export\s+)?([A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY|PRIVATE_KEY)[A-Z0-9_]*)\s*=\s*(["']?)([^\s"'#]+)\2/gm;

/** What kind of file a name says it is, for the rules that depend on it. */
export function fileKind(path: string): 'netrc' | 'dotenv' | 'other' {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '.netrc' || name === '_netrc') return 'netrc';
  if (name === '.env' || name.startsWith('.env.')) return 'dotenv';
  return 'other';
}

/** Reports every credential found in `text`, with its line. */
export function scanText(text: string, kind: ReturnType<typeof fileKind>, ctx: ScanContext): void {
  for (const match of text.matchAll(HF_TOKEN)) {
    const line = lineColumn(text, match.index).line;
    huggingFaceToken.report(ctx, 'found', { masked: mask(match[0]), line }, { location: { line } });
  }
  for (const match of text.matchAll(AWS_KEY_ID)) {
    const line = lineColumn(text, match.index).line;
    awsAccessKey.report(ctx, 'keyId', { masked: mask(match[0]), line }, { location: { line } });
  }
  for (const match of text.matchAll(AWS_SECRET)) {
    const line = lineColumn(text, match.index).line;
    awsAccessKey.report(ctx, 'secret', { masked: mask(match[1]!), line }, { location: { line } });
  }
  for (const match of text.matchAll(PRIVATE_KEY)) {
    const line = lineColumn(text, match.index).line;
    const kind = (match[1] ?? '').trim() || (match[2] ? 'PGP' : 'PKCS#8');
    privateKey.report(ctx, 'found', { kind, line }, { location: { line } });
  }
  if (kind === 'netrc') {
    for (const match of text.matchAll(NETRC_PASSWORD)) {
      const line = lineColumn(text, match.index + match[0].lastIndexOf('password')).line;
      netrcPassword.report(ctx, 'found', { machine: match[1]!, line }, { location: { line } });
    }
  }
  if (kind === 'dotenv') {
    for (const match of text.matchAll(DOTENV_SECRET)) {
      const line = lineColumn(text, match.index).line;
      dotenvSecret.report(ctx, 'found', { name: match[1]!, line }, { location: { line } });
    }
  }
}
