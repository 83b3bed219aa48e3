"""New files from templates: ``ictgov new measure|meeting|goal`` and ``ictgov init``.

Templates (Jinja2, under ``templates/``) write the YAML a person would write, with
the editor-schema line at the top and comments where something must be filled in.
New files are created atomically and never overwrite an existing file.
"""
