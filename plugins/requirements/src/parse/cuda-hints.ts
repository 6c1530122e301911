/** Packages whose local version (`+cu121`) names the CUDA they were built for. */
const CUDA_TAGGED = new Set(['torch', 'torchvision', 'torchaudio', 'torchtext', 'xformers', 'torch-scatter', 'torch-sparse']);

/** `cu121` → `12.1`, `cu118` → `11.8`, `cu92` → `9.2`. */
export function cudaFromTag(tag: string): string | undefined {
  const m = /^cu(\d+)(\d)$/i.exec(tag);
  return m ? `${Number(m[1])}.${m[2]}` : undefined;
}

/** CUDA version from a PyTorch wheel's local version (`torch==2.1.0+cu121` → `12.1`). */
export function cudaFromLocalVersion(key: string, version: string): string | undefined {
  if (!CUDA_TAGGED.has(key)) return undefined;
  const plus = version.indexOf('+');
  return plus === -1 ? undefined : cudaFromTag(version.slice(plus + 1));
}

/** CUDA version from a PyTorch wheel index URL (`https://download.pytorch.org/whl/cu118`). */
export function cudaFromIndexUrl(url: string): string | undefined {
  const m = /\/whl\/(?:nightly\/|test\/)?(cu\d+)(?:\/|$|\?|\/torch)/i.exec(url);
  return m ? cudaFromTag(m[1]!) : undefined;
}

/**
 * CUDA version from a Docker base image: `nvidia/cuda:12.1.0-cudnn8-runtime-ubuntu22.04` → `12.1`,
 * `pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime` → `12.1`.
 */
export function cudaFromImage(image: string): string | undefined {
  const [repo = '', tag = ''] = splitImage(image);
  if (/(^|\/)nvidia\/cuda$/.test(repo) || /(^|\/)cuda$/.test(repo)) {
    const m = /^(\d+)\.(\d+)/.exec(tag);
    return m ? `${m[1]}.${m[2]}` : undefined;
  }
  const m = /cuda(\d+)\.(\d+)/i.exec(tag) ?? /(?:^|-)cu(\d+)(\d)(?:-|$)/i.exec(tag);
  return m ? `${Number(m[1])}.${m[2]}` : undefined;
}

/** `registry/repo:tag@digest` → [repo, tag]. */
export function splitImage(image: string): [string, string] {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? [noDigest.slice(0, colon).toLowerCase(), noDigest.slice(colon + 1)] : [noDigest.toLowerCase(), ''];
}
