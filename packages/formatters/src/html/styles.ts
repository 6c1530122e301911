/** The HTML report's style sheet, inlined in a `<style>` element (no external assets). */
export const STYLES = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --head: #f6f8fa;
  --critical: #8b0000; --high: #cf222e; --medium: #bc4c00; --low: #0969da; --info: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0; }
.meta code, td code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.incomplete { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; border-radius: 6px; margin-top: 12px; }
.cards { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 96px; }
.card b { display: block; font-size: 22px; }
.card.critical b { color: var(--critical); } .card.high b { color: var(--high); } .card.medium b { color: var(--medium); }
.card.low b { color: var(--low); } .card.info b { color: var(--info); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--low); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
table.compact { width: auto; } table.compact td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
.sev.critical { background: var(--critical); } .sev.high { background: var(--high); } .sev.medium { background: var(--medium); }
.sev.low { background: var(--low); } .sev.info { background: var(--info); }
tr.suppressed td { color: var(--muted); } tr.suppressed .sev { opacity: .55; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; font-size: 12px; color: var(--muted); margin-left: 4px; }
.esc { background: #ffebe9; color: #82071e; border-radius: 3px; padding: 0 2px; font-family: ui-monospace, monospace; font-size: 12px; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; word-break: break-all; }
details summary { cursor: pointer; }
details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
details dt { color: var(--muted); } details dd { margin: 0; word-break: break-all; }
pre { background: var(--head); border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow: auto; max-height: 320px; margin: 0; white-space: pre-wrap; word-break: break-all; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.controls input[type=search] { min-width: 260px; padding: 4px 8px; }
#shown-count { color: var(--muted); }
.notice { margin: 4px 0; } .notice.warning::before { content: "⚠ "; }
.empty { color: var(--muted); font-style: italic; }
`;
