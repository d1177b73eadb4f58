/** Reading articles: every format, and bad files skipped with a reason while good ones come through. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../../server/importer/read/index.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('actorgraph-read-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('reading articles', () => {
  it('reads front matter, plain text, Markdown, HTML and JSON', async () => {
    const dir = folderWith({
      'a.txt':
        '---\ntitle: Front Matter\nauthors: [Jane Roe, John Doe]\npublished: 2024-03-01\nurl: https://example.org/a\n---\nBody text here.\n',
      'b.txt': 'Plain Title Line\n\nBy Ana Lima March 2, 2024\n\nThe body.\n',
      'c.md': '# Markdown Title\n\nSome **bold** and a [link](https://x.org).\n',
      'd.html':
        '<html><head><title>Html Title</title><script>alert(1)</script><meta property="article:published_time" content="2024-03-04T10:00:00Z"></head><body><nav>Menu</nav><p>Visible &amp; kept.</p><style>p{}</style></body></html>',
      'e.json': JSON.stringify({
        title: 'Json Title',
        text: 'Json body.',
        published: '2024-03-05',
        authors: ['A. Writer'],
      }),
    });
    const { documents, skipped } = await readSources([dir]);
    expect(skipped).toEqual([]);
    const byName = new Map(documents.map((d) => [d.fileName, d]));
    expect(byName.get('a.txt')).toMatchObject({
      title: 'Front Matter',
      authors: ['Jane Roe', 'John Doe'],
      published: '2024-03-01',
      url: 'https://example.org/a',
      text: 'Body text here.\n',
    });
    expect(byName.get('b.txt')).toMatchObject({
      title: 'Plain Title Line',
      authors: ['Ana Lima'],
      published: '2024-03-02',
    });
    expect(byName.get('c.md')).toMatchObject({ title: 'Markdown Title', format: 'md' });
    expect(byName.get('c.md')!.text).toContain('Some bold and a link.');
    const html = byName.get('d.html')!;
    expect(html).toMatchObject({ title: 'Html Title', published: '2024-03-04' });
    expect(html.text).toContain('Visible & kept.');
    expect(html.text).not.toMatch(/alert|Menu|p\{\}/);
    expect(byName.get('e.json')).toMatchObject({
      title: 'Json Title',
      authors: ['A. Writer'],
      published: '2024-03-05',
    });
  });

  it('skips empty, binary, non-UTF-8, oversized and malformed files with the reason, and keeps the rest', async () => {
    const dir = folderWith({
      'good.txt': 'A Good Title\n\nText.\n',
      'empty.txt': '',
      'binary.txt': Buffer.from([0x50, 0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'big.txt': 'x'.repeat(3000),
      'header.txt': '---\ntitle: [unclosed\n---\nBody\n',
      'bad-date.md': '---\ntitle: T\npublished: yesterday\n---\nBody\n',
      'broken.json': '{"title": "T",\n "text": ',
      'no-text.json': JSON.stringify({ title: 'T', text: '  ' }),
    });
    const { documents, skipped } = await readSources([dir, join(dir, 'missing.txt')], { maxBytes: 2000 });
    expect(documents.map((d) => d.fileName)).toEqual(['good.txt']);
    const reason = (name: string) => skipped.find((s) => s.path.endsWith(name))?.reason;
    expect(reason('empty.txt')).toMatch(/empty/);
    expect(reason('binary.txt')).toMatch(/binary/);
    expect(reason('latin1.txt')).toMatch(/not valid UTF-8.*offset 3/);
    expect(reason('big.txt')).toMatch(/over the limit of 2000 bytes/);
    expect(reason('header.txt')).toMatch(/malformed front matter at line \d/);
    expect(reason('bad-date.md')).toMatch(/published must be a date/);
    expect(reason('broken.json')).toMatch(/malformed JSON/);
    expect(reason('no-text.json')).toMatch(/text is empty/);
    expect(reason('missing.txt')).toMatch(/no such file/);
  });
});
