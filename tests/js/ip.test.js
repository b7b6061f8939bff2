import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseIPv4, parseIPv6, parseAddress, matchPrefix, formatAddress, macroI, reverseName, sameAddress,
} from '../../docs/assets/spf/ip.js';

test('IPv4 is strict dotted-quad', () => {
  assert.deepEqual([...parseIPv4('192.0.2.255')], [192, 0, 2, 255]);
  assert.deepEqual([...parseIPv4('0.0.0.0')], [0, 0, 0, 0]);
  for (const bad of ['010.0.0.1', '1.2.3.04', '1.2.3', '1.2.3.4.5', '256.1.1.1', ' 1.2.3.4', '1.2.3.4/24', '0x7f.0.0.1', '']) {
    assert.equal(parseIPv4(bad), null, bad);
  }
});

test('IPv6 text forms of RFC 4291', () => {
  const hex = (t) => Buffer.from(parseIPv6(t)).toString('hex');
  assert.equal(hex('::'), '0'.repeat(32));
  assert.equal(hex('::1'), `${'0'.repeat(31)}1`);
  assert.equal(hex('2001:DB8::cafe:babe'), '20010db80000000000000000cafebabe');
  assert.equal(hex('1:2:3:4:5:6:7:8'), '00010002000300040005000600070008');
  assert.equal(hex('::ffff:1.2.3.4'), '00000000000000000000ffff01020304');
  assert.equal(hex('1::'), `0001${'0'.repeat(28)}`);
  for (const bad of ['1::2::3', ':1::', '1:2:3:4:5:6:7:8:9', '12345::', '::1.2.3', '1:2:3:4:5:6:7::8:9', ':CAFE::BABE', 'g::', '1.2.3.4']) {
    assert.equal(parseIPv6(bad), null, bad);
  }
});

test('an IPv4-mapped IPv6 client is an IPv4 client (RFC 7208 §5)', () => {
  const a = parseAddress('::FFFF:1.2.3.4');
  assert.equal(a.family, 4);
  assert.deepEqual([...a.bytes], [1, 2, 3, 4]);
  assert.equal(parseAddress('2001:db8::1').family, 6);
  assert.equal(parseAddress('not an ip'), null);
});

test('prefix matching', () => {
  const a = parseIPv4('192.0.2.130');
  assert.ok(matchPrefix(a, parseIPv4('192.0.2.128'), 25));
  assert.ok(!matchPrefix(a, parseIPv4('192.0.2.0'), 25));
  assert.ok(matchPrefix(a, parseIPv4('1.1.1.1'), 0));
  assert.ok(matchPrefix(a, parseIPv4('192.0.2.130'), 32));
  assert.ok(!matchPrefix(a, parseIPv6('::'), 0), 'families never mix');
  assert.ok(matchPrefix(parseIPv6('cafe:babe:8000::'), parseIPv6('cafe:babe:8000::'), 33));
});

test('RFC 5952 formatting', () => {
  assert.equal(formatAddress(parseIPv6('2001:0db8:0:0:1:0:0:1')), '2001:db8::1:0:0:1');
  assert.equal(formatAddress(parseIPv6('2001:db8:0:1:1:1:1:1')), '2001:db8:0:1:1:1:1:1');
  assert.equal(formatAddress(parseIPv6('CAFE:BABE::1')), 'cafe:babe::1');
  assert.equal(formatAddress(parseIPv4('192.0.2.1')), '192.0.2.1');
});

test('%{i} and reverse names', () => {
  const v6 = parseAddress('2001:db8::cb01');
  assert.equal(macroI(v6).toLowerCase(), '2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1');
  assert.equal(reverseName(parseAddress('192.0.2.3')), '3.2.0.192.in-addr.arpa');
  assert.equal(reverseName(v6), '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  assert.ok(sameAddress(v6, '2001:DB8:0::CB01'));
  assert.ok(!sameAddress(v6, '192.0.2.3'));
});
