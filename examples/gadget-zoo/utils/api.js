// ES module: the gadget's server API. The server address comes from the launch query (?api=…), else the
// bundled dev server (node examples/gadget-zoo/dev-server.mjs).
export const DEFAULT_API = 'http://127.0.0.1:8787';

export function apiBase() {
  const { query } = tt.getLaunchOptionsSync();
  return (query && query.api) || DEFAULT_API;
}

export function request(options) {
  return new Promise((resolve, reject) => {
    tt.request({ ...options, success: resolve, fail: reject });
  });
}

export async function fetchPhotos(base) {
  const res = await request({ url: `${base}/photos` });
  if (res.statusCode !== 200) throw new Error(`the server answered ${res.statusCode}`);
  return res.data.photos;
}

export async function sendFeedback(base, feedback) {
  const res = await request({ url: `${base}/feedback`, method: 'POST', data: feedback });
  return res.data;
}
