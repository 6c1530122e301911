import { finding, richReport } from './factory.js';

/** A name that is markup, breaks out of attributes and closes the script element. */
export const XSS_NAME = `"><img src=x onerror="window.__pwned=1"></script><script>window.__pwned=2</script>'.pkl`;

export function hostileReport() {
  const report = richReport();
  report.findings.push(
    finding('pickle/unknown-global', 'high', { path: XSS_NAME, member: '<b>inner</b>', byteOffset: 12 }, {
      message: 'imports <script>alert(1)</script>',
      evidence: { name: '</pre><img src=x onerror=alert(2)>', bidi: '\u202etxt' },
      plugin: '<i>plugin</i>',
    }),
  );
  report.notices = [{ level: 'warning', code: 'SUPPRESSION_UNUSED', message: 'entry <u>x</u> matched nothing', source: '.modelgate-ignore.yaml', line: 3 }];
  return report;
}
