import { describe, expect, it } from 'vitest';
import { escapeHtml, formatHtml, visibleHtml } from '../src/index.js';
import { HOSTILE_NAME, richReport } from './factory.js';
import { hostileReport } from './html-fixture.js';

describe('formatHtml', () => {
  it('escapes markup and shows invisible characters as marked escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(visibleHtml('a\u202eb\n<')).toBe('a<span class="esc" title="escaped character">\\u{202e}</span>b<span class="esc" title="escaped character">\\n</span>&lt;');
  });

  it('never lets report text become markup', () => {
    const html = formatHtml(hostileReport());
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<b>inner');
    expect(html).not.toContain('<i>plugin');
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u202e');
    expect(html.match(/<script>/gu)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE_NAME);
  });

  it('is self-contained: no external resources, and a policy that forbids requests', () => {
    const html = formatHtml(hostileReport());
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/u);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)=/u);
    expect(html).not.toMatch(/@import|url\(/u);
    expect(html).not.toContain('/home/user'); // the scan root stays private
  });

  it('has the summary, controls, details, errors and notices; deterministic', () => {
    const html = formatHtml(hostileReport());
    for (const id of ['summary', 'by-plugin', 'filter-text', 'filter-severity', 'filter-plugin', 'filter-suppressed', 'findings', 'errors', 'notices']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('Byte offset</dt><dd>12 (0xc)');
    expect(html).toContain('Archive member</dt>');
    expect(html).toContain('Scan incomplete');
    expect(formatHtml(hostileReport())).toBe(html);
    expect(formatHtml({ ...richReport(), findings: [] })).toContain('No findings.');
  });
});
