"""The Jinja2 environment of the scaffold templates, with a filter for YAML scalars."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _yaml_scalar(value: Any) -> str:
    from ictgov.edit.render import scalar

    return scalar(value)


@cache
def environment() -> Any:
    """Templates from ``templates/``: undefined variables are errors, newlines kept."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML, TOML and Markdown, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["y"] = _yaml_scalar
    return env


def render(template: str, **context: Any) -> str:
    """Render *template* with *context*."""
    text: str = environment().get_template(template).render(**context)
    return text
