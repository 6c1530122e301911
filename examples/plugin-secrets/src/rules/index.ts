import { defineRule } from '@modelgate/plugin-kit';

const tags = ['secrets'];
const cwe = ['CWE-798'];

export const huggingFaceToken = defineRule('hf-token', {
  description: 'A Hugging Face access token (hf_…) is written in a file.',
  defaultSeverity: 'critical',
  messages: { found: 'Hugging Face token {{masked}} on line {{line}}' },
  tags,
  cwe,
});

export const awsAccessKey = defineRule('aws-access-key', {
  description: 'An AWS access key id or secret access key is written in a file.',
  defaultSeverity: 'critical',
  messages: {
    keyId: 'AWS access key id {{masked}} on line {{line}}',
    secret: 'AWS secret access key {{masked}} on line {{line}}',
  },
  tags,
  cwe,
});

export const privateKey = defineRule('private-key', {
  description: 'A PEM or OpenSSH private key is written in a file.',
  defaultSeverity: 'critical',
  messages: { found: '{{kind}} private key on line {{line}}' },
  tags,
  cwe: ['CWE-321'],
});

export const netrcPassword = defineRule('netrc-password', {
  description: 'A .netrc file holds a password for a machine.',
  defaultSeverity: 'high',
  messages: { found: '.netrc password for {{machine}} on line {{line}}' },
  tags,
  cwe,
});

export const dotenvSecret = defineRule('dotenv-secret', {
  description: 'A .env file assigns a value to a secret-looking variable.',
  defaultSeverity: 'medium',
  messages: { found: '{{name}} is set in a .env file (line {{line}})' },
  tags,
  cwe,
});
