"""Writing the YAML tree without losing a thing: exact edits, validated, atomic.

``ops`` says what changes, ``patch`` (exact) or ``roundtrip`` (ruamel.yaml) writes
it into the text, ``engine`` checks the result reads back as intended, ``atomic``
writes it safely, ``checks`` refuses edits that lint would flag, and ``service``
ties it together for ``ictgov update`` and ``ictgov import``.
"""
