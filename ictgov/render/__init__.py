"""Renderers over the views: terminal (rich), Markdown and HTML (jinja2)."""
