import { describe, expect, it } from 'vitest';
import { cacheName, serviceWorkerSource } from '../../build/serviceWorker';

const BASE = 'https://school.example/gvp/';
const FILES = ['index.html', 'assets/index-abc.js', 'assets/x.wasm', 'data/mnist-10k.bin'];

type Handler = (event: FakeEvent) => void;
interface FakeEvent {
  request?: Request;
  data?: unknown;
  done?: Promise<unknown>;
  response?: Promise<Response>;
  waitUntil(p: Promise<unknown>): void;
  respondWith(p: Promise<Response>): void;
}

/** Runs sw.js against fake `self`, `caches` and `fetch` (network: the files listed in `net`). */
function boot(source: string, net: Record<string, string>) {
  const handlers = new Map<string, Handler>();
  const stores = new Map<string, Map<string, Response>>();
  const fetched: string[] = [];
  const calls = { skipWaiting: 0, claim: 0 };
  const fetchFake = async (input: Request | string) => {
    const url = typeof input === 'string' ? new URL(input, BASE).href : input.url;
    fetched.push(url);
    if (!(url in net)) throw new TypeError('Failed to fetch (offline)');
    return new Response(net[url], { headers: { Vary: 'Origin' } }); // as vite preview does
  };
  const cacheOf = (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      addAll: async (reqs: Request[]) => {
        for (const r of reqs) {
          expect(r.cache).toBe('reload'); // past the HTTP cache
          store.set(r.url, await fetchFake(r));
        }
      },
      match: async (
        key: Request | string,
        opts?: { ignoreSearch?: boolean; ignoreVary?: boolean },
      ) => {
        const url = new URL(typeof key === 'string' ? key : key.url);
        if (opts?.ignoreSearch) url.search = '';
        const hit = store.get(url.href);
        // Requests here carry an Origin header that addAll's lacked: Vary: Origin would miss.
        if (hit?.headers.has('vary') && !opts?.ignoreVary) return undefined;
        return hit?.clone();
      },
    };
  };
  const caches = {
    open: async (name: string) => cacheOf(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    location: new URL(`${BASE}sw.js`),
    registration: { scope: BASE },
    clients: { claim: async () => void calls.claim++ },
    skipWaiting: async () => void calls.skipWaiting++,
    addEventListener: (type: string, h: Handler) => handlers.set(type, h),
  };
  class RelativeRequest extends Request {
    constructor(url: string, init?: RequestInit) {
      super(new URL(url, self.location.href), init);
    }
  }
  new Function('self', 'caches', 'fetch', 'Request', source)(
    self,
    caches,
    fetchFake,
    RelativeRequest,
  );
  const dispatch = (type: string, request?: Request, data?: unknown): FakeEvent => {
    const e: FakeEvent = {
      request,
      data,
      waitUntil: (p) => void (e.done = p),
      respondWith: (p) => void (e.response = p),
    };
    handlers.get(type)!(e);
    return e;
  };
  return { dispatch, stores, fetched, calls };
}

const network = Object.fromEntries(FILES.map((f) => [`${BASE}${f}`, `net:${f}`]));
const navigate = (url: string) => ({ url, method: 'GET', mode: 'navigate' }) as Request;
const get = (url: string, method = 'GET') => ({ url, method, mode: 'cors' }) as Request;

async function installed(net: Record<string, string> = network) {
  const sw = boot(serviceWorkerSource('gvp-new', FILES), net);
  await sw.dispatch('install').done;
  sw.fetched.length = 0;
  return sw;
}

describe('service worker (sw.js)', () => {
  it('precaches every file of the manifest on install, then waits for the old pages', async () => {
    const sw = await installed();
    expect([...sw.stores.get('gvp-new')!.keys()].sort()).toEqual(
      FILES.map((f) => `${BASE}${f}`).sort(),
    );
    expect(sw.calls.skipWaiting).toBe(0);
    sw.dispatch('message', undefined, 'something else');
    expect(sw.calls.skipWaiting).toBe(0);
    await sw.dispatch('message', undefined, 'skip-waiting').done;
    expect(sw.calls.skipWaiting).toBe(1);
  });

  it('fails the install when a file cannot be fetched (no half-filled offline copy)', async () => {
    const sw = boot(serviceWorkerSource('gvp-new', FILES), { [`${BASE}index.html`]: 'x' });
    await expect(sw.dispatch('install').done).rejects.toThrow(/offline/);
    expect(sw.calls.skipWaiting).toBe(0);
  });

  it('deletes older gvp- caches on activate, keeps other caches, claims the pages', async () => {
    const sw = await installed();
    sw.stores.set('gvp-old', new Map());
    sw.stores.set('someone-else', new Map());
    await sw.dispatch('activate').done;
    expect([...sw.stores.keys()].sort()).toEqual(['gvp-new', 'someone-else']);
    expect(sw.calls.claim).toBe(1);
  });

  it('answers navigations to the app, with any query, with the cached index.html', async () => {
    const sw = await installed();
    for (const url of [BASE, `${BASE}?data=mnist&n=256&autoplay=1`, `${BASE}index.html?x=1`]) {
      const res = await sw.dispatch('fetch', navigate(url)).response!;
      expect(await res.text()).toBe('net:index.html');
    }
    expect(sw.fetched).toEqual([]); // cache first: no network at all
  });

  it('serves cached assets first and goes to the network only on a miss', async () => {
    const sw = await installed({ ...network, [`${BASE}extra.txt`]: 'net:extra' });
    const hit = await sw.dispatch('fetch', get(`${BASE}data/mnist-10k.bin`)).response!;
    expect(await hit.text()).toBe('net:data/mnist-10k.bin');
    expect(sw.fetched).toEqual([]);
    const miss = await sw.dispatch('fetch', get(`${BASE}extra.txt`)).response!;
    expect(await miss.text()).toBe('net:extra');
    expect(sw.fetched).toEqual([`${BASE}extra.txt`]);
    // Offline and not cached: the request fails as it would without a service worker.
    await expect(sw.dispatch('fetch', get(`${BASE}nope.js`)).response).rejects.toThrow();
  });

  it('leaves other origins, other methods and non-app navigations alone', async () => {
    const sw = await installed();
    expect(sw.dispatch('fetch', get('https://cdn.example/x.js')).response).toBeUndefined();
    expect(sw.dispatch('fetch', get(`${BASE}assets/x.wasm`, 'POST')).response).toBeUndefined();
    // Opening the data file itself in a tab gets the file, not the app.
    const res = await sw.dispatch('fetch', navigate(`${BASE}data/mnist-10k.bin`)).response!;
    expect(await res.text()).toBe('net:data/mnist-10k.bin');
  });
});

describe('cacheName', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('depends on every byte of every file and of the runtime, not on the order listed', () => {
    const a = cacheName(['a', 'b'], (f) => bytes(`${f}1`));
    expect(a).toMatch(/^gvp-[0-9a-f]{12}$/);
    expect(cacheName(['b', 'a'], (f) => bytes(`${f}1`))).toBe(a);
    expect(cacheName(['a', 'b'], (f) => bytes(f === 'b' ? 'b2' : 'a1'))).not.toBe(a);
    expect(cacheName(['a', 'c'], (f) => bytes(`${f}1`))).not.toBe(a);
    expect(cacheName(['a', 'b'], (f) => bytes(`${f}1`), '/* another runtime */')).not.toBe(a);
  });
});
