import { describe, expect, it } from 'vitest';
import { coursesDir } from '@academy/content';
import { LOCALES, readCurriculum } from '@academy/core';
import { inlineMarkdownToTelegramHtml, inlineMarkdownToText, markdownToTelegramHtml } from './markdown';
import { splitTelegramHtml } from './split';

/** Tags must nest properly and be ones Telegram knows: a stand-in for Telegram's own parser. */
function assertValidTelegramHtml(html: string): void {
  const allowed = new Set(['b', 'i', 's', 'u', 'a', 'code', 'pre', 'blockquote']);
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    const [, slash, name] = match;
    expect(allowed.has(name!), `unknown tag <${name}> in ${html}`).toBe(true);
    if (slash) expect(stack.pop(), `unbalanced </${name}> in ${html}`).toBe(name);
    else stack.push(name!);
  }
  expect(stack, `unclosed tags in ${html}`).toEqual([]);
  // no raw < or > or stray & outside tags/entities
  const text = html.replace(/<[^>]*>/g, '');
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot);)/);
}

describe('markdownToTelegramHtml', () => {
  it('turns headings, emphasis, inline code and lists into Telegram tags', () => {
    const html = markdownToTelegramHtml(
      ['## Optionals', '', 'A **bold** and *italic* `let x` word.', '', '- one', '- two `var`', '', '1. first', '2. second'].join('\n'),
    );
    expect(html).toBe(
      ['<b>Optionals</b>', 'A <b>bold</b> and <i>italic</i> <code>let x</code> word.', '• one\n• two <code>var</code>', '1. first\n2. second'].join('\n\n'),
    );
  });

  it('puts Swift code in <pre><code class="language-swift"> and escapes it', () => {
    const html = markdownToTelegramHtml('```swift\nif a < b && b > c { print("<hi>") }\n```');
    expect(html).toBe('<pre><code class="language-swift">if a &lt; b &amp;&amp; b &gt; c { print("&lt;hi&gt;") }</code></pre>');
  });

  it('shows raw HTML as text and drops unsafe links', () => {
    const html = markdownToTelegramHtml('<script>alert(1)</script> [ok](https://swift.org) [bad](javascript:alert(1)) [ftp](ftp://example.com) & done');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://swift.org">ok</a>');
    expect(html).not.toMatch(/<a href="(javascript|ftp)/);
    expect(html).toContain(' ftp ');
    expect(html).toContain('&amp; done');
    assertValidTelegramHtml(html);
  });

  it('keeps code out of links and pre out of blockquotes (Telegram forbids both)', () => {
    expect(markdownToTelegramHtml('[`URLSession`](https://developer.apple.com)')).toBe('<a href="https://developer.apple.com">URLSession</a>');
    const quote = markdownToTelegramHtml('> Note:\n>\n> ```swift\n> let a = 1\n> ```');
    expect(quote).toBe('<blockquote>Note:\nlet a = 1</blockquote>');
  });

  it('renders inline Markdown for questions and plain text for buttons', () => {
    expect(inlineMarkdownToTelegramHtml('Which keyword, `let` or **var**?')).toBe('Which keyword, <code>let</code> or <b>var</b>?');
    expect(inlineMarkdownToText('`let` & <b>')).toBe('let & <b>');
  });

  it('renders every lesson of the real curriculum into valid Telegram HTML', () => {
    const lessons = readCurriculum(coursesDir).flatMap((course) => course.lessons);
    expect(lessons.length).toBeGreaterThan(10);
    for (const lesson of lessons) {
      for (const locale of LOCALES) {
        const html = markdownToTelegramHtml(lesson.body[locale]);
        expect(html).toContain('<pre><code class="language-swift">');
        assertValidTelegramHtml(html);
        for (const chunk of splitTelegramHtml(html)) assertValidTelegramHtml(chunk);
      }
    }
  });
});

describe('splitTelegramHtml', () => {
  it('leaves a short message alone', () => {
    expect(splitTelegramHtml('<b>Hi</b>\n\nthere')).toEqual(['<b>Hi</b>\n\nthere']);
  });

  it('cuts between blocks, never inside a code block that fits in the next message', () => {
    const paragraph = 'word '.repeat(150).trim(); // 749 characters
    const code = `<pre><code class="language-swift">${'let value = 1\n'.repeat(40).trim()}</code></pre>`;
    const html = [paragraph, paragraph, code, paragraph].join('\n\n');
    const chunks = splitTelegramHtml(html, 1_700);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1_700);
      assertValidTelegramHtml(chunk);
    }
    expect(chunks.filter((chunk) => chunk.includes('<pre>'))).toHaveLength(1);
    expect(chunks.some((chunk) => chunk.includes(code))).toBe(true);
    expect(chunks.join('\n\n').replace(/\s+/g, ' ')).toBe(html.replace(/\s+/g, ' '));
  });

  it('splits a code block longer than a message at line ends and reopens it as Swift', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `let value${i} = ${i} // a &lt; b`);
    const html = `<pre><code class="language-swift">${lines.join('\n')}</code></pre>`;
    const chunks = splitTelegramHtml(html);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4096);
      expect(chunk.startsWith('<pre><code class="language-swift">')).toBe(true);
      expect(chunk.endsWith('</code></pre>')).toBe(true);
      assertValidTelegramHtml(chunk);
    }
    const text = chunks.map((chunk) => chunk.replace(/<[^>]*>/g, '')).join('\n');
    expect(text.split('\n').filter(Boolean)).toEqual(lines);
  });

  it('closes and reopens formatting cut mid-sentence', () => {
    const html = `<b>${'bold '.repeat(100).trim()}</b>`;
    const chunks = splitTelegramHtml(html, 120);
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(120);
      expect(chunk).toMatch(/^<b>.*<\/b>$/s);
    }
  });

  it('cuts a word longer than a message without breaking an entity or a surrogate pair', () => {
    const word = `${'a'.repeat(95)}&amp;${'😀'.repeat(20)}`;
    const chunks = splitTelegramHtml(`<code>${word}</code>`, 110);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(110);
      assertValidTelegramHtml(chunk);
      expect(chunk).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(chunks.map((chunk) => chunk.replace(/<[^>]*>/g, '')).join('')).toBe(word);
  });
});
