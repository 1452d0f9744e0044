"""A hostile client for the Upstream sandbox, in Python's standard library only.

usage: hostile.py BASE_URL PID small|full [EMAIL PASSWORD]

Runs each attack against the sandbox at BASE_URL (http://127.0.0.1:PORT), measuring the server
process PID's resident memory (VmRSS) and open file handles (/proc/PID/fd) before and after each,
and prints one JSON object: {case: {ok, detail, before: {rss_kb, fds}, after: {...}, peak_fds}}.
"ok" says whether the sandbox held (refused, bounded, answered) as it should.
"""
import http.client
import json
import os
import socket
import sys
import time
import urllib.parse
import xmlrpc.client

BASE, PID, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
EMAIL = sys.argv[4] if len(sys.argv) > 4 else None
PASSWORD = sys.argv[5] if len(sys.argv) > 5 else None
FULL = MODE == "full"
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port


def usage():
    rss = 0
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    return {"rss_kb": rss, "fds": len(os.listdir(f"/proc/{PID}/fd"))}


def post(path, body, headers=None, timeout=30):
    """POSTs; returns (status, text) or (None, error) when the server closed on us (a refusal too)."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        h = {"Content-Type": "text/xml", "Host": f"{HOST}:{PORT}"}
        h.update(headers or {})
        conn.request("POST", path, body=body, headers=h)
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
        return None, type(e).__name__
    finally:
        conn.close()


def get(path, headers=None):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


def rpc():
    return xmlrpc.client.ServerProxy(BASE + "/RPC2")


def call_xml(method, *params):
    return xmlrpc.client.dumps(params, method).encode("utf-8")


def big_ping():
    mb = 20 if FULL else 2
    status, _ = post("/RPC2", call_xml("weblogUpdates.ping", "x" * (mb * 1024 * 1024), "http://a.example/"))
    return status in (413, None), f"{mb} MB ping answered {status}"


def many_pings():
    n = 2000 if FULL else 150
    p = rpc()
    for i in range(n):
        p.weblogUpdates.extendedPing("n" * 256, f"http://b.example/{i}/" + "u" * 2000, "", "http://f.example/" + "f" * 2000, "t" * 1000)
    status, _, body = get("/weblogUpdates", {"Host": f"{HOST}:{PORT}"})
    return status == 200 and len(body) < 2 * 1024 * 1024, f"{n} pings of ~5 kB; the list page is {len(body)} bytes"


def huge_message():
    mb = 141 if FULL else 8
    body = call_xml("mainResponder.discuss.newMessage", "sandbox", "a@b.c", "p", "t", "m" * (mb * 1024 * 1024), 0)
    status, _ = post("/RPC2", body)
    return status in (413, None), f"a {mb} MB discussion message answered {status}"


def notify_flood():
    urls = [f"{BASE}/users/0000001/{i}.xml" for i in range(2000)]
    try:
        rpc().xmlStorageSystem.pleaseNotify("x.changed", 9, "/RPC2", "xml-rpc", urls)
        return False, "2000 URLs were accepted"
    except xmlrpc.client.Fault as f:
        return "at most" in f.faultString and len(f.faultString) < 400, f.faultString[:120]
    except xmlrpc.client.ProtocolError as e:
        return e.errcode == 413, f"2000 URLs answered HTTP {e.errcode} (the call is over what pleaseNotify needs)"


def held_sockets():
    n = 600 if FULL else 300
    socks = []
    for _ in range(n):
        try:
            s = socket.create_connection((HOST, PORT), timeout=5)
            socks.append(s)
        except OSError:
            break
    time.sleep(0.5)
    peak = usage()["fds"]
    for s in socks:
        s.close()
    return True, f"{len(socks)} sockets opened and held", peak


def trickle_headers():
    s = socket.create_connection((HOST, PORT), timeout=60)
    s.sendall(b"GET / HTTP/1.1\r\nHost: " + f"{HOST}:{PORT}".encode() + b"\r\n")
    started = time.time()
    closed = False
    limit = 40 if FULL else 25
    while time.time() - started < limit:
        try:
            s.sendall(b"X-Slow: 1\r\n")
            time.sleep(0.5)
        except OSError:
            closed = True
            break
    s.close()
    return closed, f"the server {'closed' if closed else 'did not close'} a header trickle within {limit} s"


def rebinding():
    status, _ = post("/RPC2", call_xml("system.listMethods"), {"Host": "evil.example"})
    s2, _, _ = get("/", {"Host": f"evil.example:{PORT}"})
    return status == 421 and s2 == 421, f"Host evil.example: RPC2 {status}, page {s2}"


def malformed_percent():
    statuses = [get(p, {"Host": f"{HOST}:{PORT}"})[0] for p in ["/users/%zz", "/discuss/%E0%A4%A", "/%"]]
    return all(s == 400 for s in statuses), f"malformed % answered {statuses}"


def comments():
    form = urllib.parse.urlencode({"name": "n", "text": "hi"})
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    cross, _ = post("/comments?u=1&p=2", form, {**h, "Origin": "http://evil.example"})
    big, _ = post("/comments?u=1&p=3", urllib.parse.urlencode({"text": "z" * 100000}), h)
    statuses = [post("/comments?u=1&p=4", form, h)[0] for _ in range(15)]
    return cross == 403 and big in (413, None) and 429 in statuses, f"cross-site {cross}, 100 kB {big}, 15 in a row {statuses}"


def brute_force():
    p = rpc()
    refused_at = None
    for i in range(80):
        try:
            p.mainResponder.discuss.getTopics("sandbox", EMAIL or "a@b.c", f"guess{i}", 1)
        except xmlrpc.client.Fault as f:
            if "Too many failed sign-ins" in f.faultString:
                refused_at = i
                break
    return refused_at is not None and refused_at <= 50, f"refused after {refused_at} wrong passwords"


def member_script():
    if not EMAIL:
        return True, "skipped (no member)"
    url = rpc().webHost.put({"username": EMAIL, "password": PASSWORD, "bytes": xmlrpc.client.Binary(b"<script>alert(1)</script>"), "mimeType": "image/png", "relativePath": "hostile.html"})["url"]
    status, headers, _ = get(urllib.parse.urlsplit(url).path, {"Host": f"{HOST}:{PORT}"})
    h = {k.lower(): v for k, v in headers.items()}
    ok = h.get("content-security-policy") == "sandbox" and h.get("x-content-type-options") == "nosniff" and h.get("content-type", "").startswith("text/html")
    return ok, f"served {status} as {h.get('content-type')} with CSP {h.get('content-security-policy')}"


CASES = [rebinding, malformed_percent, member_script, big_ping, many_pings, huge_message, notify_flood, comments, brute_force, held_sockets]
if FULL:
    CASES.append(trickle_headers)  # waits for the header deadline: the small run proves it in main/base/http-limits.test.ts

results = {}
for case in CASES:
    before = usage()
    try:
        outcome = case()
    except Exception as e:  # a case that broke is a failure to report, not a crash of the suite
        outcome = (False, f"{type(e).__name__}: {str(e)[:200]}")
    time.sleep(0.3)
    after = usage()
    entry = {"ok": bool(outcome[0]), "detail": outcome[1], "before": before, "after": after}
    if len(outcome) > 2:
        entry["peak_fds"] = outcome[2]
    results[case.__name__] = entry
print(json.dumps(results))
