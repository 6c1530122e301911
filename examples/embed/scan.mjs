import { createEngine } from '@modelgate/core';

const engine = await createEngine({ plugins: ['@modelgate/plugin-safetensors'] });
const run = engine.scan([process.argv[2] ?? '.']);
for await (const event of run) {
  if (event.type === 'progress') console.error(`scanned ${event.filesDone}/${event.totalFiles} files`);
}
const report = await run.report;
for (const f of report.findings) console.log(`${f.severity}\t${f.ruleId}\t${f.location.path}\t${f.message}`);
await engine.close();
process.exitCode = report.findings.length > 0 ? 1 : 0;
