/**
 * A JSON POST over a caller's http.Agent, for rushes against a listening server: unlike fetch,
 * the agent fixes how many connections are open at once (one per request in flight).
 */
import http from 'node:http';
import type { Json } from './json.ts';

export function postJson(agent: http.Agent, base: string, path: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const url = new URL(path, base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), origin: base, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : {} }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
