import { describe, it } from 'vitest';
import { PluginTester } from '@modelgate/plugin-kit/testing';
import plugin from '../src/index.js';

// Built at test time so the repository itself holds nothing that looks like a live credential.
const hfToken = `hf_${'aBcD1234'.repeat(5)}`;
const awsKeyId = `AKIA${'ABCDEFGH23456789'}`;
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA', '-----END RSA PRIVATE KEY-----'].join('\n');

const notebook = JSON.stringify(
  { cells: [{ cell_type: 'code', source: ['from huggingface_hub import login\n', `login(token="${hfToken}")\n`] }], nbformat: 4 },
  null,
  1,
);

new PluginTester(plugin, { describe, it, pool: { module: new URL('../dist/index.js', import.meta.url).pathname } }).run('modelgate-plugin-secrets', {
  valid: [
    { name: 'a model card', file: { path: 'README.md', content: '# My model\n\nLoad it with `from_pretrained("org/model")`.\n' } },
    { name: 'a config', file: { path: 'config.json', content: '{"hidden_size": 768, "token_type_ids": true}' } },
    { name: 'a .env without secrets', file: { path: '.env', content: 'MODEL_NAME=bert\nBATCH_SIZE=8\n' } },
    { name: 'an empty secret', file: { path: '.env', content: 'HF_TOKEN=\n' } },
    { name: 'a binary file named .env', file: { path: '.env', content: new Uint8Array([0, 1, 2, 0x48, 0x46, 0x5f]) } },
  ],
  invalid: [
    {
      name: 'a Hugging Face token in a notebook',
      file: { path: 'train.ipynb', content: notebook },
      findings: [{ rule: 'hf-token', messageId: 'found', line: 7, message: /^Hugging Face token hf_aBc…\(43 chars\) on line 7$/ }],
    },
    {
      name: 'AWS keys in a config',
      file: { path: 'deploy.cfg', content: `[default]\naws_access_key_id = ${awsKeyId}\naws_secret_access_key = ${awsSecret}\n` },
      findings: [
        { rule: 'aws-access-key', messageId: 'keyId', line: 2 },
        { rule: 'aws-access-key', messageId: 'secret', line: 3 },
      ],
    },
    { name: 'a private key', file: { path: 'keys/id_rsa.txt', content: pem }, findings: [{ rule: 'private-key', data: { kind: 'RSA', line: 1 } }] },
    {
      name: 'a .netrc password',
      file: { path: '.netrc', content: 'machine huggingface.co\n  login me\n  password s3cr3t\n' },
      findings: [{ rule: 'netrc-password', data: { machine: 'huggingface.co', line: 3 } }],
    },
    {
      name: 'secrets in a .env file',
      file: { path: '.env.local', content: `WANDB_API_KEY=abc123\nexport HF_TOKEN="${hfToken}"\nDEBUG=1\n` },
      findings: [
        { rule: 'dotenv-secret', data: { name: 'WANDB_API_KEY', line: 1 } },
        { rule: 'dotenv-secret', data: { name: 'HF_TOKEN', line: 2 } },
        { rule: 'hf-token', line: 2 },
      ],
    },
  ],
});
