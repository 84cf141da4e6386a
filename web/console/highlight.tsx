// Marks where the words searched for stand in a title or a piece of the content.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function Highlight({ text, q }: { text: string; q?: string }) {
  const words = (q ?? '').trim();
  if (!words || /^\d{6,}$/.test(words)) return <>{text}</>;
  const parts = text.split(new RegExp(`(${escapeRegExp(words)})`, 'gi'));
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}</>;
}

/** The few characters around the first hit in the content, when the title does not hold it. */
export function HitSnippet({ title, content, q }: { title: string; content: string; q?: string }) {
  const words = (q ?? '').trim().toLowerCase();
  if (!words || title.toLowerCase().includes(words)) return null;
  const at = content.toLowerCase().indexOf(words);
  if (at < 0) return null;
  const from = Math.max(0, at - 16);
  const piece = `${from > 0 ? '…' : ''}${content.slice(from, at + words.length + 24)}${at + words.length + 24 < content.length ? '…' : ''}`;
  return (
    <div className="hit-snippet">
      <Highlight text={piece} q={q} />
    </div>
  );
}
