import { createRequire } from 'node:module';
import type { AdvisorySeverity } from './types.js';

type Calculator = new (vector: string) => { calculateScores(): { base?: number; overall?: number } };
const cvss = createRequire(import.meta.url)('ae-cvss-calculator') as { Cvss3P0: Calculator; Cvss3P1: Calculator; Cvss4P0: Calculator };

const V3_BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];
const V4_BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];

/**
 * Base score of a CVSS v3.0, v3.1 or v4.0 vector (computed with `ae-cvss-calculator`), or
 * undefined when the vector is not one of those or is malformed.
 */
export function cvssBaseScore(vector: string): number | undefined {
  const v = vector.trim();
  const Calc = v.startsWith('CVSS:3.1/') ? cvss.Cvss3P1 : v.startsWith('CVSS:3.0/') ? cvss.Cvss3P0 : v.startsWith('CVSS:4.0/') ? cvss.Cvss4P0 : undefined;
  if (!Calc) return undefined;
  const present = new Set(v.split('/').slice(1).map((part) => part.split(':')[0]));
  const required = v.startsWith('CVSS:4.0/') ? V4_BASE : V3_BASE;
  if (!required.every((metric) => present.has(metric))) return undefined;
  try {
    const scores = new Calc(v).calculateScores();
    const score = scores.base ?? scores.overall;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

/** CVSS qualitative rating: ≥9 critical, ≥7 high, ≥4 medium, otherwise low. */
export function severityFromScore(score: number): AdvisorySeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

/** A database's own rating (GHSA `database_specific.severity`: CRITICAL, HIGH, MODERATE, LOW). */
export function severityFromLabel(label: unknown): AdvisorySeverity | undefined {
  if (typeof label !== 'string') return undefined;
  const l = label.toLowerCase();
  if (l === 'critical' || l === 'high' || l === 'low') return l;
  if (l === 'moderate' || l === 'medium') return 'medium';
  return undefined;
}
