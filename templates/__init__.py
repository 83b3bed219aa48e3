"""Built-in report templates, installed as the package ``ictgov._templates``.

This file only makes the folder importable in an editable install; the templates
are data (``html/``, ``md/``) read with ``jinja2.PackageLoader``.
"""
