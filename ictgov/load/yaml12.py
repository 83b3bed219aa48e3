"""Fast YAML 1.2 reading with positions, on libyaml's composer.

ruamel.yaml round-trip is exact but about 15 times slower; it belongs to editing.
Here libyaml composes the node graph (C speed, with marks) and we construct plain
Python values ourselves by the YAML 1.2 core schema, as ruamel.yaml does: ``no``,
``on`` and ``yes`` stay strings, ``010`` is ten, ``12:30`` is a string. Dates stay
ISO strings; the models parse them. Duplicate keys, alias bombs and recursive
aliases are reported as problems instead of being silently accepted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ictgov.i18n import N_
from ictgov.load.sourcemap import DataPath, Position, SourceMap
from ictgov.load.syntaxhint import explain as explain_syntax

try:  # libyaml is part of every PyYAML wheel; fall back to pure Python if missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Upper bound of values constructed from one file: stops "billion laughs" alias bombs.
MAX_NODES = 200_000
#: Deepest nesting of lists and mappings accepted. Real files nest about six levels;
#: hundreds exhaust Python's stack in every later step (validation, views, JSON).
MAX_DEPTH = 100

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT10 = re.compile(r"[-+]?_*[0-9][0-9_]*\Z")
_INT8 = re.compile(r"0o[0-7_]+\Z")
_INT16 = re.compile(r"0x[0-9a-fA-F_]+\Z")
_INT2 = re.compile(r"0b[01_]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
#: First characters of every plain scalar that is not a string in the core schema.
_MAYBE_SPECIAL = frozenset("0123456789+-.~nNtTfF")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


@dataclass(slots=True)
class YamlProblem:
    """Something wrong with the YAML itself, at a 1-based position."""

    kind: str  # "syntax" | "duplicate-key" | "aliases"
    message: str  # an English msgid, filled with ``args`` when shown
    line: int
    column: int
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ParsedYaml:
    """The data of one document, its source map, and what was wrong with it."""

    data: Any
    source_map: SourceMap
    problems: list[YamlProblem] = field(default_factory=list)


def resolve_plain(text: str) -> Any:
    """Value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if text and text[0] not in _MAYBE_SPECIAL:
        return text  # most keys and texts: no need to try every pattern
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    try:  # digits may be grouped with '_' (1_000); ruamel.yaml drops every '_'
        if _INT10.match(text):
            return int(text.replace("_", ""))
        if _INT8.match(text):
            return int(text[2:].replace("_", ""), 8)
        if _INT16.match(text):
            return int(text[2:].replace("_", ""), 16)
        if _INT2.match(text):  # not in the core schema, but ruamel.yaml reads it
            return int(text[2:].replace("_", ""), 2)
        if _FLOAT.match(text):
            return float(text.replace("_", ""))
    except ValueError:  # e.g. '0o_': nothing left to convert, so it is a string
        return text
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


class _Composer(_Loader):
    """libyaml's composer without PyYAML's YAML 1.1 tag resolution, which we redo anyway.

    PyYAML calls back into Python to resolve a tag for every node, running the YAML 1.1
    regular expressions; skipping that halves the time to compose a file.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class _Builder:
    """Turns composed nodes into Python values, recording a position for every path."""

    def __init__(self, record: bool = True) -> None:
        self.smap = SourceMap()
        self.positions = self.smap.positions
        #: False: values only, no positions (the parse cache rebuilds them when needed).
        self.record = record
        self.problems: list[YamlProblem] = []
        self.count = 0
        self.depth = 0
        self.active: set[int] = set()

    def build(self, node: yaml.Node, path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes
        if type(node) is yaml.ScalarNode:
            if not node.style:  # plain: libyaml says "" (pure-Python PyYAML says None)
                return resolve_plain(node.value)
            return node.value
        key = id(node)
        if key in self.active:
            mark = node.start_mark
            self.problems.append(
                YamlProblem(
                    "aliases",
                    "an alias refers to the node that contains it; remove the recursion",
                    mark.line + 1,
                    mark.column + 1,
                )
            )
            return None
        if self.depth >= MAX_DEPTH:
            raise _TooDeep(node.start_mark)
        self.active.add(key)
        self.depth += 1
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, path)
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
        finally:
            self.depth -= 1
            self.active.discard(key)
        return None  # pragma: no cover - libyaml has only three node kinds

    def _sequence(self, node: yaml.SequenceNode, path: DataPath) -> list[Any]:
        out: list[Any] = []
        positions = self.positions
        if not self.record:
            return [self.build(item, path) for item in node.value]
        for index, item in enumerate(node.value):
            sub = (*path, index)
            mark = item.start_mark
            line, column = mark.line + 1, mark.column + 1
            positions[sub] = Position(line, column, line, column)
            out.append(self.build(item, sub))
        return out

    def _mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        seen: dict[Any, int] = {}
        positions = self.positions
        for key_node, value_node in node.value:
            if type(key_node) is yaml.ScalarNode:
                self.count += 1
                key = key_node.value if key_node.style else resolve_plain(key_node.value)
            else:
                raw_key = self.build(key_node, path)
                key = raw_key if _hashable(raw_key) else str(raw_key)
            kmark = key_node.start_mark
            if key in seen:
                self.problems.append(
                    YamlProblem(
                        "duplicate-key",
                        N_(
                            "the key '{key}' appears twice here (first on line {first}); keep "
                            "one of them"
                        ),
                        kmark.line + 1,
                        kmark.column + 1,
                        {"key": str(key), "first": seen[key]},
                    )
                )
                continue
            seen[key] = kmark.line + 1
            if not self.record:
                out[key] = self.build(value_node, path)
                continue
            sub = (*path, key)
            vmark = value_node.start_mark
            positions[sub] = Position(
                kmark.line + 1, kmark.column + 1, vmark.line + 1, vmark.column + 1
            )
            out[key] = self.build(value_node, sub)
        return out


class _TooManyNodes(Exception):
    pass


class _TooDeep(Exception):
    """Nesting beyond ``MAX_DEPTH``; carries the mark of the node that went too deep."""

    def __init__(self, mark: Any = None) -> None:
        super().__init__()
        self.mark = mark


def _too_deep(mark: Any) -> YamlProblem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlProblem(
        "syntax",
        N_(
            "lists and mappings are nested more than {depth} levels deep; flatten the data "
            "(a strategy file needs only a few levels)"
        ),
        line,
        column,
        {"depth": MAX_DEPTH},
    )


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def parse_yaml(text: str, *, positions: bool = True) -> ParsedYaml:
    """Parse one YAML document. Never raises for bad input: problems are returned.

    With ``positions=False`` the source map stays empty, which saves a third of the
    time; the parse cache uses it and rebuilds a file's map only for a finding.
    """
    try:
        node = yaml.compose(text, Loader=_Composer)
    except RecursionError:  # libyaml's composer recurses once per level of nesting
        return ParsedYaml(None, SourceMap(), [_too_deep(None)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        cmark = exc.context_mark or mark
        opened = (cmark.line + 1, cmark.column + 1) if cmark else (line, column)
        msgid, args = explain_syntax(
            exc.problem or "", exc.context or "", text, line, column, opened
        )
        return ParsedYaml(None, SourceMap(), [YamlProblem("syntax", msgid, line, column, args)])
    except yaml.YAMLError:
        msgid, args = explain_syntax("", "", text, 1, 1, (1, 1))
        return ParsedYaml(None, SourceMap(), [YamlProblem("syntax", msgid, 1, 1, args)])
    builder = _Builder(record=positions)
    builder.smap.add((), Position(1, 1, 1, 1))
    if node is None:
        return ParsedYaml(None, builder.smap)
    mark = node.start_mark
    builder.smap.add((), Position(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1))
    try:
        data = builder.build(node, ())
    except _TooDeep as exc:
        return ParsedYaml(None, builder.smap, [_too_deep(exc.mark)])
    except _TooManyNodes:
        return ParsedYaml(
            None,
            builder.smap,
            [
                YamlProblem(
                    "aliases",
                    N_(
                        "the document expands to more than {n} values through aliases; write "
                        "the data out instead of repeating anchors"
                    ),
                    mark.line + 1,
                    mark.column + 1,
                    {"n": MAX_NODES},
                )
            ],
        )
    return ParsedYaml(data, builder.smap, builder.problems)
