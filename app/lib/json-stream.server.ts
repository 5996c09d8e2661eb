/**
 * A JSON array written as its items arrive (a feed or an export is never held whole in memory):
 * `prefix` and `suffix` wrap it when the array sits inside an object (`{"contents":[` … `]}`).
 */
export function jsonArrayStream(items: AsyncIterable<unknown>, wrap: { prefix?: string; suffix?: string } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = items[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Items go out in runs of up to 64 kB: one chunk per item would cost more than the item.
      let chunk = '';
      while (chunk.length < 65_536) {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode(`${chunk}${first ? `${wrap.prefix ?? ''}[` : ''}]${wrap.suffix ?? ''}`));
          controller.close();
          return;
        }
        chunk += `${first ? `${wrap.prefix ?? ''}[` : ','}${JSON.stringify(next.value)}`;
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
