import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeQuery, decodeResponse, base64url, dohResolver, TYPES } from '../../docs/assets/spf/doh.js';

const enc = new TextEncoder();
const name = (n) => [...n.split('.').flatMap((l) => [l.length, ...enc.encode(l)]), 0];
const u16 = (v) => [v >> 8, v & 255];
const rr = (owner, type, rdata) => [...owner, ...u16(TYPES[type]), 0, 1, 0, 0, 0, 60, ...u16(rdata.length), ...rdata];
const PTR_Q = [0xc0, 12]; // compression pointer to the question name

/** A response message to (qname, qtype) with the given answer records. */
function response(qname, qtype, answers = [], { rcode = 0, flags = 0x8180 } = {}) {
  return Uint8Array.from([0, 0, ...u16(flags | rcode), 0, 1, ...u16(answers.length), 0, 0, 0, 0,
    ...name(qname), ...u16(TYPES[qtype]), 0, 1, ...answers.flat()]);
}

test('query encoding (RFC 1035 §4.1, RFC 8484 §4.1 ID 0, EDNS0)', () => {
  const q = encodeQuery('example.com', 'A');
  assert.deepEqual([...q], [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, ...name('example.com'), 0, 1, 0, 1,
    0, 0, 41, 16, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual([...encodeQuery('example.com.', 'TXT')].slice(12, 25), name('example.com'));
  assert.throws(() => encodeQuery(`${'a'.repeat(64)}.com`, 'A'), { code: 'SERVFAIL' });
  assert.throws(() => encodeQuery('a..com', 'A'), { code: 'SERVFAIL' });
});

test('base64url without padding (RFC 8484 §4.1)', () => {
  assert.equal(base64url(Uint8Array.from([251, 255, 191])), '-_-_');
  assert.equal(base64url(Uint8Array.from([0])), 'AA');
});

test('decoding A, AAAA, MX, PTR and TXT answers', () => {
  assert.deepEqual(decodeResponse(response('example.com', 'A', [rr(PTR_Q, 'A', [192, 0, 2, 1]), rr(PTR_Q, 'A', [192, 0, 2, 2])]), 'example.com', 'A'),
    ['192.0.2.1', '192.0.2.2']);
  const v6 = [0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1];
  assert.deepEqual(decodeResponse(response('example.com', 'AAAA', [rr(PTR_Q, 'AAAA', v6)]), 'example.com', 'AAAA'), ['2001:db8::1']);
  // The exchange "mx." + pointer to the question name (offset 12).
  assert.deepEqual(decodeResponse(response('example.com', 'MX', [rr(PTR_Q, 'MX', [0, 10, 2, ...enc.encode('mx'), 0xc0, 12])]), 'example.com', 'MX'),
    [{ preference: 10, exchange: 'mx.example.com' }]);
  assert.deepEqual(decodeResponse(response('1.2.0.192.in-addr.arpa', 'PTR', [rr(PTR_Q, 'PTR', name('mail.example.com'))]), '1.2.0.192.in-addr.arpa', 'PTR'),
    ['mail.example.com']);
  const txt = [3, ...enc.encode('v=s'), 4, ...enc.encode('pf1 '), 4, ...enc.encode('-all')];
  assert.deepEqual(decodeResponse(response('example.com', 'TXT', [rr(PTR_Q, 'TXT', txt), rr(PTR_Q, 'TXT', [0])]), 'example.com', 'TXT'),
    ['v=spf1 -all', '']);
});

test('CNAME chains are followed; records of other names are ignored', () => {
  const msg = response('www.example.com', 'A', [
    rr(PTR_Q, 'CNAME', name('edge.example.net')),
    rr(name('other.example.org'), 'A', [203, 0, 113, 9]),
    rr(name('edge.example.net'), 'A', [192, 0, 2, 80]),
  ]);
  assert.deepEqual(decodeResponse(msg, 'WWW.example.com', 'A'), ['192.0.2.80']);
});

test('NXDOMAIN is no data; other RCODEs and malformed messages throw', () => {
  assert.deepEqual(decodeResponse(response('nx.example', 'TXT', [], { rcode: 3 }), 'nx.example', 'TXT'), []);
  assert.throws(() => decodeResponse(response('x.example', 'TXT', [], { rcode: 2 }), 'x.example', 'TXT'), { code: 'SERVFAIL', message: /SERVFAIL/ });
  assert.throws(() => decodeResponse(response('x.example', 'TXT', [], { rcode: 5 }), 'x.example', 'TXT'), /REFUSED/);
  const bad = [
    [enc.encode('<html>not dns</html>'), 'TXT', /not a response|short/],
    [Uint8Array.from([0, 0, 0x81]), 'TXT', /short message/],
    [response('x.example', 'TXT', [], { flags: 0x0100 }), 'TXT', /not a response/],
    [response('y.example', 'TXT'), 'TXT', /another question/],
    [response('x.example', 'TXT', [[0xc0, 27, 0, 16, 0, 1, 0, 0, 0, 60, 0, 0]]), 'TXT', /bad name/], // pointer loop
    [response('x.example', 'TXT', [rr(PTR_Q, 'TXT', [9, 1, 2])]), 'TXT', /bad TXT string/],
    [response('x.example', 'A', [rr(PTR_Q, 'A', [1, 2, 3])]), 'A', /A of 3 bytes/],
    [response('x.example', 'A', [rr(PTR_Q, 'A', [1, 2, 3, 4])]).slice(0, -2), 'A', /short rdata/],
  ];
  for (const [msg, type, why] of bad) {
    assert.throws(() => decodeResponse(msg, 'x.example', type), (e) => e.code === 'SERVFAIL' && why.test(e.message), String(why));
  }
});

function fakeFetch(handler) {
  const calls = [];
  const f = async (url, init) => { calls.push({ url, init }); return handler(url, init); };
  f.calls = calls;
  return f;
}
const ok = (body, ctype = 'application/dns-message') => ({
  ok: true, status: 200, headers: { get: (h) => (h.toLowerCase() === 'content-type' ? ctype : null) },
  arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
});

test('dohResolver: GET ?dns= with Accept, falls back to the next URL', async () => {
  const f = fakeFetch((url) => (url.startsWith('https://one.example') ? { ok: false, status: 503, headers: { get: () => null } }
    : ok(response('example.com', 'TXT', [rr(PTR_Q, 'TXT', [11, ...enc.encode('v=spf1 -all')])]))));
  const r = dohResolver({ urls: ['https://one.example/dns-query', 'https://two.example/dns-query?ct'], fetch: f });
  assert.deepEqual(await r('example.com', 'TXT'), ['v=spf1 -all']);
  assert.equal(f.calls.length, 2);
  assert.match(f.calls[0].url, /^https:\/\/one\.example\/dns-query\?dns=[A-Za-z0-9_-]+$/);
  assert.match(f.calls[1].url, /\?ct&dns=/);
  assert.equal(f.calls[0].init.headers.accept, 'application/dns-message');
  assert.equal(f.calls[0].init.method, 'GET');
});

test('dohResolver: a silent resolver is a TIMEOUT, a wrong content type a SERVFAIL', async () => {
  const hang = fakeFetch((url, init) => new Promise((_, reject) => {
    init.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  }));
  const t0 = Date.now();
  await assert.rejects(dohResolver({ urls: ['https://slow.example/q'], fetch: hang, timeoutMs: 80 })('example.com', 'A'),
    { code: 'TIMEOUT', message: /did not answer A example\.com within 80 ms/ });
  assert.ok(Date.now() - t0 < 2000);
  const html = fakeFetch(() => ok(enc.encode('<html></html>'), 'text/html'));
  await assert.rejects(dohResolver({ urls: ['https://x.example/q'], fetch: html })('example.com', 'A'), { code: 'SERVFAIL', message: /text\/html/ });
  const garbage = fakeFetch(() => ok(enc.encode('garbage garbage garbage')));
  await assert.rejects(dohResolver({ urls: ['https://x.example/q'], fetch: garbage })('example.com', 'A'), { code: 'SERVFAIL', message: /malformed/ });
  const network = fakeFetch(() => { throw new TypeError('Failed to fetch'); });
  await assert.rejects(dohResolver({ urls: ['https://x.example/q'], fetch: network })('example.com', 'A'), { code: 'SERVFAIL', message: /Failed to fetch/ });
});

test('dohResolver: an endpoint that failed is asked last from then on', async () => {
  const answer = ok(response('example.com', 'A', [rr(PTR_Q, 'A', [192, 0, 2, 1])]));
  const f = fakeFetch((url) => {
    if (url.startsWith('https://down.example')) throw new TypeError('Failed to fetch');
    return answer;
  });
  const r = dohResolver({ urls: ['https://down.example/q', 'https://up.example/q'], fetch: f });
  assert.deepEqual(await r('example.com', 'A'), ['192.0.2.1']);
  assert.deepEqual(await r('example.com', 'A'), ['192.0.2.1']);
  assert.deepEqual(f.calls.map((c) => new URL(c.url).host), ['down.example', 'up.example', 'up.example']);
});
