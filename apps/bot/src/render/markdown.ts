import MarkdownIt, { type Token } from 'markdown-it';
import { escapeAttribute, escapeHtml } from './html';

// Lesson Markdown → Telegram HTML. Telegram has no paragraphs, headings or lists, and only these tags:
// b, i, s, u, a, code, pre, blockquote. So headings become bold lines, lists get "•" or "1." markers,
// Swift code goes into <pre><code class="language-swift">. Every piece of text is escaped; raw HTML in
// the Markdown is shown as text (html: false), and only http(s)/tg/mailto links become links.
// Nesting rules (Bot API "formatting options"): code and pre contain nothing; a link may not contain
// code; blockquotes do not nest and hold no pre.

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });
const SAFE_LINK = /^(https?:|tg:|mailto:)/i;
const LANGUAGE = /^[a-z0-9_+#-]{1,20}$/i;

interface BlockContext {
  inBlockquote: boolean;
  listDepth: number;
}

/** The whole lesson as one Telegram HTML string; blocks are separated by a blank line. */
export function markdownToTelegramHtml(markdown: string): string {
  return renderBlocks(parser.parse(markdown, {}), { inBlockquote: false, listDepth: 0 }).join('\n\n');
}

/** One line of Markdown (a quiz question, an explanation) → Telegram HTML without block markup. */
export function inlineMarkdownToTelegramHtml(markdown: string): string {
  const tokens = parser.parseInline(markdown, {});
  return renderInline(tokens[0]?.children ?? []);
}

/** Inline Markdown → plain text (button labels cannot be formatted). */
export function inlineMarkdownToText(markdown: string): string {
  const tokens = parser.parseInline(markdown, {});
  return plainText(tokens[0]?.children ?? []);
}

/** Index of the token that closes the one opened at `start`. */
function closing(tokens: Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function renderBlocks(tokens: Token[], context: BlockContext): string[] {
  const blocks: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
        blocks.push(`<b>${renderInline(tokens[i + 1]?.children ?? [])}</b>`);
        i = closing(tokens, i);
        break;
      case 'paragraph_open':
        blocks.push(renderInline(tokens[i + 1]?.children ?? []));
        i = closing(tokens, i);
        break;
      case 'fence':
      case 'code_block':
        blocks.push(codeBlock(token.content, token.type === 'fence' ? token.info : '', context));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = closing(tokens, i);
        blocks.push(renderList(tokens.slice(i, end + 1), context));
        i = end;
        break;
      }
      case 'blockquote_open': {
        const end = closing(tokens, i);
        const inner = renderBlocks(tokens.slice(i + 1, end), { ...context, inBlockquote: true }).join('\n');
        blocks.push(context.inBlockquote ? inner : `<blockquote>${inner}</blockquote>`);
        i = end;
        break;
      }
      case 'table_open': {
        const end = closing(tokens, i);
        blocks.push(renderTable(tokens.slice(i, end + 1), context));
        i = end;
        break;
      }
      case 'hr':
        blocks.push('———');
        break;
      case 'html_block':
        blocks.push(escapeHtml(token.content.trimEnd()));
        break;
      default:
        break; // closing tokens of blocks handled above
    }
  }
  return blocks.filter((block) => block.trim() !== '');
}

function codeBlock(content: string, info: string, context: BlockContext): string {
  const code = escapeHtml(content.replace(/\n$/, ''));
  if (context.inBlockquote) return code; // a blockquote cannot hold a pre block
  const language = info.trim().split(/\s+/)[0] ?? '';
  return LANGUAGE.test(language) ? `<pre><code class="language-${language.toLowerCase()}">${code}</code></pre>` : `<pre>${code}</pre>`;
}

function renderList(tokens: Token[], context: BlockContext): string {
  const ordered = tokens[0]!.type === 'ordered_list_open';
  let number = Number(tokens[0]!.attrGet('start') ?? 1);
  const indent = '    '.repeat(context.listDepth);
  const items: string[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue;
    const end = closing(tokens, i);
    const marker = ordered ? `${number++}. ` : '• ';
    const body = renderBlocks(tokens.slice(i + 1, end), { ...context, listDepth: context.listDepth + 1 });
    const [first = '', ...rest] = body;
    items.push([`${indent}${marker}${first}`, ...rest.map((block) => (block.startsWith(' ') ? block : `${indent}    ${block}`))].join('\n'));
    i = end;
  }
  return items.join('\n');
}

function renderTable(tokens: Token[], context: BlockContext): string {
  const rows: string[][] = [];
  for (const token of tokens) {
    if (token.type === 'tr_open') rows.push([]);
    if (token.type === 'inline') rows.at(-1)?.push(plainText(token.children ?? []));
  }
  const text = escapeHtml(rows.map((cells) => cells.join(' | ')).join('\n'));
  return context.inBlockquote ? text : `<pre>${text}</pre>`;
}

function renderInline(tokens: Token[]): string {
  let html = '';
  const links: boolean[] = [];
  for (const token of tokens) {
    const inLink = links.includes(true);
    switch (token.type) {
      case 'text':
        html += escapeHtml(token.content);
        break;
      case 'code_inline':
        html += inLink ? escapeHtml(token.content) : `<code>${escapeHtml(token.content)}</code>`;
        break;
      case 'strong_open':
        html += '<b>';
        break;
      case 'strong_close':
        html += '</b>';
        break;
      case 'em_open':
        html += '<i>';
        break;
      case 'em_close':
        html += '</i>';
        break;
      case 's_open':
        html += '<s>';
        break;
      case 's_close':
        html += '</s>';
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        const safe = SAFE_LINK.test(href) && !inLink;
        links.push(safe);
        if (safe) html += `<a href="${escapeAttribute(href)}">`;
        break;
      }
      case 'link_close':
        if (links.pop()) html += '</a>';
        break;
      case 'image':
        html += escapeHtml(plainText(token.children ?? []));
        break;
      case 'softbreak':
        html += ' ';
        break;
      case 'hardbreak':
        html += '\n';
        break;
      default:
        html += escapeHtml(token.content);
    }
  }
  return html;
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image') return plainText(token.children ?? []);
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      return token.content;
    })
    .join('');
}
