/**
 * The page's one stylesheet. Calm and legible: system serif for article text,
 * system sans for the interface, a restrained palette. Highlight colours are
 * light tints of the Okabe–Ito palette (Okabe & Ito 2008, colour-blind safe);
 * every tint carries dark text (contrast > 10:1), and shared passages also
 * carry a number, so colour is never the only cue.
 */

/** Passage tints (background) and their strong edge colours, in assignment order. */
export const PASSAGE_COLOURS: ReadonlyArray<readonly [string, string]> = [
  ['#d3e5f5', '#0072b2'],
  ['#fadcc4', '#d55e00'],
  ['#cdeee3', '#009e73'],
  ['#f3d9ea', '#cc79a7'],
  ['#fbecc0', '#b07d00'],
  ['#d8eefa', '#3a8fc4'],
];

/** Series colours for charts (Okabe–Ito, dark enough for white text labels beside them). */
export const SERIES_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#3a8fc4', '#555555'] as const;

const passageRules = PASSAGE_COLOURS.map(
  ([bg, edge], i) => `.psg.c${i}{background:${bg};box-shadow:inset 0 -2px 0 ${edge}}.psg.c${i}[data-n]::before{background:${edge}}.chip.c${i}{background:${bg};border-color:${edge}}`,
).join('\n');

export const STYLES = `
:root{--ink:#1f2328;--muted:#555d66;--line:#d8dde3;--soft:#f5f6f8;--accent:#0b5cad;--warn:#a3360b;--hedge:#5b4a9e;--serif:"Iowan Old Style","Palatino Linotype",Palatino,"Book Antiqua",Georgia,"Times New Roman",serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
*{box-sizing:border-box}
html{scroll-padding-top:1rem}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.55 var(--sans)}
a{color:var(--accent)}
a:focus-visible,[tabindex]:focus-visible,summary:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
.wrap{display:grid;grid-template-columns:16rem minmax(0,1fr);max-width:112rem;margin:0 auto}
nav.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:1.5rem 1rem 2rem 1.5rem;font-size:.875rem;border-right:1px solid var(--line)}
nav.toc h2{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1.25rem 0 .4rem}
nav.toc ol,nav.toc ul{list-style:none;margin:0;padding:0}
nav.toc li{margin:.15rem 0}
nav.toc a{text-decoration:none;display:block;padding:.1rem .3rem;border-radius:3px}
nav.toc a:hover{background:var(--soft)}
nav.toc .n{color:var(--muted);font-variant-numeric:tabular-nums}
main{padding:1.5rem 2.5rem 4rem;min-width:0}
header.top h1{font:600 1.9rem/1.2 var(--serif);margin:.5rem 0 .25rem}
header.top p{margin:.25rem 0;color:var(--muted)}
h2{font:600 1.5rem/1.25 var(--serif);margin:2.75rem 0 .75rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3{font:600 1.15rem/1.3 var(--sans);margin:1.75rem 0 .5rem}
h4{font:600 1rem/1.3 var(--sans);margin:1.25rem 0 .4rem}
p{max-width:48rem}
.muted,.note{color:var(--muted)}
.note{font-size:.9rem}
.empty{color:var(--muted);font-style:italic}
.stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.stats li{background:var(--soft);border-radius:6px;padding:.55rem .9rem;min-width:8rem}
.stats b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{font-weight:600;background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow:auto;max-width:100%}
.matrix{max-height:32rem}
.matrix th{position:sticky;top:0;z-index:1}
.matrix td.cov{text-align:center;font-weight:600;color:#fff;background:#0072b2}
.matrix td.sil{text-align:center;color:var(--warn);background:#fdf1ea}
.matrix td.abs{text-align:center;color:#b4bac1}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;font-size:.85rem;color:var(--muted);margin:.5rem 0}
.legend .sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.12rem;margin-right:.3rem;border-radius:2px}
details{margin:.5rem 0}
summary{cursor:pointer}
details.event{border:1px solid var(--line);border-radius:8px;margin:1rem 0;content-visibility:auto;contain-intrinsic-size:auto 4rem}
details.event>summary{padding:.8rem 1rem;font-weight:600;list-style-position:inside}
details.event>summary .meta{font-weight:400;color:var(--muted);margin-left:.4rem}
details.event[open]>summary{border-bottom:1px solid var(--line);background:var(--soft);border-radius:8px 8px 0 0}
.event-body{padding:.5rem 1.25rem 1.25rem}
.ties{font-size:.9rem;color:var(--muted)}
.tie{display:inline-block;background:var(--soft);border-radius:3px;padding:0 .35rem;margin:.1rem .15rem .1rem 0;color:var(--ink)}
.diff{background:#f7f9fb;border-left:4px solid #0072b2;padding:.6rem 1.25rem .8rem;margin:1rem 0;border-radius:0 6px 6px 0}
.diff h3{margin-top:.5rem}
.diff ol{margin:.25rem 0;padding-left:1.25rem;max-width:52rem}
.diff li{margin:.5rem 0}
.topic{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#0b4f8a;background:#e3eef8;border-radius:3px;padding:.05rem .4rem;margin-right:.3rem;vertical-align:.1em}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,21rem),1fr));gap:1.5rem 2rem}
details.pair{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;margin:.4rem 0}
details.pair ol{margin:.5rem 0}
.col{min-width:0}
.card{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin-bottom:.75rem;background:#fff}
.card .outlet{font:600 1.15rem/1.25 var(--sans);margin:0}
.card .reg{font-size:.85rem;color:var(--muted);margin:.15rem 0 .5rem}
.card .title{font:600 1.1rem/1.35 var(--serif);margin:.35rem 0}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .6rem;font-size:.8rem;margin:.4rem 0 0;color:var(--muted)}
.card dt{font-weight:600}
.card dd{margin:0;overflow-wrap:anywhere}
.prov{display:inline-block;font-size:.72rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;margin-left:.3rem;color:var(--muted)}
.text{font:1.02rem/1.7 var(--serif);white-space:pre-wrap;overflow-wrap:break-word;hyphens:auto}
.text.clip{max-height:48rem;overflow:auto;border-bottom:1px solid var(--line);padding-right:.5rem}
.psg{border-radius:2px;cursor:pointer}
.psg[data-n]::before{content:attr(data-n);font:600 .65rem/1 var(--sans);color:#fff;border-radius:3px;padding:.1rem .25rem;margin-right:.2rem;vertical-align:.25em}
mark{background:none;color:inherit}
mark.ld{text-decoration:underline wavy var(--warn) 1.5px;text-underline-offset:.22em;font-weight:600}
mark.hg{text-decoration:underline dashed var(--hedge) 1.5px;text-underline-offset:.22em}
mark.ld.hg{text-decoration:underline wavy var(--warn) 1.5px}
.q{color:#1b4d7a}
.lit{background:#ffe066!important;box-shadow:inset 0 -3px 0 #1f2328!important}
.hov{box-shadow:inset 0 -3px 0 #1f2328!important}
.anc{scroll-margin-top:2rem}
body.no-psg .psg{background:none!important;box-shadow:none!important}
body.no-psg .psg[data-n]::before{display:none}
body.no-ld mark.ld{text-decoration:none;font-weight:inherit}
body.no-hg mark.hg{text-decoration:none}
body.no-q .q{color:inherit}
.toggles{display:flex;flex-wrap:wrap;gap:.3rem 1.25rem;font-size:.85rem;margin:.75rem 0;padding:.5rem .75rem;background:var(--soft);border-radius:6px}
.toggles label{cursor:pointer}
.key-ld{text-decoration:underline wavy var(--warn) 1.5px;font-weight:600}
.key-hg{text-decoration:underline dashed var(--hedge) 1.5px}
.key-q{color:#1b4d7a}
.chip{display:inline-block;border:1px solid;border-radius:3px;padding:0 .3rem;font-size:.8rem}
${passageRules}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 2rem}
.removed li{margin:.35rem 0;font-size:.85rem}
.removed .why{font-weight:600}
.removed .txt{color:var(--muted);white-space:pre-wrap;overflow-wrap:anywhere}
.chart{max-width:100%;height:auto;font-family:var(--sans)}
.chart text{fill:#1f2328;font-size:12px}
.chart .axis{stroke:#8c959f;stroke-width:1}
.chart .grid{stroke:#e6e9ed;stroke-width:1}
.quote-list td:first-child{white-space:nowrap}
.verb-eval{color:var(--warn);font-weight:600}
.speaker{font-weight:600}
.pill{display:inline-block;border-radius:999px;background:var(--soft);padding:0 .5rem;font-size:.8rem;margin:.1rem .2rem .1rem 0}
.skips td:nth-child(3){font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem}
.method dt{font-weight:600;margin-top:.5rem}
.method dd{margin:0 0 .25rem 0;max-width:52rem}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media (max-width:60rem){.wrap{display:block}nav.toc{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}main{padding:1rem}}
@media print{
 nav.toc,.toggles,.skip,.noprint{display:none!important}
 .wrap{display:block}
 main{padding:0}
 body{font-size:10.5pt}
 a{color:inherit;text-decoration:none}
 details.event{border:0;content-visibility:visible}
 details.event>summary{background:none!important;font-size:1.2rem}
 .text.clip{max-height:none;overflow:visible}
 h2{break-after:avoid}
 .card,.diff,table,svg{break-inside:avoid}
 .lit,.hov{outline:0}
}
`;
