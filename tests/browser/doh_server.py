"""A local RFC 8484 DNS-over-HTTPS resolver for the SPF checker's browser tests.

It answers GET ``?dns=<base64url>`` and POST ``application/dns-message`` from a
zone held in memory, in the shape of the openspf suite's ``zonedata``::

    {"example.test": [{"TXT": "v=spf1 -all"}, {"A": "192.0.2.1"},
                      {"MX": [10, "mx.example.test"]}, {"TXT": ["part 1", "part 2"]}]}

Names under a few special suffixes misbehave on purpose, so one server (and
one built site) covers the failure modes:

* ``*.hang.test``: the request is held open without an answer (a resolver
  that times out);
* ``*.garbage.test``: HTTP 200, ``application/dns-message``, bytes that are not DNS;
* ``*.servfail.test``: RCODE SERVFAIL.

Every response carries ``Access-Control-Allow-Origin: *``: the site is served
from another origin. ``delay`` adds a fixed latency to every answer.

Run by hand: ``python tests/browser/doh_server.py --port 8053``.
"""

from __future__ import annotations

import argparse
import base64
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.CNAME
import dns.rdtypes.ANY.MX
import dns.rdtypes.ANY.PTR
import dns.rdtypes.ANY.TXT
import dns.rdtypes.IN.A
import dns.rdtypes.IN.AAAA
import dns.rrset

Zone = dict[str, list[Any]]

# Fixtures for the browser tests. 192.0.2.0/24, 198.51.100.0/24 and
# 203.0.113.0/24 are documentation ranges (RFC 5737); 2001:db8::/32 (RFC 3849).
DEFAULT_ZONE: Zone = {
    # A pass: a listed range, plus Microsoft 365 (served locally, a stand-in record).
    "pass.test": [{"TXT": "v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com -all"}],
    "spf.protection.outlook.com": [{"TXT": "v=spf1 ip4:40.92.0.0/15 ip6:2a01:111:f400::/48 -all"}],
    # A fail at the end of a four-level include tree (8 of 10 lookups).
    "deep.test": [{"TXT": "v=spf1 include:l1.deep.test -all"}],
    "l1.deep.test": [{"TXT": "v=spf1 a include:l2.deep.test"}, {"A": "198.51.100.1"}],
    "l2.deep.test": [{"TXT": "v=spf1 a include:l3.deep.test"}, {"A": "198.51.100.2"}],
    "l3.deep.test": [{"TXT": "v=spf1 a include:l4.deep.test"}, {"A": "198.51.100.3"}],
    "l4.deep.test": [
        {"TXT": "v=spf1 ip4:198.51.100.64/26 mx ?all"},
        {"MX": [10, "mx.l4.deep.test"]},
    ],
    "mx.l4.deep.test": [{"A": "198.51.100.25"}],
    # Over the limit: 12 lookups, crossed at the 11th.
    "toomany.test": [
        {"TXT": "v=spf1 a mx include:t1.toomany.test include:t2.toomany.test -all"},
        {"A": "192.0.2.50"},
        {"MX": [10, "toomany.test"]},
    ],
    "t1.toomany.test": [{"TXT": "v=spf1 a a a a ip4:192.0.2.1"}, {"A": "192.0.2.51"}],
    "t2.toomany.test": [{"TXT": "v=spf1 a a a a ~all"}, {"A": "192.0.2.52"}],
    # Hostile data: markup in the record, in a target name, in non-SPF TXT.
    "hostile.test": [
        {
            "TXT": "v=spf1 ip4:192.0.2.1 include:x<img/src=x/onerror=window.__pwned=1>.test"
            " <script>window.__pwned=2</script> -all"
        },
        {"TXT": "<img src=x onerror=window.__pwned=3>"},
    ],
    "hostile-include.test": [{"TXT": "v=spf1 include:x<img/src=x/onerror=window.__pwned=4>.test -all"}],
    "hostile-exp.test": [{"TXT": "v=spf1 -all exp=why.hostile-exp.test"}],
    "why.hostile-exp.test": [{"TXT": "<script>window.__pwned=5</script> %{i} denied"}],
    # Several records, and no record.
    "two.test": [{"TXT": "v=spf1 -all"}, {"TXT": "v=spf1 ~all"}],
    # Broken branches below the top: errors shown inside the tree.
    "broken-branches.test": [{"TXT": "v=spf1 include:two.test include:slow.hang.test -all"}],
    "none.test": [{"A": "192.0.2.9"}],
}


def _rdata(rdtype: str, value: Any) -> Any:
    IN = dns.rdataclass.IN
    if rdtype == "TXT":
        strings = value if isinstance(value, list) else [value]
        chunks: list[bytes] = []
        for s in strings:
            b = s.encode("utf-8") if isinstance(s, str) else bytes(s)
            # One character-string holds at most 255 bytes (RFC 1035 3.3.14).
            chunks.extend([b[i : i + 255] for i in range(0, len(b), 255)] or [b""])
        return dns.rdtypes.ANY.TXT.TXT(IN, dns.rdatatype.TXT, chunks)
    if rdtype == "A":
        return dns.rdtypes.IN.A.A(IN, dns.rdatatype.A, value)
    if rdtype == "AAAA":
        return dns.rdtypes.IN.AAAA.AAAA(IN, dns.rdatatype.AAAA, value)
    if rdtype == "MX":
        pref, host = value
        return dns.rdtypes.ANY.MX.MX(IN, dns.rdatatype.MX, int(pref), dns.name.from_text(host or "."))
    if rdtype == "PTR":
        return dns.rdtypes.ANY.PTR.PTR(IN, dns.rdatatype.PTR, dns.name.from_text(value))
    if rdtype == "CNAME":
        return dns.rdtypes.ANY.CNAME.CNAME(IN, dns.rdatatype.CNAME, dns.name.from_text(value))
    raise ValueError(rdtype)


def answer(zone: Zone, wire: bytes) -> bytes:
    """Answer one DNS query message from `zone` (names compared case-insensitively)."""
    query = dns.message.from_wire(wire)
    response = dns.message.make_response(query)
    response.flags |= dns.flags.RA
    question = query.question[0]
    rdtype = dns.rdatatype.to_text(question.rdtype)
    table = {k.lower().rstrip("."): v for k, v in zone.items()}
    name = question.name
    for _ in range(8):  # CNAME chain
        entries = table.get(name.to_text(omit_final_dot=True).lower())
        if entries is None:
            response.set_rcode(dns.rcode.NXDOMAIN)
            break
        values = [e[rdtype] for e in entries if isinstance(e, dict) and rdtype in e]
        if values:
            rrset = dns.rrset.RRset(name, dns.rdataclass.IN, question.rdtype)
            for v in values:
                rrset.add(_rdata(rdtype, v), ttl=60)
            response.answer.append(rrset)
            break
        cnames = [e["CNAME"] for e in entries if isinstance(e, dict) and "CNAME" in e]
        if not cnames:
            break
        rrset = dns.rrset.RRset(name, dns.rdataclass.IN, dns.rdatatype.CNAME)
        rrset.add(_rdata("CNAME", cnames[0]), ttl=60)
        response.answer.append(rrset)
        name = dns.name.from_text(cnames[0])
    return response.to_wire()


class DohServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], zone: Zone, delay: float = 0.0) -> None:
        super().__init__(address, DohHandler)
        self.zone = zone
        self.delay = delay
        self.stopping = threading.Event()
        self.queries: list[str] = []

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/dns-query"


class DohHandler(BaseHTTPRequestHandler):
    server: DohServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "application/dns-message") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "accept, content-type")
        self.end_headers()

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path != "/dns-query":
            self._send(404, b"not found", "text/plain")
            return
        data = parse_qs(url.query).get("dns", [""])[0]
        try:
            wire = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        except ValueError:
            self._send(400, b"bad dns parameter", "text/plain")
            return
        self._respond(wire)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self._respond(self.rfile.read(length))

    def _respond(self, wire: bytes) -> None:
        try:
            query = dns.message.from_wire(wire)
            qname = query.question[0].name.to_text(omit_final_dot=True).lower()
            qtype = dns.rdatatype.to_text(query.question[0].rdtype)
        except Exception:  # noqa: BLE001 - any undecodable query is a client error
            self._send(400, b"bad query", "text/plain")
            return
        self.server.queries.append(f"{qtype} {qname}")
        if self.server.delay:
            time.sleep(self.server.delay)
        if qname.endswith(".hang.test") or qname == "hang.test":
            self.server.stopping.wait(30)  # never answers in time
            return
        if qname.endswith(".garbage.test") or qname == "garbage.test":
            self._send(200, b"<html>this is not a DNS message</html>")
            return
        if qname.endswith(".servfail.test"):
            response = dns.message.make_response(query)
            response.set_rcode(dns.rcode.SERVFAIL)
            self._send(200, response.to_wire())
            return
        self._send(200, answer(self.server.zone, wire))


def start(zone: Zone | None = None, port: int = 0, delay: float = 0.0) -> DohServer:
    """Start a server in a daemon thread; `server.url` is its endpoint, `stop(server)` ends it."""
    server = DohServer(("127.0.0.1", port), DEFAULT_ZONE if zone is None else zone, delay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: DohServer) -> None:
    server.stopping.set()
    server.shutdown()
    server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8053)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds added to every answer")
    args = parser.parse_args()
    server = start(port=args.port, delay=args.delay)
    print(server.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stop(server)


if __name__ == "__main__":
    main()
