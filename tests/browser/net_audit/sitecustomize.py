"""Loaded into a test server (PYTHONPATH) to count its attempts to reach other machines.

A Python audit hook sees every `socket.connect` and every name lookup (`socket.getaddrinfo`,
which a DNS query starts from), from the first line the interpreter runs. Each one that is not
for this machine is written to $SDM_AID_NET_AUDIT_LOG. Nothing is blocked: this only counts.
"""

import ipaddress
import os
import sys

_LOG = os.environ.get("SDM_AID_NET_AUDIT_LOG")
_LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    text = str(host).strip("[]").split("%")[0]
    if text.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False  # a name of another machine
    return address.is_loopback or address.is_unspecified


def _write(line: str) -> None:
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _hook(event: str, args: tuple) -> None:
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_local(address[0]):
            _write(f"connect {address[0]}")
    elif event == "socket.getaddrinfo" and not _is_local(args[0]):
        _write(f"lookup {args[0]}")


if _LOG:
    sys.addaudithook(_hook)
