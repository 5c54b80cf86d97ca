"""What a hand-written page may not contain, on its rendered HTML (kb_pagecheck)."""

from __future__ import annotations

import pytest

from kb.pagecheck import page_problems

HOST = "hankinta-suomi.example"


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        (
            '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
            "the address 'javascript:alert(1)' in <a xlink:href> starts with 'javascript:'",
        ),
        (
            '<svg><use href="data:image/svg+xml,x"/></svg>',
            "the address 'data:image/svg+xml,x' in <use href> starts with 'data:'",
        ),
        (
            '<meta http-equiv="Refresh" content="0;url=javascript:alert(1)">',
            'a <meta http-equiv="refresh"> moves the reader to another address',
        ),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "starts with 'javascript:'"),
        ("<iframe src='https://example.org/'></iframe>", "the element <iframe> is not allowed"),
    ],
)
def test_code_and_hidden_navigation_are_found(html: str, problem: str) -> None:
    problems = page_problems(html, HOST)
    assert any(problem in p for p in problems), problems


def test_ordinary_layout_html_passes() -> None:
    html = (
        '<p><a href="../ohjelma/">Ohjelma</a> · <a href="https://vm.fi/">VM</a> · '
        '<a href="mailto:kirjaamo@vm.fi">kirjaamo</a></p>'
        '<svg role="img" aria-label="x"><a xlink:href="#kohta"><text>x</text></a></svg>'
        '<meta name="robots" content="noindex">'
    )
    assert page_problems(html, HOST) == []
