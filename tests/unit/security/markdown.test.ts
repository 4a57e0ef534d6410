/**
 * Markdown bodies through the same pipeline Astro runs (`@astrojs/markdown-remark` with the
 * plugins of astro.config.mjs): every hostile construct is removed or made inert, the author is
 * told what and where, and ordinary content (links, right-to-left marks, tables) is kept.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import { describe, expect, it } from 'vitest';
import { rehypeCloseRawText, rehypeSafeMarkdown } from '../../../src/lib/security/markdown.ts';
import { tags } from '../../e2e/lib/html-audit.ts';

async function render(markdown: string): Promise<{ html: string; warnings: string[] }> {
  const warnings: string[] = [];
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    rehypePlugins: [
      rehypeCloseRawText,
      rehypeRaw,
      [
        rehypeSafeMarkdown,
        {
          warn: (m: string) => warnings.push(m),
          where: (_path: string | undefined, line: number | undefined) => `content/news/en/x.md:${String(line)}`,
        },
      ],
    ],
  });
  const { code } = await processor.render(markdown, { fileURL: new URL('file:///site/content/news/en/x.md') });
  return { html: code, warnings };
}

const HOSTILE = `# Title

<script>window.__xss = 1; alert(1)</script>

<iframe srcdoc="<script>alert(2)</script>"></iframe>

<object data="https://evil.example/x.swf"></object> <embed src="https://evil.example/x.swf">

<form action="javascript:alert(3)"><input name="q" autofocus onfocus="alert(4)"><button formaction="javascript:alert(5)">Go</button></form>

<meta http-equiv="refresh" content="0;url=https://evil.example">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body { background: url(https://evil.example/track.png) }</style>
<base href="https://evil.example/">

<img src=x onerror="alert(6)"> <svg onload="alert(7)"><circle r="1"/></svg>

<div onclick="alert(8)" style="background:url(https://evil.example/t.png)">Click text stays</div>

<details open ontoggle="alert(9)"><summary>More</summary>Inside</details>

[js link](javascript:alert(10)) [data link](data:text/html,<script>alert(11)</script>) <a href=" jAvAsCrIpT:alert(12)">raw js</a> <a href="//evil.example">other host</a>

![tracker](https://evil.example/pixel.png) ![proto](//evil.example/p.png) ![slash](/\\evil.example/p.png) ![ok](/images/ok.png)

[fine](https://example.org/page) [mail](mailto:lip@example.org) [phone](tel:+14165550100) [here](/en/data/) [anchor](#title)

Postal code <bdi dir="ltr">M5V 3L9</bdi>.

<iframe src="https://evil.example/frame">

## After the unclosed iframe

Text after it is still here.
`;

describe('Markdown bodies are sanitised', () => {
  it('removes every element, attribute and address that could run or load something', async () => {
    const { html } = await render(HOSTILE);
    expect(html).not.toMatch(/<(script|iframe|object|embed|form|input|button|meta|link|style|base|svg)\b/i);
    expect(html).not.toMatch(/\son[a-z]+=|\sstyle=|srcdoc|formaction/i);
    expect(html).not.toMatch(/javascript:|data:text|evil\.example\/(?:x\.css|track|t\.png|frame|x\.swf)/i);
    // Every image left is on the site; images from elsewhere became links.
    const images = tags(html, ['img']).map((t) => t.attrs.get('src'));
    expect(images).toEqual(['/images/ok.png']);
    const links = tags(html, ['a']).map((t) => t.attrs.get('href'));
    expect(links).toContain('https://evil.example/pixel.png');
    expect(links.filter((h) => h !== undefined && /^(?:\/\/|\/\\)/.test(h))).toEqual([]);
  });

  it('keeps ordinary content: text, links (external ones with rel), right-to-left marks, what follows an unclosed iframe', async () => {
    const { html } = await render(HOSTILE);
    expect(html).toContain('Click text stays');
    expect(html).toContain('<a href="https://example.org/page" rel="noopener noreferrer">fine</a>');
    expect(html).toContain('<a href="mailto:lip@example.org">mail</a>');
    expect(html).toContain('<a href="tel:+14165550100">phone</a>');
    expect(html).toContain('<a href="/en/data/">here</a>');
    expect(html).toContain('<bdi dir="ltr">M5V 3L9</bdi>');
    expect(html).toMatch(/<h2[^>]*>After the unclosed iframe<\/h2>/);
    expect(html).toContain('Text after it is still here.');
    expect(html).toContain('<summary>More</summary>');
    // A refused link target leaves plain text, not an <a> that looks like a link.
    expect(html).toContain('<p>js link data link raw js other host</p>');
  });

  it('tells the author each removed construct with file and line', async () => {
    const { warnings } = await render(HOSTILE);
    const has = (pattern: RegExp) =>
      expect(
        warnings.some((w) => pattern.test(w)),
        `${String(pattern)} in\n${warnings.join('\n')}`,
      ).toBe(true);
    for (const w of warnings) expect(w).toMatch(/^content\/news\/en\/x\.md:\d+: /);
    has(/:3: <script> removed with its content/);
    has(/:5: <iframe> removed with its content/);
    has(/<object> removed/);
    has(/<embed> removed/);
    has(/<form> removed/);
    has(/<meta> removed/);
    has(/<link> removed/);
    has(/<style> removed/);
    has(/:16: image "x" removed: must be a path on this site/);
    has(/<meta> removed/);
    has(/attribute <div onclick> removed/);
    has(/attribute <div style> removed/);
    has(/attribute <details ontoggle> removed/);
    has(/href "javascript:alert\(10\)" on <a> removed/);
    has(/href "\/\/evil\.example" on <a> removed/);
    has(/image from another site "https:\/\/evil\.example\/pixel\.png" shown as a link/);
    has(/:\d+: <iframe> removed/);
  });

  it('says nothing about clean content', async () => {
    const { html, warnings } = await render(
      'Hello **world**, see [the data](/en/data/) and <bdi dir="ltr">M5V</bdi>.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n',
    );
    expect(warnings).toEqual([]);
    expect(html).toContain('<strong>world</strong>');
    expect(html).toContain('<td align="right">2</td>');
  });
});
