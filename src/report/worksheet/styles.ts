/** Worksheet stylesheet: A4-friendly, large readable text, writing lines, the answer key on its own page. */
export const WORKSHEET_STYLES = `
:root{--ink:#1f2328;--muted:#555d66;--line:#c9ced4;--serif:"Iowan Old Style","Palatino Linotype",Palatino,Georgia,"Times New Roman",serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.5rem 2rem 3rem;color:var(--ink);font:16px/1.55 var(--sans);background:#fff}
h1{font:600 1.8rem/1.2 var(--serif);margin:.25rem 0}
h2{font:600 1.25rem/1.3 var(--sans);margin:1.5rem 0 .5rem}
.intro{max-width:46rem}
.name{margin:1rem 0 1.5rem;color:var(--muted)}
.cols{display:grid;grid-template-columns:repeat(var(--n,2),minmax(0,1fr));gap:2rem}
.col h2{margin-top:0;border-bottom:2px solid var(--ink);padding-bottom:.25rem}
.title{font:600 1.1rem/1.35 var(--serif);margin:.25rem 0}
.date{color:var(--muted);margin:0 0 .75rem;font-size:.9rem}
.text p{font:1rem/1.6 var(--serif);margin:0 0 .7rem;white-space:pre-wrap;overflow-wrap:break-word}
.pn{display:inline-block;min-width:1.6rem;font:600 .75rem/1 var(--sans);color:var(--muted)}
.pn::before{content:"¶"}
.questions ol{padding-left:1.5rem}
.qn{margin:0 0 1.25rem;break-inside:avoid}
.qn p{margin:.2rem 0 .4rem;max-width:48rem}
.lines{height:4.8rem;background:repeating-linear-gradient(to bottom,transparent 0,transparent 1.55rem,var(--line) 1.55rem,var(--line) 1.6rem)}
.key{break-before:page;page-break-before:always;margin-top:3rem;border-top:3px double var(--ink);padding-top:1rem}
.key li{margin:0 0 1rem;break-inside:avoid}
.ask{font-weight:600;margin:.2rem 0}
.note{color:var(--muted);font-size:.9rem}
.empty{color:var(--muted);font-style:italic}
@media print{body{padding:0;max-width:none;font-size:11pt}.key{margin-top:0;border-top:0}.cols{gap:1.2rem}}
`;
