import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCatalogs } from '../i18n';
import { POST_BODY_LIMIT } from '../core/communities/images';
import { bodyLimits, FORM_BODY_LIMIT } from './body-limits';

// The limits in front of a real HTTP server, spoken to over a raw socket: a request declares a
// length and sends only its headers, so an answer proves nothing waited for (or read) the body.
describe('request body limits', () => {
  let port = 0;
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  const reached: string[] = [];

  beforeAll(async () => {
    registerCatalogs();
    const app = express();
    app.use(bodyLimits());
    // Behind the limits, a route that reads the whole body, as a form action does.
    app.use(express.text({ type: () => true, limit: '100mb' }), (req, res) => {
      reached.push(req.path);
      res.send(`read ${typeof req.body === 'string' ? req.body.length : 0}`);
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends a request's head and the first bytes of its body; resolves with the answer's status line, headers and body. */
  function send(head: string[], body = 'x=1'): Promise<{ status: number; headers: string; text: string }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let raw = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`No answer: ${raw}`));
      }, 3000);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        raw += chunk;
        const end = raw.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers = raw.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? -1);
        const text = raw.slice(end + 4);
        if (Buffer.byteLength(text) < length) return;
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: Number(raw.split(' ')[1]), headers, text });
      });
      socket.on('error', reject);
      socket.write([...head, 'Host: localhost', '', ''].join('\r\n') + body);
    });
  }

  it('refuses a form body over the limit from its declared length, in the page’s language, reading none of it', async () => {
    reached.length = 0;
    const fr = await send(['POST /fr/groupes/un-groupe/signaler HTTP/1.1', `Content-Length: ${30 * 1024 * 1024}`, 'Content-Type: application/x-www-form-urlencoded']);
    expect(fr.status).toBe(413);
    expect(fr.text).toContain('Cet envoi dépasse ce qu’un formulaire de Cercle peut recevoir (256 Ko)');
    const en = await send(['POST /en/organize/org/groups/new HTTP/1.1', `Content-Length: ${FORM_BODY_LIMIT + 1}`]);
    expect([en.status, en.text]).toEqual([413, expect.stringContaining('Shorten what you wrote') as unknown as string]);
    expect(reached).toEqual([]);
  });

  it('lets a body within the limit through to the route', async () => {
    reached.length = 0;
    const body = `details=${'a'.repeat(5000)}`;
    const ok = await send(['POST /en/groups/a-group/report HTTP/1.1', `Content-Length: ${body.length}`], body);
    expect([ok.status, ok.text]).toEqual([200, `read ${body.length}`]);
    expect(reached).toEqual(['/en/groups/a-group/report']);
  });

  it('gives the route that takes images its own, larger limit', async () => {
    reached.length = 0;
    const tooLarge = await send(['POST /fr/groupes/g/communaute/nouvelle-publication HTTP/1.1', `Content-Length: ${POST_BODY_LIMIT + 1}`]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('8 Mo');
    // A large post within its limit reaches the route (which then waits for its body: no answer yet).
    await expect(send(['POST /en/groups/g/community/new-post HTTP/1.1', `Content-Length: ${POST_BODY_LIMIT - 1}`])).rejects.toThrow(/No answer/);
    const onAnotherRoute = await send(['POST /en/groups/g/community/new-post/other HTTP/1.1', `Content-Length: ${POST_BODY_LIMIT - 1}`]);
    expect(onAnotherRoute.status).toBe(413);
  });

  it('refuses a form body whose length is not declared, but lets the JSON API count it as it reads', async () => {
    reached.length = 0;
    const chunked = await send(['POST /en/groups/g/report HTTP/1.1', 'Transfer-Encoding: chunked'], '3\r\nx=1\r\n0\r\n\r\n');
    expect(chunked.status).toBe(411);
    expect(chunked.text).toContain('did not say how much');
    const api = await send(['POST /api/v1/sessions/s/registrations HTTP/1.1', 'Transfer-Encoding: chunked'], '3\r\nx=1\r\n0\r\n\r\n');
    expect([api.status, api.text]).toEqual([200, 'read 3']);
    const apiTooLarge = await send(['POST /api/v1/sessions/s/registrations HTTP/1.1', `Content-Length: ${FORM_BODY_LIMIT + 1}`, 'Accept-Language: fr']);
    expect(apiTooLarge.status).toBe(413);
    expect(apiTooLarge.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(apiTooLarge.text)).toMatchObject({ status: 413, error: { code: 'invalid' } });
    expect(reached).toEqual(['/api/v1/sessions/s/registrations']);
  });

  it('closes a connection that goes on sending a refused body past what is dropped', async () => {
    // Not a test of time: the socket is closed by the server once the dropped bytes pass the cap.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(['POST /en/groups/g/report HTTP/1.1', 'Host: localhost', `Content-Length: ${1024 * 1024 * 1024}`, '', ''].join('\r\n'));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    const chunk = Buffer.alloc(1024 * 1024, 120);
    let sent = 0;
    let open = true;
    void closed.then(() => (open = false));
    while (open && sent < 200) {
      if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
      sent++;
    }
    await closed;
    expect(sent).toBeLessThan(200);
  });
});
