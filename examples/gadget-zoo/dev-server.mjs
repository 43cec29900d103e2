// The zoo's own server, as a real gadget has one: a photo list, the photos, and a feedback endpoint.
//   node examples/gadget-zoo/dev-server.mjs          (listens on 127.0.0.1:8787)
// then `npx ttsim dev examples/gadget-zoo`. The e2e tests start it on a free port and pass ?api=… as the
// launch query.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PHOTOS = [
  { id: 'p1', title: 'Glass', file: path.join(here, '../images/translucent.png'), type: 'image/png' },
  { id: 'p2', title: 'Street', file: path.join(here, '../images/photo-rotated.jpg'), type: 'image/jpeg' },
  { id: 'p3', title: 'Dot', file: path.join(here, 'images/tab-active.png'), type: 'image/png' },
];

export function startZooServer(port = 8787) {
  const feedback = [];
  const server = http.createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    const url = new URL(req.url ?? '/', base);
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/photos') {
      return json(200, { photos: PHOTOS.map((p) => ({ id: p.id, title: p.title, url: `${base}/images/${p.id}`, bytes: fs.statSync(p.file).size })) });
    }
    const photo = PHOTOS.find((p) => url.pathname === `/images/${p.id}`);
    if (req.method === 'GET' && photo) {
      res.writeHead(200, { 'content-type': photo.type, 'access-control-allow-origin': '*' });
      return fs.createReadStream(photo.file).pipe(res);
    }
    if (req.method === 'POST' && url.pathname === '/feedback') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        let parsed;
        try {
          parsed = JSON.parse(body);
        } catch {
          return json(400, { message: 'feedback must be JSON' });
        }
        feedback.push(parsed);
        json(200, { message: `thanks! (${feedback.length} received)`, received: parsed });
      });
      return undefined;
    }
    json(404, { message: `no route ${req.method} ${url.pathname}` });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}`, feedback, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { url } = await startZooServer(Number(process.env.PORT ?? 8787));
  console.log(`gadget-zoo server on ${url}: GET /photos, GET /images/<id>, POST /feedback`);
}
