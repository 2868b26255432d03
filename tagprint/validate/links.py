"""Link addresses, parsed with a URL parser: http and https need a real host, mailto needs an address, tel
an international (E.164) number."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit

from ..errors import Problem, Where
from ..model import Document, Link
from ..model.walk import blocks_in_order, inline_runs, walk

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_TEL = re.compile(r"^\+[0-9().-]+$")   # RFC 3966 global number: + then digits and visual separators
_TEL_SEPARATORS = re.compile(r"[().-]")
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
    """What is wrong with a link address, or None if it is a full http, https, mailto or tel address."""
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
    if scheme == "tel":
        return tel_problem(href[len("tel:"):])
    if scheme == "mailto":
        return mailto_problem(parts.netloc, parts.path)
    if not href.lower().startswith(f"{scheme}://"):
        return f"an {scheme} address starts with {scheme}:// and a host"
    if parts.username is not None or parts.password is not None:
        return "it carries a user name or password before the host"
    if not parts.hostname:
        return "it has no host"
    if port is not None and port == 0:
        return "port 0 is not a port"
    return _host_problem(parts.hostname)


def mailto_problem(netloc: str, path: str) -> str | None:
    """Why a mailto: link's addresses (its path, comma-separated) are not e-mail addresses."""
    if netloc or not path:
        return "a mailto link needs an address: mailto:name@example.com"
    for address in unquote(path).split(","):
        local, at, domain = address.strip().rpartition("@")
        if not at or not _LOCAL.match(local) or ".." in local:
            return f"'{address}' is not an e-mail address"
        problem = _host_problem(domain)
        if problem:
            return problem
    return None


def tel_problem(number: str) -> str | None:
    """Why a tel: link's number is not an international E.164 number (+, country code, at most 15 digits)."""
    digits = _TEL_SEPARATORS.sub("", number)
    if not _TEL.match(number) or not digits[1:].isdigit():
        return "a tel link is + and the international number, e.g. tel:+1-800-555-0100"
    if digits[1] == "0":
        return "an international number starts with its country code, never 0"
    if not 7 <= len(digits) - 1 <= 15:
        return f"an international number has 7 to 15 digits; this one has {len(digits) - 1}"
    return None


def check_href(href: str, where: Where, problems: list[Problem]) -> None:
    reason = href_problem(href)
    if reason:
        problems.append(Problem(where, f"link '{href}' is not an http, https, mailto or tel address: {reason}",
                                "write a full address such as https://www.example.com/page, "
                                "mailto:name@example.com or tel:+1-800-555-0100"))


def check_internal(document: Document, problems: list[Problem]) -> None:
    """A link within the document goes to a content id one of its pages places, with something a reader reads
    (a section of only a decorative picture or a spacer has no place in the structure to land on); a deck's
    slides are read whole, so a link within a deck has nowhere to go."""
    sections = document.sections()
    read = {s.id for s in sections if any(b.role for b in walk(s.blocks))}
    placed = {s.id for s in sections}
    for block in blocks_in_order(document):
        for run, where in inline_runs(block):
            if not isinstance(run, Link) or run.internal is None:
                continue
            target = run.internal
            if document.kind == "deck":
                problems.append(Problem(where, f"the link '{run.href}' goes within a deck, which is read slide by "
                                        "slide: a link within a deck is not supported",
                                        "write the words without a link, or name the slide (\"see slide 6\")"))
            elif not target:
                problems.append(Problem(where, "the link '#' names no content id",
                                        "write # and a content id the pages place, e.g. (#safety)"))
            elif target not in placed:
                problems.append(Problem(where, f"the link '{run.href}' goes to content id '{target}', which no "
                                        "page of this document places",
                                        "write # and a content id the pages place, e.g. (#safety)"))
            elif target not in read:
                problems.append(Problem(where, f"the link '{run.href}' goes to content id '{target}', which holds "
                                        "nothing a reader reads (only a decorative picture or a spacer)",
                                        "link to the content with the text the reader is sent to"))
