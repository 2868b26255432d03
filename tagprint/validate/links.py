"""Link addresses, parsed with a URL parser: http and https need a real host, mailto needs an address."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit

from ..errors import Problem, Where

LINK_SCHEMES = ("http", "https", "mailto")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")


def _host_problem(host: str) -> str | None:
    """Why `host` is not a public host name or an IP address (None when it is one)."""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        return f"'{host}' is not a valid host name"
    labels = ascii_host.split(".")
    if len(labels) < 2:
        return f"the host '{host}' has no domain (such as .com)"
    if not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        return f"'{host}' is not a valid host name"
    return None


def href_problem(href: str) -> str | None:
    """What is wrong with a link address, or None if it is a full http, https or mailto address."""
    if not href or href != href.strip() or any(c.isspace() or ord(c) < 32 for c in href):
        return "it is empty or contains spaces or control characters"
    try:
        parts = urlsplit(href)
        port = parts.port  # parses the port: ValueError if it is not a number in range
    except ValueError as exc:
        return f"it cannot be parsed ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return f"the scheme '{scheme}' is not allowed" if scheme else "it has no scheme (https://…)"
    if scheme == "mailto":
        if parts.netloc or not parts.path:
            return "a mailto link needs an address: mailto:name@example.com"
        for address in unquote(parts.path).split(","):
            local, at, domain = address.strip().rpartition("@")
            if not at or not _LOCAL.match(local) or ".." in local:
                return f"'{address}' is not an e-mail address"
            problem = _host_problem(domain)
            if problem:
                return problem
        return None
    if not href.lower().startswith(f"{scheme}://"):
        return f"an {scheme} address starts with {scheme}:// and a host"
    if parts.username is not None or parts.password is not None:
        return "it carries a user name or password before the host"
    if not parts.hostname:
        return "it has no host"
    if port is not None and port == 0:
        return "port 0 is not a port"
    return _host_problem(parts.hostname)


def check_href(href: str, where: Where, problems: list[Problem]) -> None:
    reason = href_problem(href)
    if reason:
        problems.append(Problem(where, f"link '{href}' is not an http, https or mailto address: {reason}",
                                "write a full address such as https://www.example.com/page "
                                "or mailto:name@example.com"))
