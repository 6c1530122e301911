#!/usr/bin/env node
// Build step: fingerprints every SPDX licence text once, at build time, into dist/license-templates.bin,
// so a worker thread loads them in milliseconds instead of normalising ~700 texts (~200 ms) at scan time.
import { writeFileSync } from 'node:fs';
import { computeTemplates, encodeTemplates } from '../dist/text/templates.js';

const out = new URL('../dist/license-templates.bin', import.meta.url);
writeFileSync(out, encodeTemplates(computeTemplates()));
