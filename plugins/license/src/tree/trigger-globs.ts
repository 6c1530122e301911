/**
 * Globs that make the engine run this plugin's root scanner: any of these files anywhere in
 * the tree. The scanner then classifies every file of the scan itself.
 */
export const TRIGGER_GLOBS = [
  'README.md', 'readme.md', 'modelcard.yaml', 'modelcard.yml', 'provenance.yaml', 'provenance.yml',
  'MANIFEST.yaml', 'MANIFEST.yml', 'manifest.yaml', 'manifest.yml', 'dataset_info.json', 'dataset_infos.json',
  'LICENSE*', 'LICENCE*', 'License*', 'Licence*', 'license*', 'licence*', 'COPYING*', 'copying*', 'UNLICENSE*',
  '*.gguf', '*.safetensors', '*.pt', '*.pth', '*.ckpt', '*.onnx', '*.h5', '*.keras', '*.tflite', '*.msgpack',
  '*.joblib', '*.nemo', 'pytorch_model*.bin', 'adapter_model*.bin', 'diffusion_pytorch_model*.bin',
];
