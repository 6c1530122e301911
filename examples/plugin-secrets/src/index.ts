import { definePlugin } from '@modelgate/plugin-api';
import { readTextBounded, rulesRecord } from '@modelgate/plugin-kit';
import { awsAccessKey, dotenvSecret, huggingFaceToken, netrcPassword, privateKey } from './rules/index.js';
import { fileKind, scanText } from './scan-text.js';

/** Files larger than this are read only up to it: secrets live in small text files. */
const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * modelgate-plugin-secrets: finds credentials left in model repositories (Hugging Face tokens,
 * AWS keys, private keys, .netrc passwords, .env secrets) in text files, configs and notebooks.
 */
export default definePlugin({
  apiVersion: 1,
  meta: { name: 'modelgate-plugin-secrets', version: '0.1.0', namespace: 'secrets' },
  rules: rulesRecord([huggingFaceToken, awsAccessKey, privateKey, netrcPassword, dotenvSecret]),
  scanners: [
    {
      id: 'text-secrets',
      // Content decides (text and JSON, which covers notebooks); the names catch dotfiles of any content.
      filter: { formats: ['text', 'json'], include: ['.env', '.env.*', '.netrc', '_netrc', '*.ipynb'] },
      async scan(file, ctx) {
        const { text, binary } = await readTextBounded(file, MAX_TEXT_BYTES);
        if (binary) return;
        scanText(text, fileKind(file.member ?? file.path), ctx);
      },
    },
  ],
});
