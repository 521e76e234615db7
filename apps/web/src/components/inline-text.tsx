/** Quiz texts may quote code in backticks (`let x = 1`): shown as code, the rest as plain text. */
export function InlineText(props: { text: string }) {
  const parts = props.text.split(/(`[^`\n]+`)/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part.slice(1, -1)}</code> : part))}</>;
}
