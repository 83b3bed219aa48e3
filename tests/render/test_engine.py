"""The report sandbox: same output and same refusals as Jinja's own sandbox.

:class:`~ictgov.render.sandbox.ReportSandbox` overrides the sandbox's hooks (attribute
access for ictgov's data classes, globals as a dict, bounded calls); these tests
render the same templates with it and with Jinja's ``ImmutableSandboxedEnvironment``
and require identical results, and check that callables still meet the sandbox.
"""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import DictLoader, StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, unsafe
from markupsafe import Markup

from ictgov.render.context import Helpers
from ictgov.render.pages import PageState
from ictgov.render.sandbox import ReportSandbox

TEMPLATES = {
    "macros.html": (
        "{% macro box(x, label='n') %}[{{ label }}:{{ x }}{{ varargs|join('/') }}]"
        "{% if caller is defined %}({{ caller(x) }}){% endif %}{% endmacro %}"
        "{% macro plain(x) %}<{{ x }}>{% endmacro %}"
    ),
    "page.html": (
        '{% import "macros.html" as ui %}'
        "{{ ui.box(1) }}{{ ui.box('<b>', '&', *extra) }}{{ ui.box(2, label='&') }}"
        "{{ ui.plain(none) }}"
        "{% for v in values %}{{ v }}|{{ shout(v) }}|{{ ui.plain(v) }}|{{ loop.last }};"
        "{% call(y) ui.box(loop.index) %}in {{ y }} {{ v }}{% endcall %}{% endfor %}"
        "{% set t %}{{ shout('a&b') }}{% endset %}{{ t }}{{ kw(a=1, **{'b': 2}) }}"
        "{{ values|map('string')|join(',') }}{{ 'x' ~ values[0] }}"
        "{% autoescape false %}{{ '<raw>' }}{% endautoescape %}"
        "{{ state.lang }}{{ 'has' if state.nope is defined else 'lacks' }}{{ state.depth }}"
        "{{ obj.method() }}{{ '%s-%s'|format(1, '<') }}{{ '{0}'.format('<') }}"
    ),
}


class _Obj:
    def method(self) -> str:
        return "<m>"


def _shout(value: Any) -> str:
    return str(value).upper()


def _kw(**values: Any) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(values.items()))


def _environments(fmt: str) -> tuple[ReportSandbox, ImmutableSandboxedEnvironment]:
    helpers = Helpers("fi")
    helpers.use(PageState("fi", fmt, "index"))
    options: dict[str, Any] = {
        "loader": DictLoader(TEMPLATES),
        "autoescape": True,
        "undefined": StrictUndefined,
        "finalize": helpers.finalize,
    }
    globals_ = {"shout": _shout, "kw": _kw}
    ours = ReportSandbox(**options)
    ours.globals.update(globals_)
    reference = ImmutableSandboxedEnvironment(**options)
    reference.globals.update(globals_)
    return ours, reference


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_sandbox_prints_what_jinjas_sandbox_prints(fmt: str) -> None:
    ours, reference = _environments(fmt)
    variables = {
        "values": ["<a>", Markup("<i>x</i>"), 3, None, 2.5, "a_b*c"],
        "extra": ["p", "<q>"],
        "obj": _Obj(),
        "state": PageState("sv", fmt, "measures/m-1"),
    }
    expected = reference.get_template("page.html").render(variables)
    got = ours.get_template("page.html").render(variables)
    assert got == expected
    assert "&lt;a&gt;" in got or r"\<a\>" in got  # data is escaped for the format
    assert "svlacks1" in got


def test_callables_still_meet_the_sandbox() -> None:
    ours, _ = _environments("html")

    @unsafe
    def dangerous() -> str:
        return "ran"

    def alters() -> str:
        return "ran"

    alters.alters_data = True  # type: ignore[attr-defined]
    for fn in (dangerous, alters):
        with pytest.raises(SecurityError):
            ours.from_string("{{ f() }}").render(f=fn)
    with pytest.raises(SecurityError):
        ours.from_string("{{ '{0.__class__}'.format(x) }}").render(x="s")


def test_private_attributes_of_data_classes_stay_closed() -> None:
    ours, _ = _environments("html")
    state = PageState("fi", "html", "index")
    with pytest.raises(SecurityError):
        ours.from_string("{{ s.__class__ }}").render(s=state)
    with pytest.raises(SecurityError):
        ours.from_string("{{ s.__init__.__globals__ }}").render(s=state)
