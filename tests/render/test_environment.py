"""A template cannot make the renderer hang or eat the memory (issue 13, case 7): loops, ranges,
powers, string sizes are bounded, include/import/extends get a Vietnamese message; render and
template check answer with a message, in seconds (certificates: tests/certificates/test_compiled.py)."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner
from docx import Document
from testpaths import SAMPLES

from ocop_docs.cli import main
from ocop_docs.render.environment import MAX_STRING, TemplateLimit, make_environment
from ocop_docs.render.templates import template_path

HOSTILE = {
    "nested-range": ("{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}", "vòng lặp"),
    "nested-data": ("{% for a in d %}{% for b in d %}{% for c in d %}{% for e in d %}{% endfor %}{% endfor %}"
                    "{% endfor %}{% endfor %}", "vòng lặp"),
    "big-range": ("{{ range(99999999)|length }}", "range"),
    "power": ("{{ (9**999999999) > 1 }}", "lũy thừa"),
    "string-times": ("{{ 'A'*100000000 }}", "phép nhân chuỗi"),
    "number-times": ("{% set ns = namespace(x=10**3000) %}{% for i in range(20) %}{% set ns.x = ns.x * ns.x %}"
                     "{% endfor %}{{ ns.x > 1 }}", "số quá lớn"),
    "doubling": ("{% set ns = namespace(s='A') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
                 "namespace"),
    "recursive-macro": ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('a') }}", "đối số"),
    "center": ("{{ 'a'|center(100000000) }}", "center"),
    "method": ("{{ 'a'.ljust(100000000) }}", "phương thức chuỗi"),
    "percent-width": ("{{ '%100000000s' % 'a' }}", "định dạng"),
    "format-width": ("{{ '{:>100000000}'.format(1) }}", "định dạng"),
    "replace": ("{{ ('a'*1000)|replace('a', 'b'*10000) }}", "replace"),
    "join": ("{{ range(10000)|join('x'*1000) }}", "join"),
    "include": ("{% include 'khac.docx' %}", "include/import/extends"),
    "import": ("{% import 'khac.docx' as k %}", "include/import/extends"),
    "extends": ("{% extends 'khac.docx' %}", "include/import/extends"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_each_hostile_template_is_refused_quickly(case):
    source, words = HOSTILE[case]
    started = time.monotonic()
    with pytest.raises(TemplateLimit, match=words):
        make_environment().from_string(source).render(d=list(range(100)))
    assert time.monotonic() - started < 5


def test_ordinary_templates_are_not_limited():
    env = make_environment()
    source = ("{% for i in range(3) %}{{ i }}{% endfor %}|{{ 2**64 }}|{{ 'ab'*3 }}|{{ rows|join(', ') }}|"
              "{% set ns = namespace(n=0) %}{% for r in rows %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}|"
              "{{ '%05d' % 42 }}|{{ '{:>6}'.format('x') }}|{{ 'a b'|replace(' ', '-') }}|{{ 'x'|center(5) }}")
    assert env.from_string(source).render(rows=["a", "b"]) == (
        "012|18446744073709551616|ababab|a, b|2|00042|     x|a-b|  x  ")
    many = [str(i) for i in range(5000)]
    assert len(env.from_string("{% for a in m %}{{ a }}{% endfor %}").render(m=many)) > 10_000
    assert len(env.from_string("{{ s }}").render(s="x" * MAX_STRING)) == MAX_STRING  # data is not limited here


def hostile_template(tmp_path, source: str, kind: str = "plan"):
    document = Document(str(template_path(kind)))
    document.paragraphs[0].insert_paragraph_before(source)
    path = tmp_path / f"doc-hai-{kind}.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("case", ["nested-range", "power", "string-times", "include"])
def test_render_with_a_hostile_template_exits_3_with_a_message(case, tmp_path):
    template = hostile_template(tmp_path, HOSTILE[case][0])
    out = tmp_path / "ra.docx"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o", str(out),
                                       "--template", str(template)])
    assert time.monotonic() - started < 20
    assert result.exit_code == 3, result.output
    assert f"Lỗi mẫu văn bản {template}" in result.output and HOSTILE[case][1] in result.output
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.parametrize("case", ["nested-range", "power", "string-times", "include"])
def test_template_check_reports_a_hostile_template(case, tmp_path):
    template = hostile_template(tmp_path, HOSTILE[case][0])
    started = time.monotonic()
    result = CliRunner().invoke(main, ["template", "check", str(template), "--kind", "plan",
                                       "--data", str(SAMPLES / "plans" / "ben-cau-2024.yaml")])
    assert time.monotonic() - started < 30
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert HOSTILE[case][1] in result.output, result.output

