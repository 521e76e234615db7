// Telegram's HTML parse mode understands only a handful of tags and these entities; everything else
// must be escaped (https://core.telegram.org/bots/api#html-style).

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Telegram counts at most 4096 characters per message; we measure the HTML, which is never shorter. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
