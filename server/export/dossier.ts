/**
 * An actor dossier, ready to paste into a report: roles, statements with dates and sources, and
 * relations with the sentences that support them. Markdown, or HTML with every text escaped.
 */
import type { NodeDetailsResponse, RelationView, SourceRef } from '../domain/api.js';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Markdown text: characters that would become markup are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]{}<>#|])/g, '\\$1').replace(/\n+/g, ' ');
}

function sourceLine(source: SourceRef): string {
  return `${source.documentTitle}${source.published ? `, ${source.published}` : ''}`;
}

function describeRelation(relation: RelationView): string {
  const p = relation.edge.properties;
  const detail = [p.title, p.role, p.status === 'former' ? 'former' : null, p.date].filter(
    (v) => typeof v === 'string' && v !== '',
  );
  const arrow = relation.direction === 'out' ? '→' : '←';
  return `${relation.edge.type} ${arrow} ${relation.other.caption}${detail.length > 0 ? ` (${detail.join(', ')})` : ''}`;
}

function split(details: NodeDetailsResponse): { roles: RelationView[]; others: RelationView[] } {
  const isRole = (r: RelationView) =>
    r.direction === 'out' && ['HOLDS_ROLE', 'AFFILIATED_WITH', 'LEADS', 'MEMBER_OF'].includes(r.edge.type);
  return {
    roles: details.relations.filter(isRole),
    others: details.relations.filter((r) => !isRole(r) && r.edge.type !== 'WROTE'),
  };
}

export function dossierMarkdown(details: NodeDetailsResponse): string {
  const { roles, others } = split(details);
  const node = details.node;
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases : [];
  const lines = [
    `# ${escapeMarkdown(node.caption)}`,
    '',
    `*${node.label}${node.properties.kind ? `, ${String(node.properties.kind)}` : ''}*${aliases.length > 0 ? ` — also written ${aliases.map(escapeMarkdown).join(', ')}` : ''}`,
    '',
  ];
  lines.push(
    '## Roles',
    '',
    ...(roles.length > 0
      ? roles.map(
          (r) =>
            `- ${escapeMarkdown(describeRelation(r))}${r.evidence[0] ? ` — “${escapeMarkdown(r.evidence[0].sentence)}” (${escapeMarkdown(sourceLine(r.evidence[0]))})` : ''}`,
        )
      : ['- none found']),
    '',
  );
  lines.push('## Statements', '');
  if (details.statements.length === 0) lines.push('- none found');
  for (const statement of details.statements) {
    const date = statement.date
      ? `${statement.date}${statement.dateSource === 'published' ? ' (article date)' : ''}`
      : 'undated';
    lines.push(`- **${date}** (${statement.kind}): “${escapeMarkdown(statement.text)}”`);
    for (const source of statement.sources)
      lines.push(`  - ${escapeMarkdown(sourceLine(source))}: “${escapeMarkdown(source.sentence)}”`);
  }
  lines.push('', '## Relations', '', ...(others.length > 0 ? [] : ['- none found']));
  for (const relation of others) {
    lines.push(`- ${escapeMarkdown(describeRelation(relation))}`);
    for (const evidence of relation.evidence.slice(0, 3))
      lines.push(`  - ${escapeMarkdown(sourceLine(evidence))}: “${escapeMarkdown(evidence.sentence)}”`);
  }
  return `${lines.join('\n')}\n`;
}

export function dossierHtml(details: NodeDetailsResponse): string {
  const { roles, others } = split(details);
  const node = details.node;
  const e = escapeHtml;
  const quote = (source: SourceRef) =>
    `<blockquote>${e(source.sentence)}<footer>${e(sourceLine(source))}</footer></blockquote>`;
  const statements = details.statements
    .map(
      (s) =>
        `<li><strong>${e(s.date ?? 'undated')}</strong> (${e(s.kind)}): <q>${e(s.text)}</q>${s.sources.map(quote).join('')}</li>`,
    )
    .join('\n');
  const relationItems = (list: RelationView[]) =>
    list.map((r) => `<li>${e(describeRelation(r))}${r.evidence.slice(0, 3).map(quote).join('')}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(node.caption)} — actorgraph dossier</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}blockquote{margin:.3rem 0 .6rem;padding:.3rem .7rem;border-left:3px solid #009e73;background:#f4f4f2}footer{font-size:.85rem;color:#55575c}</style>
</head><body>
<h1>${e(node.caption)}</h1>
<p><em>${e(node.label)}${node.properties.kind ? `, ${e(String(node.properties.kind))}` : ''}</em></p>
<h2>Roles</h2><ul>${roles.length > 0 ? relationItems(roles) : '<li>none found</li>'}</ul>
<h2>Statements</h2><ul>${statements || '<li>none found</li>'}</ul>
<h2>Relations</h2><ul>${others.length > 0 ? relationItems(others) : '<li>none found</li>'}</ul>
</body></html>
`;
}
