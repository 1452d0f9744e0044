#!/usr/bin/env python3
"""A community server that behaves like PyCS, on Python's standard xmlrpc.server only.

A proof peer for Upstream's protocol clients (main/protocols). What it copies from PyCS, on
purpose, because clients must cope with it:
  - usernum is an int; calls with any other type fail;
  - registerUser takes exactly 5 params: a 6th is a Python TypeError, i.e. fault code 1;
  - the password param is compared verbatim with what registerUser stored (an MD5 hex digest:
    case matters, and nothing is hashed here);
  - saveMultipleFiles answers '' in urlList for a file that failed (too large, illegal extension,
    over quota, bad path) with flError true and the reasons joined in message: partial success;
  - paths are renamed like PyCS does ("my file.html" -> "my@20file.html");
  - file bodies sent as non-ASCII <string> fail (send base64);
  - getServerCapabilities answers the full PyCS struct;
  - getMyDirectory, mailPasswordToUser, pleaseNotify are absent, so Python faults with code 1,
    'method "..." is not supported' (unless --rcs adds them, as on a UserLand RCS);
  - every fault is code 1, like PyCS; weblogUpdates.ping refuses a category other than "none".
Also: a tiny mainResponder.discuss.* (flError structs for auth failures), webHost.put, and HTTP GET
for everything published. Prints its port on stdout once listening on 127.0.0.1:0.
"""
import argparse
import hashlib
import html
import mimetypes
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse
from socketserver import ThreadingMixIn
from xmlrpc.client import DateTime, Fault, ServerProxy
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

p = argparse.ArgumentParser()
p.add_argument("--data", default=None)
p.add_argument("--max-file-size", type=int, default=100_000)
p.add_argument("--quota", type=int, default=1_000_000)
p.add_argument("--legal-ext", default="html,htm,txt,xml,css,gif,jpg,jpeg,png,opml,rss")
p.add_argument("--introspection", action="store_true", help="offer system.listMethods & co")
p.add_argument("--upload-name", choices=["save", "send"], default="save")
p.add_argument("--rcs", action="store_true", help="also offer RCS-only methods")
p.add_argument("--msgnum", choices=["int", "string"], default="int")
p.add_argument("--dg-read", action="store_true", help="offer discuss.getTopics/getMessage")
p.add_argument("--extended-ping", action="store_true")
p.add_argument("--group", default="pycs")
args = p.parse_args()

DATA = os.path.realpath(args.data or tempfile.mkdtemp(prefix="pycs-like-"))
LEGAL = [e for e in args.legal_ext.split(",") if e]
LOCK = threading.RLock()
CALLER = threading.local()

users = {}  # usernum (int) -> {email, name, digest, files: {path: {size, created, uploaded}}}
subscriptions = []  # (ip, port, path, procedure, url)
pings = []
groups = {args.group: []}
enclosures = {}  # id -> (type, bytes)
port = 0


def base():
    return "http://127.0.0.1:%d" % port


def folder_url(usernum):
    return "%s/users/%07d/" % (base(), usernum)


def storage_member(usernum, password):
    if type(usernum) is not int or usernum not in users:
        raise Fault(1, "No such user: %r" % (usernum,))
    user = users[usernum]
    if password != user["digest"]:  # verbatim, like PyCS
        raise Fault(1, "Invalid password for user %d" % usernum)
    return user


def pycs_path(path):
    """PyCS's renaming: anything but letters, digits and - _ . / becomes @XX (per UTF-8 byte)."""
    out = []
    for ch in path:
        if re.match(r"[A-Za-z0-9._/-]", ch):
            out.append(ch)
        else:
            out.extend("@%02x" % b for b in ch.encode("utf-8"))
    return "".join(out)


def path_problem(path):
    if not path or path.startswith("/") or ".." in path.split("/"):
        return "%s: illegal path" % path
    return None


# ---- radioCommunityServer ----------------------------------------------------------------------

def get_initial_resources():
    return {
        "commentsPageUrl": base() + "/system/comments.py",
        "trackbackPageUrl": base() + "/system/trackback.py",
        "defaultCategories": base() + "/opml/categories.opml",
        "defaultFeeds": base() + "/opml/feeds.opml",
    }


# ---- xmlStorageSystem --------------------------------------------------------------------------

def register_user(email, name, password, clientPort, userAgent):  # exactly 5, like PyCS
    for num, user in users.items():
        if user["email"].lower() == email.lower():
            if user["digest"] != password:
                return {"flError": True, "message": "That e-mail address is registered with a different password.", "usernum": 0}
            return {"flError": False, "message": "Welcome back.", "usernum": num}
    num = len(users) + 1
    users[num] = {"email": email, "name": name, "digest": password, "files": {}}
    return {"flError": False, "message": "Welcome to the PyCS-like server.", "usernum": num}


def save_multiple_files(usernum, password, relativepathList, fileTextList):
    user = storage_member(usernum, password)
    errors, urls = [], []
    for path, body in zip(relativepathList, fileTextList):
        if isinstance(body, str):
            body = body.encode("ascii")  # PyCS fails on non-ASCII strings: clients send base64
        used = sum(f["size"] for f in user["files"].values())
        ext = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        problem = path_problem(path)
        if not problem and LEGAL and ext not in LEGAL:
            problem = "%s: files of type '%s' are not allowed" % (path, ext)
        if not problem and len(body) > args.max_file_size:
            problem = "%s: file is %d bytes, larger than the maximum of %d" % (path, len(body), args.max_file_size)
        if not problem and used + len(body) > args.quota:
            problem = "%s: over your quota of %d bytes" % (path, args.quota)
        if problem:
            errors.append(problem)
            urls.append("")
            continue
        stored = pycs_path(path)
        target = os.path.join(DATA, "users", "%07d" % usernum, stored)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(body)
        now = DateTime(time.gmtime())
        prior = user["files"].get(stored)
        user["files"][stored] = {"size": len(body), "created": prior["created"] if prior else now, "uploaded": now}
        url = folder_url(usernum) + stored
        urls.append(url)
        notify_subscribers(url)
    return {
        "yourUpstreamFolderUrl": folder_url(usernum),
        "flError": bool(errors),
        "message": "; ".join(errors) if errors else "%d files saved." % len(urls),
        "urlList": urls,
    }


def delete_multiple_files(usernum, password, relativepathList):
    user = storage_member(usernum, password)
    errors = []
    for path in relativepathList:
        stored = pycs_path(path)
        if path_problem(path) or stored not in user["files"]:
            errors.append("%s: no such file" % path)
            continue
        os.remove(os.path.join(DATA, "users", "%07d" % usernum, stored))
        del user["files"][stored]
        errors.append("")
    failed = [e for e in errors if e]
    return {"errorList": errors, "flError": bool(failed), "message": "; ".join(failed)}


def get_server_capabilities(usernum, password):
    user = storage_member(usernum, password)
    return {
        "flError": False,
        "message": "",
        "yourUpstreamFolderUrl": folder_url(usernum),
        "ctBytesInUse": sum(f["size"] for f in user["files"].values()),
        "maxBytesPerUser": args.quota,
        "maxFileSize": args.max_file_size,
        "legalFileExtensions": LEGAL,
        "weblogUpdates": {"server": "127.0.0.1", "port": port, "protocol": "xml-rpc", "rpcPath": "/RPC2"},
        "community": {
            "flCanHostComments": True,
            "flCanHostTrackback": True,
            "flCanHostAccessRestrictions": False,
            "flCanMirrorPosts": False,
            "name": "PyCS-like",
            "discussionGroupUrl": base() + "/discuss/" + args.group + "/",
            "domainName": "127.0.0.1",
            "flHasSearch": False,
            "flPublic": True,
            "mailListUrl": "",
            "urlSearch": "",
        },
        "urlRankingsByPageReads": base() + "/system/rankings.py",
        "urlReferers": base() + "/system/referers.py?usernum=%07d" % usernum,
        "urlSpamFreeMailto": base() + "/system/mailto.py?usernum=%07d" % usernum,
        "urlWeblogUpdates": base() + "/weblogUpdates/changes.xml",
        "webBugUrl": base() + "/system/count.py?usernum=%07d" % usernum,
        "pycsLikeVersion": "1",  # a member no client knows: must be kept, not dropped
    }


def storage_ping(usernum, password, status, clientPort, userinfo):
    storage_member(usernum, password)
    return {"flError": False, "message": "Pong.", "yourUpstreamFolderUrl": folder_url(usernum)}


def get_my_directory(usernum, password):  # RCS only
    user = storage_member(usernum, password)
    directory = {}
    for i, (stored, f) in enumerate(sorted(user["files"].items()), 1):
        directory["file%05d" % i] = {
            "relativePath": stored, "size": f["size"], "whenCreated": f["created"],
            "whenLastUploaded": f["uploaded"], "url": folder_url(usernum) + stored,
        }
    return {"flError": False, "message": "", "directory": directory}


def mail_password_to_user(email):  # RCS only
    if not any(u["email"].lower() == email.lower() for u in users.values()):
        return {"flError": True, "message": "There is no member with the e-mail address %s." % email}
    return {"flError": False, "message": "Your password has been sent to %s." % email}


def please_notify(notifyProcedure, port_, path, protocol, urlList):  # RCS only
    if protocol != "xml-rpc":
        return {"flError": True, "message": "Only the xml-rpc protocol is supported."}
    for url in urlList:
        subscriptions.append((CALLER.ip, port_, path, notifyProcedure, url))
    return {"flError": False, "message": "Thanks for the registration. It worked."}


def request_notification(notifyProcedure, port_, path, protocol, urlList, userInfo):  # RCS only
    return please_notify(notifyProcedure, port_, path, protocol, urlList)


def notify_subscribers(url):
    for ip, port_, path, procedure, wanted in list(subscriptions):
        if wanted == url:
            proxy = ServerProxy("http://%s:%d%s" % (ip, port_, path))
            threading.Thread(target=lambda p=proxy, m=procedure: getattr(p, m)(url), daemon=True).start()


# ---- weblogUpdates -----------------------------------------------------------------------------

def weblog_ping(weblogname, weblogurl, changesurl=None, category=None):
    if category is not None and category != "none":
        return {"flError": True, "message": "Sorry, only the 'none' category is supported."}
    pings.insert(0, (weblogname, weblogurl))
    return {"flError": False, "message": "Thanks for the ping."}


def extended_ping(name, url, changesURL, feedURL, tags=None):
    pings.insert(0, (name, url))
    return {"flerror": False, "message": "Thanks for the extended ping."}


# ---- webHost -----------------------------------------------------------------------------------

def member_by_login(email, password):
    digest = hashlib.md5(password.encode("utf-8")).hexdigest()
    for num, user in users.items():
        if user["email"].lower() == email.lower() and user["digest"] == digest:
            return num, user
    return None, None


def webhost_put(pageTable):
    table = {k.lower(): v for k, v in pageTable.items()}  # the seed's own sample says 'mimetype'
    num, _ = member_by_login(table.get("username", ""), table.get("password", ""))
    if num is None:
        raise Fault(1, "Invalid username or password.")
    path, mime, body = table["relativepath"], table["mimetype"], table["bytes"]
    if path_problem(path):
        raise Fault(1, path_problem(path))
    if mime == "text/html" and "." not in path.rsplit("/", 1)[-1]:
        path += ".html"  # the server may change the extension: clients must use the returned url
    target = os.path.join(DATA, "webhost", "%07d" % num, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(body)
    return {"url": "%s/webhost/%07d/%s" % (base(), num, urllib.parse.quote(path))}


# ---- mainResponder.discuss ---------------------------------------------------------------------

def dg_messages(dgname, username, password):
    if dgname not in groups:
        raise Fault(1, "There is no discussion group named %r." % dgname)
    num, user = member_by_login(username, password)
    return groups[dgname], user


def denied():
    return {"flError": True, "message": "Can't do that: the username or password is incorrect."}


def find(msgs, msgnum):
    for m in msgs:
        if type(m["msgnum"]) is type(msgnum) and m["msgnum"] == msgnum:  # echoed exactly, type included
            return m
    raise Fault(1, "There is no message %r." % (msgnum,))


def msg_url(dgname, msgnum):
    return "%s/discuss/%s/%s" % (base(), dgname, urllib.parse.quote(str(msgnum), safe=""))


def new_message(dgname, username, password, title, body, inResponseTo):
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    if type(inResponseTo) is int and inResponseTo == 0:
        if title == "":
            raise Fault(1, "Can't create the message because the title is empty.")
    else:
        parent = find(msgs, inResponseTo)
        if title == "":
            title = parent["title"] if parent["title"].startswith("Re:") else "Re: " + parent["title"]
    n = len(msgs) + 1
    msgnum = n if args.msgnum == "int" else "dg:%04d x/y" % n
    msgs.append({"msgnum": msgnum, "title": title, "body": body, "author": user["email"], "inResponseTo": inResponseTo,
                 "created": DateTime(time.gmtime()), "enclosures": []})
    return {"msgnum": msgnum, "url": msg_url(dgname, msgnum), "title": title}


def edit_message(dgname, username, password, msgnum):
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    m = find(msgs, msgnum)
    return {"title": m["title"], "body": m["body"], "url": msg_url(dgname, msgnum)}


def save_message(dgname, username, password, msgnum, body, title):  # body before title
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    m = find(msgs, msgnum)
    m["body"], m["title"] = body, title
    return {"url": msg_url(dgname, msgnum), "title": title, "lastsave": DateTime(time.gmtime())}


def attach_enclosure(dgname, username, password, msgnum, enclosureType, enclosureBits, enclosureAddress):
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    m = find(msgs, msgnum)
    eid = len(enclosures) + 1
    enclosures[eid] = (enclosureType, enclosureBits)
    name = urllib.parse.quote(re.split(r"[/\\:]", enclosureAddress)[-1] or "enclosure", safe="")
    url = "%s/enclosures/%d/%s" % (base(), eid, name)
    m["enclosures"].append({"url": url, "type": enclosureType, "address": enclosureAddress, "size": len(enclosureBits)})
    return {"flError": False, "url": url, "message": "Enclosure attached."}


def topic(dgname, m):
    return {"msgnum": m["msgnum"], "title": m["title"], "author": m["author"], "inResponseTo": m["inResponseTo"],
            "url": msg_url(dgname, m["msgnum"]), "whenCreated": m["created"]}


def get_topics(dgname, username, password, count):
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    return [topic(dgname, m) for m in reversed(msgs)][:count]


def get_message(dgname, username, password, msgnum):
    msgs, user = dg_messages(dgname, username, password)
    if user is None:
        return denied()
    m = find(msgs, msgnum)
    return dict(topic(dgname, m), body=m["body"], enclosures=m["enclosures"])


# ---- the server --------------------------------------------------------------------------------

class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/RPC2",)

    def do_POST(self):
        CALLER.ip = self.client_address[0]  # pleaseNotify calls back at the caller's IP
        super().do_POST()

    def do_GET(self):
        with LOCK:
            found = self.lookup(urllib.parse.urlsplit(self.path).path)
        if found is None:
            self.send_error(404)
            return
        ctype, body = found
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def lookup(self, path):
        parts = [urllib.parse.unquote(p) for p in path.strip("/").split("/")]
        if parts[0] in ("users", "webhost"):
            file = os.path.realpath(os.path.join(DATA, *parts))
            if not file.startswith(DATA + os.sep) or not os.path.isfile(file):
                return None
            with open(file, "rb") as f:
                return mimetypes.guess_type(file)[0] or "application/octet-stream", f.read()
        if parts[0] == "enclosures" and len(parts) == 3 and parts[1].isdigit() and int(parts[1]) in enclosures:
            return enclosures[int(parts[1])]
        if parts[0] == "discuss" and len(parts) == 3 and parts[1] in groups:
            for m in groups[parts[1]]:
                if str(m["msgnum"]) == parts[2]:
                    page = "<html><head><title>%s</title></head><body><h1>%s</h1><div>%s</div></body></html>" % (
                        html.escape(m["title"]), html.escape(m["title"]), html.escape(m["body"]))
                    return "text/html; charset=utf-8", page.encode("utf-8")
        if parts == ["weblogUpdates", "changes.xml"]:
            items = "".join('<weblog name="%s" url="%s"/>' % (html.escape(n), html.escape(u)) for n, u in pings)
            return "text/xml", ('<?xml version="1.0"?><weblogUpdates>%s</weblogUpdates>' % items).encode("utf-8")
        return None

    def log_message(self, *a):
        pass


class Server(ThreadingMixIn, SimpleXMLRPCServer):
    daemon_threads = True

    def _dispatch(self, method, params):
        with LOCK:  # one call at a time: the state is plain dicts
            return super()._dispatch(method, params)


server = Server(("127.0.0.1", 0), requestHandler=Handler, logRequests=False, use_builtin_types=True)
port = server.server_address[1]
if args.introspection:
    server.register_introspection_functions()
reg = server.register_function
reg(get_initial_resources, "radioCommunityServer.getInitialResources")
reg(register_user, "xmlStorageSystem.registerUser")
reg(save_multiple_files, "xmlStorageSystem.%sMultipleFiles" % args.upload_name)
reg(delete_multiple_files, "xmlStorageSystem.deleteMultipleFiles")
reg(get_server_capabilities, "xmlStorageSystem.getServerCapabilities")
reg(storage_ping, "xmlStorageSystem.ping")
if args.rcs:
    reg(get_my_directory, "xmlStorageSystem.getMyDirectory")
    reg(mail_password_to_user, "xmlStorageSystem.mailPasswordToUser")
    reg(please_notify, "xmlStorageSystem.pleaseNotify")
    reg(request_notification, "xmlStorageSystem.requestNotification")
reg(weblog_ping, "weblogUpdates.ping")
if args.extended_ping:
    reg(extended_ping, "weblogUpdates.extendedPing")
reg(webhost_put, "webHost.put")
reg(new_message, "mainResponder.discuss.newMessage")
reg(edit_message, "mainResponder.discuss.editMessage")
reg(save_message, "mainResponder.discuss.saveMessage")
reg(attach_enclosure, "mainResponder.discuss.attachEnclosure")
if args.dg_read:
    reg(get_topics, "mainResponder.discuss.getTopics")
    reg(get_message, "mainResponder.discuss.getMessage")

print(port, flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
