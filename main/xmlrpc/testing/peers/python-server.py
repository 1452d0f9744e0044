"""A real XML-RPC peer for the client tests: Python's own xmlrpc.server, started on port 0.

Prints the port on the first line of stdout, then serves until killed or until stdin closes.
Modes: basic (echo, arithmetic, faults), validator1 (the interop suite, correct),
validator1-broken (two answers wrong), catchall (any method, answers a fixed struct),
catchall-echo (the same, with the params echoed back); no-multicall and broken-multicall are
basic without system.multicall, or with one that always faults.
"""
import os
import sys
import threading
from xmlrpc.server import SimpleXMLRPCServer
from xmlrpc.client import Fault

mode = sys.argv[1] if len(sys.argv) > 1 else "basic"
server = SimpleXMLRPCServer(("127.0.0.1", 0), allow_none=True, logRequests=False, use_builtin_types=True)
server.register_introspection_functions()
if mode == "no-multicall":
    pass
elif mode == "broken-multicall":
    def broken_multicall(calls):
        raise Fault(-32603, "multicall is broken here")
    server.register_function(broken_multicall, "system.multicall")
else:
    server.register_multicall_functions()


def echo(value):
    """Returns its argument unchanged."""
    return value


def add(a, b):
    """Adds two numbers."""
    return a + b


def fail(code, message):
    raise Fault(code, message)


def types():
    import datetime
    return [1, 2.5, 2.0, True, "x<&>", b"\x00\xffbytes", datetime.datetime(1998, 7, 17, 14, 8, 55), None, {"a": [1, {"b": None}]}]


def big(n):
    return "x" * n


if mode in ("basic", "no-multicall", "broken-multicall"):
    server.register_function(echo)
    server.register_function(add)
    server.register_function(fail)
    server.register_function(types)
    server.register_function(big)
elif mode.startswith("validator1"):
    broken = mode.endswith("broken")

    def array_of_structs(structs):
        return sum(s.get("curly", 0) for s in structs)

    def count_entities(s):
        return {"ctLeftAngleBrackets": s.count("<"), "ctRightAngleBrackets": s.count(">"), "ctAmpersands": s.count("&"),
                "ctApostrophes": s.count("'"), "ctQuotes": s.count('"')}

    def easy(s):
        return s["moe"] + s["larry"] + s["curly"] + (1 if broken else 0)

    def many(i, b, s, d, dt, b64):
        return [i, b, s, d, dt, b64]

    def moderate(a):
        return a[0] + a[-1] + ("!" if broken else "")

    def nested(cal):
        day = cal["2000"]["04"]["01"]
        return day["moe"] + day["larry"] + day["curly"]

    def simple(n):
        return {"times10": n * 10, "times100": n * 100, "times1000": n * 1000}

    for name, f in [("arrayOfStructsTest", array_of_structs), ("countTheEntities", count_entities),
                    ("easyStructTest", easy), ("echoStructTest", echo), ("manyTypesTest", many),
                    ("moderateSizeArrayCheck", moderate), ("nestedStructTest", nested),
                    ("simpleStructReturnTest", simple)]:
        server.register_function(f, "validator1." + name)
elif mode.startswith("catchall"):
    echo_params = mode == "catchall-echo"

    class Anything:
        def _dispatch(self, method, params):
            answer = {"ok": True, "method": method, "count": len(params)}
            if echo_params:
                answer["params"] = list(params)
            return answer
    server.register_instance(Anything())

def exit_with_parent():
    # stdin is a pipe from the test process: EOF means it is gone, so never outlive it.
    sys.stdin.read()
    os._exit(0)


threading.Thread(target=exit_with_parent, daemon=True).start()
print(server.server_address[1], flush=True)
server.serve_forever()
