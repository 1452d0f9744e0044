"""The sandbox seen from Python's xmlrpc.client: a real peer, not our own client.

Usage: python3 python-proof.py SCENARIO ENDPOINT [ARGS...]
Prints one JSON object of what it observed; python-proof.test.ts asserts on it. Faults are
recorded as {"fault": [code, string]} so the test can tell a fault from an {flError} struct.
"""
import base64
import hashlib
import http.client
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xmlrpc.client
from xmlrpc.server import SimpleXMLRPCServer


def plain(value):
    """Turns xmlrpc.client values into JSON: Binary as base64 text, DateTime as its wire text."""
    if isinstance(value, xmlrpc.client.Binary):
        return {"base64": base64.b64encode(value.data).decode()}
    if isinstance(value, xmlrpc.client.DateTime):
        return {"dateTime": value.value}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def attempt(call):
    try:
        return plain(call())
    except xmlrpc.client.Fault as fault:
        return {"fault": [fault.faultCode, fault.faultString]}


def fetch(url):
    """GET over plain HTTP: status, Content-Type and the bytes (base64)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return {"status": r.status, "type": r.headers.get("Content-Type"), "disposition": r.headers.get("Content-Disposition"), "bytes": base64.b64encode(r.read()).decode()}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "type": e.headers.get("Content-Type"), "bytes": ""}


def raw_get(endpoint, path):
    """GET a path exactly as written (urllib would normalise the dots away)."""
    u = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request("GET", path)
    status = conn.getresponse().status
    conn.close()
    return status


def md5(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def storage(endpoint, email, password, big_size):
    s = xmlrpc.client.ServerProxy(endpoint)
    x = s.xmlStorageSystem
    out = {}
    out["register"] = attempt(lambda: x.registerUser(email, "Py Thon", md5(password), 5335, "python-proof"))
    usernum = out["register"]["usernum"]
    out["registerAgain6"] = attempt(lambda: x.registerUser(email, "Py Thon", md5(password), 5335, "python-proof", "serial-1"))
    out["registerOtherPassword"] = attempt(lambda: x.registerUser(email, "Py Thon", md5("not it"), 5335, "python-proof"))
    out["registerSevenParams"] = attempt(lambda: x.registerUser(email, "Py Thon", md5(password), 5335, "python-proof", "s", "extra"))
    out["clearTextPassword"] = attempt(lambda: x.getServerCapabilities(usernum, password))
    out["capabilities"] = attempt(lambda: x.getServerCapabilities(usernum, md5(password)))
    files = [
        ("index.html", b"<html><body>Hello from Python</body></html>"),
        ("notes/a b.txt", "caf\u00e9 \u2615\n".encode("utf-8")),
        ("big.html", b"x" * big_size),
    ]
    out["save"] = attempt(lambda: x.saveMultipleFiles(usernum, md5(password), [p for p, _ in files], [xmlrpc.client.Binary(b) for _, b in files]))
    out["sent"] = [base64.b64encode(b).decode() for _, b in files]
    out["fetched"] = [fetch(u) if u else None for u in out["save"]["urlList"]]
    out["folder"] = fetch(out["save"]["yourUpstreamFolderUrl"])
    out["sendAlias"] = attempt(lambda: x.sendMultipleFiles(usernum, md5(password), ["plain.txt"], ["sent as a <string>"]))
    out["capabilitiesAfter"] = attempt(lambda: x.getServerCapabilities(usernum, md5(password)))
    out["traversal"] = attempt(lambda: x.saveMultipleFiles(usernum, md5(password), ["../evil.html", "/etc/abs.html", "ok.html"], [xmlrpc.client.Binary(b"e")] * 3))
    out["rawTraversal"] = [raw_get(endpoint, p) for p in ["/users/%s/../../members.json" % usernum, "/users/%s/%%2e%%2e/%%2e%%2e/members.json" % usernum, "/members.json", "/files.json"]]
    out["badCall"] = attempt(lambda: x.saveMultipleFiles(usernum, md5(password), ["x.html"]))
    out["delete"] = attempt(lambda: x.deleteMultipleFiles(usernum, md5(password), ["index.html", "missing.html"]))
    out["fetchDeleted"] = fetch(out["save"]["urlList"][0])
    out["directory"] = attempt(lambda: x.getMyDirectory(usernum, md5(password)))
    return out


def discuss(endpoint, email, password, group):
    s = xmlrpc.client.ServerProxy(endpoint)
    d = s.mainResponder.discuss
    out = {}
    out["first"] = attempt(lambda: d.newMessage(group, email, password, "Hello <world>", "A body with <b>tags</b> & ampersands.", 0))
    first = out["first"]["msgnum"]
    out["reply"] = attempt(lambda: d.newMessage(group, email, password, "", "I agree.", first))
    out["replyToReply"] = attempt(lambda: d.newMessage(group, email, password, "", "Me too.", out["reply"]["msgnum"]))
    out["emptyNewThread"] = attempt(lambda: d.newMessage(group, email, password, "", "No title.", 0))
    out["wrongPassword"] = attempt(lambda: d.newMessage(group, email, "wrong", "t", "b", 0))
    out["edit"] = attempt(lambda: d.editMessage(group, email, password, first))
    out["save"] = attempt(lambda: d.saveMessage(group, email, password, first, "A better body with <i>tags</i>.", "Hello again"))
    out["topics"] = attempt(lambda: d.getTopics(group, email, password, 10))
    out["message"] = attempt(lambda: d.getMessage(group, email, password, out["reply"]["msgnum"]))
    out["page"] = fetch(out["first"]["url"])
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    out["sentEnclosure"] = base64.b64encode(png).decode()
    out["attach"] = attempt(lambda: d.attachEnclosure(group, email, password, first, "image/png", xmlrpc.client.Binary(png), "images/pixel.png"))
    out["download"] = fetch(out["attach"]["url"])
    out["withEnclosure"] = attempt(lambda: d.getMessage(group, email, password, first))
    multi = xmlrpc.client.MultiCall(s)
    multi.system.listMethods()
    multi.mainResponder.discuss.getTopics(group, email, password, 1)
    multi.mainResponder.discuss.getMessage(group, email, password, "no-such-msgnum")
    results = []
    try:
        for r in multi():
            results.append(plain(r))
    except xmlrpc.client.Fault as fault:
        results.append({"fault": [fault.faultCode, fault.faultString]})
    out["multicall"] = results
    return out


def webhost(endpoint, email, password):
    s = xmlrpc.client.ServerProxy(endpoint)
    page = b"<html><body>Put by Python</body></html>"
    out = {"sent": base64.b64encode(page).decode()}
    # The seed's own sample spells it `mimetype`: the server must read it anyway.
    out["put"] = attempt(lambda: s.webHost.put({"username": email, "password": password, "bytes": xmlrpc.client.Binary(page), "mimetype": "text/html", "relativePath": "pages/hello"}))
    out["fetched"] = fetch(out["put"]["url"])
    out["traversal"] = attempt(lambda: s.webHost.put({"username": email, "password": password, "bytes": xmlrpc.client.Binary(b"x"), "mimeType": "text/plain", "relativePath": "../../members.json"}))
    out["absolute"] = attempt(lambda: s.webHost.put({"username": email, "password": password, "bytes": xmlrpc.client.Binary(b"x"), "mimeType": "text/plain", "relativePath": "/tmp/x.txt"}))
    out["wrongPassword"] = attempt(lambda: s.webHost.put({"username": email, "password": "nope", "bytes": xmlrpc.client.Binary(b"x"), "mimeType": "text/plain", "relativePath": "x.txt"}))
    return out


def notify(endpoint, email, password):
    """pleaseNotify and rssPleaseNotify, with a SimpleXMLRPCServer listening for the callbacks."""
    heard = []
    arrived = threading.Event()
    listener = SimpleXMLRPCServer(("127.0.0.1", 0), logRequests=False, allow_none=False)

    def url_changed(url):
        heard.append(url)
        arrived.set()
        return True

    listener.register_function(url_changed, "upstreamTest.urlChanged")
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    port = listener.server_address[1]

    s = xmlrpc.client.ServerProxy(endpoint)
    x = s.xmlStorageSystem
    usernum = x.registerUser(email, "Listener", md5(password), port, "python-proof")["usernum"]
    saved = x.saveMultipleFiles(usernum, md5(password), ["watched.html", "unwatched.html"], [xmlrpc.client.Binary(b"v1")] * 2)
    watched, unwatched = saved["urlList"]
    page = s.webHost.put({"username": email, "password": password, "bytes": xmlrpc.client.Binary(b"p1"), "mimeType": "text/html", "relativePath": "page.html"})["url"]
    out = {"watched": watched, "page": page}
    out["subscribe"] = attempt(lambda: x.pleaseNotify("upstreamTest.urlChanged", port, "/RPC2", "xml-rpc", [watched]))
    out["rssSubscribe"] = attempt(lambda: x.rssPleaseNotify("upstreamTest.urlChanged", port, "/RPC2", "xml-rpc", [page]))
    out["foreignUrl"] = attempt(lambda: x.pleaseNotify("upstreamTest.urlChanged", port, "/RPC2", "xml-rpc", ["http://example.com/feed.xml"]))
    out["soap"] = attempt(lambda: x.pleaseNotify("upstreamTest.urlChanged", port, "/RPC2", "soap", [watched]))

    def wait_for(count):
        deadline = time.time() + 10
        while len(heard) < count and time.time() < deadline:
            arrived.wait(0.1)
            arrived.clear()

    x.saveMultipleFiles(usernum, md5(password), ["unwatched.html"], [xmlrpc.client.Binary(b"v2")])
    x.saveMultipleFiles(usernum, md5(password), ["watched.html"], [xmlrpc.client.Binary(b"v2")])
    wait_for(1)
    s.webHost.put({"username": email, "password": password, "bytes": xmlrpc.client.Binary(b"p2"), "mimeType": "text/html", "relativePath": "page.html"})
    wait_for(2)
    time.sleep(0.3)  # room for a wrong extra callback (the unwatched file) to show up
    out["heard"] = heard
    listener.shutdown()
    return out


def persisted(endpoint, email, password, usernum, group):
    """After a restart: the same member, files, messages."""
    s = xmlrpc.client.ServerProxy(endpoint)
    x = s.xmlStorageSystem
    out = {}
    out["register"] = attempt(lambda: x.registerUser(email, "Py Thon", md5(password), 5335, "python-proof"))
    out["directory"] = attempt(lambda: x.getMyDirectory(usernum, md5(password)))
    urls = [f["url"] for f in out["directory"]["directory"].values()]
    out["fetched"] = [fetch(u) for u in urls]
    out["topics"] = attempt(lambda: s.mainResponder.discuss.getTopics(group, email, password, 10))
    return out


if __name__ == "__main__":
    scenario, endpoint, *args = sys.argv[1:]
    result = {"storage": storage, "discuss": discuss, "webhost": webhost, "notify": notify, "persisted": persisted}[scenario]
    if scenario == "storage":
        args[2] = int(args[2])
    print(json.dumps(result(endpoint, *args)))
