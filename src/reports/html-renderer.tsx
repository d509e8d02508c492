// The report as HTML: `ReportArticle` previews it inside the app (the app's stylesheet styles it),
// and `renderHtml` writes a standalone file with its own small stylesheet for sharing or printing.
// Charts are the same server-drawn SVG as on the results pages, named by title and summary.
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../i18n/format.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import { headingsOf, type Inline, type ReportBlock, type ReportDocument, type ReportLogo } from './report-model.ts';
import { fitLogo, logoMediaType } from './logo-image.ts';

/** `links`: draw links to the study's other report files (only in a standalone file, where they sit side by side). */
function Text({ content, links = false }: { content: readonly Inline[]; links?: boolean }) {
  return (
    <>
      {content.map((part) => {
        if (typeof part === 'string') return part;
        const text = part.strong ? <strong>{part.text}</strong> : part.text;
        return part.link && links ? <a href={`${part.link.file}.html#r-${part.link.anchor}`}>{text}</a> : text;
      })}
    </>
  );
}

function Heading({ block, offset }: { block: Extract<ReportBlock, { kind: 'heading' }>; offset: number }) {
  // In the app the page's own h1 is the report title, so the report's levels move down by one.
  const level = Math.min(6, block.level + offset);
  const Tag = `h${level}` as 'h2';
  return <Tag id={`r-${block.id}`}>{block.text}</Tag>;
}

function Table({ block }: { block: Extract<ReportBlock, { kind: 'table' }> }) {
  const align = (index: number) => (block.align?.[index] === 'right' ? 'numeric' : undefined);
  return (
    <div class="table-scroll report-table" tabIndex={0} role="region" aria-label={block.caption}>
      <table class="table">
        <caption>{block.caption}</caption>
        <thead>
          <tr>
            {block.columns.map((column, index) => (
              <th scope="col" class={align(index)}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row) => (
            <tr>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th scope="row">{cell}</th>
                ) : (
                  <td class={align(index)}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figure({ block, locale }: { block: Extract<ReportBlock, { kind: 'figure' }>; locale: Locale }) {
  const { chart } = block;
  const captionId = `r-${chart.id}-caption`;
  const summaryId = `r-${chart.id}-summary`;
  return (
    <figure class="chart report-figure" aria-labelledby={captionId}>
      <div
        class="chart-canvas"
        role="img"
        aria-labelledby={`${captionId} ${summaryId}`}
        style={`max-width:${chart.width}px`}
        dangerouslySetInnerHTML={{ __html: renderChartSvg(chart, locale) }}
      />
      <figcaption>
        <span class="chart-title" id={captionId}>
          {block.caption}
        </span>
        <span class="chart-summary" id={summaryId}>
          {chart.summary}
        </span>
      </figcaption>
    </figure>
  );
}

function Contents({ document, title, offset }: { document: ReportDocument; title: string; offset: number }) {
  const Tag = `h${Math.min(6, 1 + offset)}` as 'h2';
  return (
    <nav class="report-contents" aria-labelledby="r-contents">
      <Tag id="r-contents">{title}</Tag>
      <ol>
        {headingsOf(document).map((heading) => (
          <li class={`level-${heading.level}`}>
            <a href={`#r-${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Block({ block, document, offset, links }: { block: ReportBlock; document: ReportDocument; offset: number; links: boolean }) {
  switch (block.kind) {
    case 'heading':
      return <Heading block={block} offset={offset} />;
    case 'paragraph':
      return (
        <p>
          <Text content={block.content} links={links} />
        </p>
      );
    case 'bullets':
      return (
        <ul>
          {block.items.map((item) => (
            <li>
              <Text content={item} links={links} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <Table block={block} />;
    case 'figure':
      return <Figure block={block} locale={document.locale} />;
    case 'callout':
      return (
        <div class={`report-callout ${block.tone}`} role="note">
          <p>
            <strong>{block.title}</strong>
          </p>
          <p>
            <Text content={block.content} links={links} />
          </p>
        </div>
      );
    case 'toc':
      return <Contents document={document} title={block.title} offset={offset} />;
    case 'pageBreak':
      return <hr class="report-page-break" aria-hidden="true" />;
  }
}

/** The study's logo as a data: URL, so a saved HTML file shows it without the server. */
function CoverLogo({ logo }: { logo: ReportLogo }) {
  const size = fitLogo(logo, 240, 120);
  return <img class="report-logo" src={`data:${logoMediaType(logo.type)};base64,${Buffer.from(logo.data).toString('base64')}`} alt={logo.alt} width={size.width} height={size.height} />;
}

/**
 * Title block, document control and the report's blocks. `headingOffset` 1 when the page already has the h1.
 * `fileLinks` when the article is a file beside the study's other reports (the in-app preview names them only).
 */
export function ReportArticle({ document, headingOffset = 1, fileLinks = false }: { document: ReportDocument; headingOffset?: number; fileLinks?: boolean }) {
  const { labels } = document;
  const ControlHeading = `h${Math.min(6, 1 + headingOffset)}` as 'h2';
  return (
    <article class="report" lang={document.locale}>
      <header class="report-cover">
        {document.logo ? <CoverLogo logo={document.logo} /> : null}
        {headingOffset === 0 ? <h1>{document.title}</h1> : null}
        <p class="report-subtitle">{document.subtitle}</p>
        <dl class="summary-list">
          <div>
            <dt>{labels.author}</dt>
            <dd>{document.author}</dd>
          </div>
          <div>
            <dt>{labels.date}</dt>
            <dd>{document.date}</dd>
          </div>
          <div>
            <dt>{labels.version}</dt>
            <dd>{document.version}</dd>
          </div>
          <div>
            <dt>{labels.classification}</dt>
            <dd>{document.classification.label}</dd>
          </div>
        </dl>
      </header>
      <section class="report-control" aria-labelledby="r-document-control">
        <ControlHeading id="r-document-control">{labels.documentControl}</ControlHeading>
        {document.history.length === 0 ? (
          <p>{labels.noHistory}</p>
        ) : (
          <Table block={{ kind: 'table', caption: labels.history, columns: [...labels.historyColumns], rows: document.history.map((entry) => [entry.date, entry.version, entry.by, entry.reason]) }} />
        )}
        <p>
          <strong>{document.classification.label}.</strong> {document.classification.meaning}
        </p>
      </section>
      {document.blocks.map((block) => (
        <Block block={block} document={document} offset={headingOffset} links={fileLinks} />
      ))}
    </article>
  );
}

const STANDALONE_CSS = `
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2.5rem}h3{font-size:1.2rem}h4{font-size:1.05rem}
a{color:#1d4f91}a:focus{outline:3px solid #ffbf47;outline-offset:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#f3f2f1}
.numeric{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1.5rem 0}.chart-canvas svg{max-width:100%;height:auto}figcaption{font-size:.95rem}.chart-title{display:block;font-weight:bold}
.report-callout{border-left:6px solid #1d70b8;background:#f3f2f1;padding:.5rem 1rem;margin:1rem 0}.report-callout.warning{border-left:10px double #d4351c}
.report-page-break{border:0;border-top:1px dashed #b1b4b6;margin:2rem 0}
dl div{display:flex;gap:1rem}dt{font-weight:bold;min-width:12rem}dd{margin:0}
.report-contents ol{list-style:none;padding-left:0}.report-contents .level-2{padding-left:1.5rem}.report-contents .level-3{padding-left:3rem}
@media print{.report-page-break{page-break-after:always;border:0}a{color:inherit}}
`;

/** A standalone HTML file (UTF-8), readable offline and printable. */
export function renderHtml(document: ReportDocument): Buffer {
  const body = renderToString(<ReportArticle document={document} headingOffset={0} fileLinks />);
  const html = `<!doctype html>
<html lang="${document.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${document.title} – ${document.subtitle}`)}</title>
<meta name="author" content="${escapeHtml(document.author)}">
<style>${STANDALONE_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
