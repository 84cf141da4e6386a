// A console's side of server-sent events over real HTTP, for the telephony tests.

/** An operator's console listening: the events as they come. */
export async function listenToCalls(base: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/telephony/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: { event: string; data: any }[] = [];
  let buffer = '';
  const reading = (async () => {
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const field = (name: string) => block.match(new RegExp(`^${name}: ?(.*)$`, 'm'))?.[1];
          if (field('event')) events.push({ event: field('event')!, data: JSON.parse(field('data') ?? 'null') });
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = async (waitMs = 2_000) => {
    for (let i = 0; i < waitMs / 20 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    return events.shift();
  };
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    next,
    events,
    close: () => {
      controller.abort();
      return reading;
    },
  };
}
