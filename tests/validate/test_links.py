"""Link addresses are parsed (scheme, host; an address for mailto), never checked by prefix."""

from __future__ import annotations

import pytest

from tagprint.errors import InputError
from tagprint.validate.links import href_problem

HEADING = "body:\n  - type: heading\n    level: 1\n    text: T\n"


@pytest.mark.parametrize("href, reason", [
    ("https:javascript:alert(1)", "starts with https://"),
    ("mailto:", "needs an address"),
    ("https:///", "has no host"),
    ("https://a", "has no domain"),
    ("http://localhost:8000/", "has no domain"),
    ("mailto:someone", "is not an e-mail address"),
    ("mailto:a@b", "has no domain"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("ftp://example.org/file", "scheme 'ftp'"),
    ("www.example.com", "has no scheme"),
    ("https://user:secret@example.com/", "user name or password"),
    ("https://example.com:99999/", "cannot be parsed"),
    ("https://exa mple.com/", "spaces"),
    ("https://-bad-.example.com/", "not a valid host name"),
])
def test_addresses_that_are_refused(href, reason):
    problem = href_problem(href)
    assert problem is not None and reason in problem


@pytest.mark.parametrize("href", [
    "https://www.example.com/", "http://example.com:8080/a/b?c=1#d", "HTTPS://WWW.EXAMPLE.COM",
    "https://192.0.2.10/", "https://[2001:db8::1]/", "https://xn--mnchen-3ya.de/",
    "mailto:info@example.com", "mailto:a@example.com,b@example.org?subject=Hello",
])
def test_addresses_that_are_accepted(href):
    assert href_problem(href) is None


def test_every_bad_link_is_reported_at_its_line(project):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: A [bad](https:javascript:alert(1)) link.\n"
                    "  - type: paragraph\n    text: Write to [us](mailto:).\n"
                    "  - type: call_to_action\n    text: Go\n    href: https:///\n"
                    "    description: Nowhere\n"
                    "  - type: paragraph\n    text: See [a](https://a).\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = {(p.where.file, p.where.line): p.message for p in caught.value.problems}
    assert "starts with https://" in found[("content/test.yaml", 6)]
    assert "needs an address" in found[("content/test.yaml", 8)]
    assert "has no host" in found[("content/test.yaml", 11)]
    assert "has no domain" in found[("content/test.yaml", 14)]
    assert len(caught.value.problems) == 4
