/**
 * Which torchvision and torchaudio releases belong to which torch release, by `major.minor`.
 * Facts from the official tables: the pytorch/vision README ("corresponding torchvision
 * versions") and the torchaudio installation docs ("Compatibility Matrix"). Patch releases of a
 * pair belong together (torch 2.0.1 ↔ torchvision 0.15.2 ↔ torchaudio 2.0.2).
 */
export const TORCH_COMPAT: readonly { torch: string; torchvision: string; torchaudio: string }[] = [
  { torch: '1.4', torchvision: '0.5', torchaudio: '0.4' },
  { torch: '1.5', torchvision: '0.6', torchaudio: '0.5' },
  { torch: '1.6', torchvision: '0.7', torchaudio: '0.6' },
  { torch: '1.7', torchvision: '0.8', torchaudio: '0.7' },
  { torch: '1.8', torchvision: '0.9', torchaudio: '0.8' },
  { torch: '1.9', torchvision: '0.10', torchaudio: '0.9' },
  { torch: '1.10', torchvision: '0.11', torchaudio: '0.10' },
  { torch: '1.11', torchvision: '0.12', torchaudio: '0.11' },
  { torch: '1.12', torchvision: '0.13', torchaudio: '0.12' },
  { torch: '1.13', torchvision: '0.14', torchaudio: '0.13' },
  { torch: '2.0', torchvision: '0.15', torchaudio: '2.0' },
  { torch: '2.1', torchvision: '0.16', torchaudio: '2.1' },
  { torch: '2.2', torchvision: '0.17', torchaudio: '2.2' },
  { torch: '2.3', torchvision: '0.18', torchaudio: '2.3' },
  { torch: '2.4', torchvision: '0.19', torchaudio: '2.4' },
  { torch: '2.5', torchvision: '0.20', torchaudio: '2.5' },
  { torch: '2.6', torchvision: '0.21', torchaudio: '2.6' },
  { torch: '2.7', torchvision: '0.22', torchaudio: '2.7' },
  { torch: '2.8', torchvision: '0.23', torchaudio: '2.8' },
  { torch: '2.9', torchvision: '0.24', torchaudio: '2.9' },
  { torch: '2.10', torchvision: '0.25', torchaudio: '2.10' },
];

/** torchaudio from this `major.minor` on is built on torch's stable ABI: it works with that torch release and every later one. */
export const TORCHAUDIO_STABLE_ABI_FROM = '2.11';

const MM = /^(\d+)\.(\d+)/;

function mm(version: string): [number, number] | undefined {
  const m = MM.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function cmp(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Whether a torch version and a companion's version belong together. Returns `undefined` when the
 * table cannot tell (a release newer than the table for both), else the expected companion
 * `major.minor` and whether the pair matches.
 */
export function checkTorchPair(torch: string, companion: 'torchvision' | 'torchaudio', version: string): { ok: boolean; expected?: string; pairedTorch?: string } | undefined {
  const t = mm(torch);
  const c = mm(version);
  if (!t || !c) return undefined;
  const tKey = `${t[0]}.${t[1]}`;
  const cKey = `${c[0]}.${c[1]}`;
  if (companion === 'torchaudio') {
    const abi = mm(TORCHAUDIO_STABLE_ABI_FROM)!;
    if (cmp(c, abi) >= 0) return cmp(t, c) >= 0 ? { ok: true } : { ok: false, expected: `torch >= ${cKey}`, pairedTorch: `>= ${cKey}` };
  }
  const byTorch = TORCH_COMPAT.find((row) => row.torch === tKey);
  const byCompanion = TORCH_COMPAT.find((row) => row[companion] === cKey);
  if (!byTorch && !byCompanion) return undefined;
  if (byTorch?.[companion] === cKey) return { ok: true };
  return { ok: false, ...(byTorch && { expected: byTorch[companion] }), ...(byCompanion && { pairedTorch: byCompanion.torch }) };
}
