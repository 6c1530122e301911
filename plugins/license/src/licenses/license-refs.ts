import type { Restrictions } from './restrictions.js';

/** A licence outside the SPDX list that this plugin knows, under a `LicenseRef-` id. */
export interface KnownRef {
  readonly name: string;
  readonly restrictions: Restrictions;
}

const RAIL = 'OpenRAIL use-based restrictions (the licence\'s attachment A) bind every user and must be carried into derivatives';
const llama = (version: string, extra = ''): KnownRef => ({
  name: `Llama ${version} Community License`,
  restrictions: {
    use: `Llama ${version} Acceptable Use Policy; a separate licence above 700 million monthly active users${extra}`,
    family: 'llama',
  },
});

/**
 * Non-SPDX model licences by `LicenseRef-` id. Sources: the Hugging Face Hub licence list and
 * the licences' own texts (RAIL family, Meta Llama, Google Gemma, research-only licences).
 */
export const KNOWN_REFS: Readonly<Record<string, KnownRef>> = {
  'LicenseRef-OpenRAIL': { name: 'Open RAIL', restrictions: { use: RAIL } },
  'LicenseRef-OpenRAIL-M': { name: 'Open RAIL-M', restrictions: { use: RAIL } },
  'LicenseRef-OpenRAIL-PlusPlus-M': { name: 'CreativeML Open RAIL++-M', restrictions: { use: RAIL } },
  'LicenseRef-BigScience-OpenRAIL-M': { name: 'BigScience Open RAIL-M', restrictions: { use: RAIL } },
  'LicenseRef-CreativeML-OpenRAIL-M': { name: 'CreativeML Open RAIL-M', restrictions: { use: RAIL } },
  'LicenseRef-BigScience-BLOOM-RAIL-1.0': { name: 'BigScience BLOOM RAIL 1.0', restrictions: { use: RAIL } },
  'LicenseRef-BigCode-OpenRAIL-M': { name: 'BigCode Open RAIL-M', restrictions: { use: RAIL } },
  'LicenseRef-Llama-2-Community': llama('2'),
  'LicenseRef-Llama-3-Community': llama('3', '; "Built with Meta Llama 3" attribution and "Llama 3" name prefix for derivatives'),
  'LicenseRef-Llama-3.1-Community': llama('3.1', '; "Built with Llama" attribution and "Llama" name prefix for derivatives'),
  'LicenseRef-Llama-3.2-Community': llama('3.2', '; "Built with Llama" attribution and "Llama" name prefix for derivatives'),
  'LicenseRef-Llama-3.3-Community': llama('3.3', '; "Built with Llama" attribution and "Llama" name prefix for derivatives'),
  'LicenseRef-Llama-4-Community': llama('4', '; "Built with Llama" attribution and "Llama" name prefix for derivatives'),
  'LicenseRef-Gemma-Terms-of-Use': {
    name: 'Gemma Terms of Use',
    restrictions: { use: 'Gemma Prohibited Use Policy; its use restrictions must be passed on with every model derivative', family: 'gemma' },
  },
  'LicenseRef-Grok-2-Community': {
    name: 'Grok 2 Community License',
    restrictions: { use: 'xAI Acceptable Use Policy; no use to train or improve other foundation models', family: 'grok' },
  },
  'LicenseRef-DeepFloyd-IF': {
    name: 'DeepFloyd IF License',
    restrictions: { nonCommercial: true, use: 'DeepFloyd IF use restrictions (research, non-commercial)' },
  },
  'LicenseRef-FAIR-Noncommercial-Research': { name: 'FAIR Noncommercial Research License', restrictions: { nonCommercial: true } },
  'LicenseRef-Apple-AMLR': { name: 'Apple Machine Learning Research Model License', restrictions: { nonCommercial: true } },
  'LicenseRef-Apple-Sample-Code': { name: 'Apple Sample Code License', restrictions: {} },
  'LicenseRef-H-Research': { name: 'H Research License', restrictions: { nonCommercial: true } },
  'LicenseRef-Intel-Research': { name: 'Intel Research Use License', restrictions: { nonCommercial: true } },
  'LicenseRef-LGPL-LR': { name: 'Lesser General Public License For Linguistic Resources', restrictions: { shareAlike: true } },
  'LicenseRef-Creative-Commons': { name: 'Creative Commons (version and terms unspecified)', restrictions: {} },
  'LicenseRef-BSD': { name: 'BSD licence family (variant unspecified)', restrictions: {} },
  'LicenseRef-GPL': { name: 'GNU GPL family (version unspecified)', restrictions: { shareAlike: true } },
  'LicenseRef-LGPL': { name: 'GNU LGPL family (version unspecified)', restrictions: {} },
  'LicenseRef-GFDL': { name: 'GNU FDL family (version unspecified)', restrictions: { shareAlike: true } },
  'LicenseRef-OpenMDW-1.1': { name: 'OpenMDW License 1.1', restrictions: {} },
  'LicenseRef-Qwen': {
    name: 'Qwen (Tongyi Qianwen) License Agreement',
    restrictions: { use: 'a separate licence above 100 million monthly active users; "Built with Qwen" attribution', family: 'qwen' },
  },
  'LicenseRef-Qwen-Research': { name: 'Qwen Research License Agreement', restrictions: { nonCommercial: true, family: 'qwen' } },
  'LicenseRef-DeepSeek': {
    name: 'DeepSeek License Agreement',
    restrictions: { use: 'DeepSeek use-based restrictions (attachment A) bind users and derivatives' },
  },
  'LicenseRef-Mistral-Research': { name: 'Mistral AI Research License', restrictions: { nonCommercial: true } },
  'LicenseRef-Mistral-Non-Production': { name: 'Mistral AI Non-Production License', restrictions: { nonCommercial: true } },
  'LicenseRef-Stability-AI-Community': {
    name: 'Stability AI Community License',
    restrictions: { use: 'Stability AI Acceptable Use Policy; an enterprise licence above USD 1M annual revenue' },
  },
  'LicenseRef-Stability-AI-NC-Research': { name: 'Stability AI Non-Commercial Research Community License', restrictions: { nonCommercial: true } },
  'LicenseRef-NVIDIA-Open-Model': {
    name: 'NVIDIA Open Model License',
    restrictions: { use: 'guardrails may not be bypassed; NVIDIA Trustworthy AI terms' },
  },
  'LicenseRef-Falcon-LLM': { name: 'Falcon LLM License', restrictions: { use: 'Falcon Acceptable Use Policy' } },
  'LicenseRef-Coqui-Public-Model': { name: 'Coqui Public Model License', restrictions: { nonCommercial: true } },
};
