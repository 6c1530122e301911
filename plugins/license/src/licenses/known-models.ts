/**
 * Well-known base models whose licence is not in the scanned tree, by Hub repository id: the
 * licence their own cards declare (Hub licence ids). Used only when a card names one as
 * `base_model` and no card for it is in the scan. Checked in order; first match wins.
 */
export const KNOWN_BASE_MODELS: readonly { pattern: RegExp; license: string }[] = [
  { pattern: /^meta-llama\/(Meta-)?Llama-2-/i, license: 'llama2' },
  { pattern: /^meta-llama\/(Meta-)?Llama-3\.1-/i, license: 'llama3.1' },
  { pattern: /^meta-llama\/(Meta-)?Llama-3\.2-/i, license: 'llama3.2' },
  { pattern: /^meta-llama\/(Meta-)?Llama-3\.3-/i, license: 'llama3.3' },
  { pattern: /^meta-llama\/(Meta-)?Llama-3-/i, license: 'llama3' },
  { pattern: /^meta-llama\/Llama-4-/i, license: 'llama4' },
  { pattern: /^meta-llama\/(Llama-Guard-3|CodeLlama)/i, license: 'llama3.1' },
  { pattern: /^google\/(gemma|codegemma|recurrentgemma|paligemma|shieldgemma|medgemma)/i, license: 'gemma' },
  { pattern: /^bigscience\/bloom/i, license: 'bigscience-bloom-rail-1.0' },
  { pattern: /^bigcode\/starcoder(base)?(-|$)/i, license: 'bigcode-openrail-m' },
  { pattern: /^(runwayml|CompVis|stable-diffusion-v1-5)\/stable-diffusion-v1-/i, license: 'creativeml-openrail-m' },
  { pattern: /^stabilityai\/stable-diffusion-(2|xl)/i, license: 'openrail++' },
  { pattern: /^stabilityai\/stable-diffusion-3/i, license: 'stabilityai-ai-community' },
  { pattern: /^mistralai\/(Mistral-7B-v0\.1|Mistral-7B-Instruct-v0\.[123]|Mixtral-8x7B|Mistral-Nemo)/i, license: 'apache-2.0' },
  { pattern: /^mistralai\/Codestral-22B/i, license: 'mnpl' },
  { pattern: /^(google-bert\/)?bert-(base|large)-(un)?cased$/i, license: 'apache-2.0' },
  { pattern: /^(FacebookAI\/)?roberta-(base|large)$/i, license: 'mit' },
  { pattern: /^(openai-community\/)?gpt2(-medium|-large|-xl)?$/i, license: 'mit' },
  { pattern: /^openai\/whisper-/i, license: 'apache-2.0' },
];

/** The Hub licence id of a well-known base model, if it is one. */
export function knownBaseModelLicense(name: string): string | undefined {
  const id = name.replace(/^(https?:\/\/)?(www\.)?huggingface\.co\//i, '').replace(/^hf:\/\//i, '');
  return KNOWN_BASE_MODELS.find((m) => m.pattern.test(id))?.license;
}
