import { TELEGRAM_MESSAGE_LIMIT } from './html';

// Splits Telegram HTML into messages of at most `limit` characters. Every message is valid on its own:
// tags open at a cut are closed at its end and reopened (with their attributes, so a Swift block stays
// Swift) at the start of the next. Where to cut, best first: a blank line between blocks, a line end
// outside code, a line end inside code, a space. A code block is cut only when it cannot fit whole.

interface Tag {
  name: string;
  raw: string;
}

type Piece = { kind: 'open'; tag: Tag } | { kind: 'close'; name: string; raw: string } | { kind: 'text'; raw: string };

interface Candidate {
  pieceIndex: number;
  partCount: number;
  length: number;
  stack: Tag[];
  level: number;
}

function tokenize(html: string): Piece[] {
  const pieces: Piece[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*>|[^<]+/gi)) {
    const raw = match[0];
    if (match[2] === undefined) {
      // words with their trailing whitespace: the places a message may end
      for (const word of raw.matchAll(/\S+\s*|\s+/g)) pieces.push({ kind: 'text', raw: word[0] });
    } else if (match[1] === '/') {
      pieces.push({ kind: 'close', name: match[2].toLowerCase(), raw });
    } else {
      pieces.push({ kind: 'open', tag: { name: match[2].toLowerCase(), raw } });
    }
  }
  return pieces;
}

const closingTags = (stack: readonly Tag[]) => stack.map((tag) => `</${tag.name}>`).reverse().join('');
const openingTags = (stack: readonly Tag[]) => stack.map((tag) => tag.raw).join('');

function breakLevel(text: string, stack: readonly Tag[]): number {
  const trailing = /\s*$/.exec(text)![0];
  if (trailing === '') return 0;
  const inCode = stack.some((tag) => tag.name === 'pre');
  if (trailing.includes('\n\n') && stack.length === 0) return 4;
  if (trailing.includes('\n')) return inCode ? 2 : 3;
  return 1;
}

/** The best place to cut: the highest level whose latest candidate keeps a quarter of the message. */
function bestCandidate(candidates: readonly Candidate[], limit: number): Candidate | undefined {
  for (let level = 4; level >= 1; level--) {
    const found = candidates.findLast((c) => c.level === level && c.length >= limit / 4);
    if (found) return found;
  }
  return candidates.at(-1);
}

/** Where to cut a text that fits nowhere whole: never inside an entity (&amp;) or a surrogate pair. */
function safeCut(raw: string, max: number): number {
  let cut = Math.max(1, max);
  const amp = raw.lastIndexOf('&', cut - 1);
  if (amp !== -1 && !raw.slice(amp, cut).includes(';') && raw.indexOf(';', amp) !== -1 && amp > 0) cut = amp;
  const code = raw.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut -= 1;
  return cut;
}

export function splitTelegramHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const pieces = tokenize(html);
  const chunks: string[] = [];
  let stack: Tag[] = [];
  let prefix = '';
  let parts: string[] = [];
  let length = 0;
  let candidates: Candidate[] = [];

  const emit = (upTo: number, openAtCut: Tag[]) => {
    chunks.push(prefix + parts.slice(0, upTo).join('') + closingTags(openAtCut));
    stack = [...openAtCut];
    prefix = openingTags(stack);
    parts = [];
    length = prefix.length;
    candidates = [];
  };

  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const nextStack =
      piece.kind === 'open' ? [...stack, piece.tag] : piece.kind === 'close' ? stack.slice(0, stack.map((t) => t.name).lastIndexOf(piece.name)) : stack;
    const raw = piece.kind === 'open' ? piece.tag.raw : piece.raw;
    if (length + raw.length + closingTags(nextStack).length <= limit) {
      parts.push(raw);
      length += raw.length;
      stack = nextStack;
      if (piece.kind === 'text') {
        const level = breakLevel(raw, stack);
        if (level > 0) candidates.push({ pieceIndex: index, partCount: parts.length, length, stack: [...stack], level });
      }
      continue;
    }
    const candidate = bestCandidate(candidates, limit);
    if (candidate) {
      emit(candidate.partCount, candidate.stack);
      index = candidate.pieceIndex; // continue after the cut
    } else if (parts.length > 0) {
      emit(parts.length, stack);
      index -= 1; // this piece starts the next message
    } else if (piece.kind === 'text') {
      const room = limit - length - closingTags(stack).length;
      if (room < 1) throw new Error(`cannot split: the open tags alone exceed ${limit} characters`);
      const cut = safeCut(raw, room);
      parts.push(raw.slice(0, cut));
      emit(1, stack);
      pieces[index] = { kind: 'text', raw: raw.slice(cut) };
      index -= 1;
    } else {
      throw new Error(`cannot split: a tag longer than ${limit} characters`);
    }
  }
  if (parts.length > 0) emit(parts.length, stack);
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => chunk.replace(/<[^>]*>/g, '').trim() !== '');
}
