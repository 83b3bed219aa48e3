"""One library call per command: options in, an outcome out, nothing printed.

``cli/`` parses a command's options into the options object of its module here,
calls its one function and prints what comes back (``lint`` has the same in
``lint/run.py``). These modules sit above ``views/``, ``history/`` and ``exchange/``,
whose work they combine, and below ``cli/``.
"""
