"""The reporting round: ask every measure owner for a status update, and collect it.

``owners`` decides who is asked for what and at which address; ``workbook`` and
``message`` write what each owner receives; ``store`` keeps the round file
(``data/rounds/<id>.yaml``) through the atomic writer; ``start``, ``send``,
``collect`` and ``state`` are the four steps the ``ictgov round`` commands run.
"""
