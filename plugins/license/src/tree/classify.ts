import { isLicenseFileName } from '../sources/license-file.js';

export { TRIGGER_GLOBS } from './trigger-globs.js';

/** What a file is to this plugin. */
export type FileRole = 'card' | 'modelcard' | 'provenance' | 'manifest' | 'dataset_info' | 'license' | 'gguf' | 'safetensors' | 'weights';

const WEIGHTS = /\.(pt|pth|ckpt|onnx|h5|keras|tflite|msgpack|joblib|mlmodel|pdparams|nemo)$|^(pytorch_model|model|adapter_model|diffusion_pytorch_model)(-\d+-of-\d+)?\.bin$/i;

/** The role of a file by its name (and sniffed format for GGUF/safetensors), or undefined. */
export function classify(name: string, format?: string): FileRole | undefined {
  const lower = name.toLowerCase();
  if (lower === 'readme.md') return 'card';
  if (lower === 'modelcard.yaml' || lower === 'modelcard.yml') return 'modelcard';
  if (lower === 'provenance.yaml' || lower === 'provenance.yml') return 'provenance';
  if (lower === 'manifest.yaml' || lower === 'manifest.yml') return 'manifest';
  if (lower === 'dataset_info.json' || lower === 'dataset_infos.json') return 'dataset_info';
  if (isLicenseFileName(name)) return 'license';
  if (format === 'gguf' || lower.endsWith('.gguf')) return 'gguf';
  if (format === 'safetensors' || lower.endsWith('.safetensors')) return 'safetensors';
  if (WEIGHTS.test(name)) return 'weights';
  return undefined;
}

