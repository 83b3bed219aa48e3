"""Jinja code generation for the report sandbox: the same checks, fewer Python calls.

A big site prints hundreds of thousands of ``{{ }}`` values and calls as many
helpers and macros, and Jinja's generated code spends most of its time in the
generic machinery around them, not in the helpers. This generator emits code that
decides the same things more cheaply:

- a printed value goes through one ``environment.output(value)`` instead of
  ``escape(environment.finalize(value))``; the function is given by the renderer
  and must return the same text (it only skips building intermediate ``Markup``
  objects);
- ``obj.attr`` on ictgov's own data classes reads the attribute directly, without
  a call into the sandbox, whose verdict for them is known (see ``visit_Getattr``);
- a call to a template macro or to one of ictgov's own helpers (the objects
  :meth:`ReportSandbox.trust` registered, held alive by the environment) is made
  directly; anything else still goes through the sandbox's ``environment.call``
  with its safety check, exactly as before.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst

#: The environment attribute holding the combined finalize-and-escape function.
OUTPUT = "output"


class ReportCodeGenerator(CodeGenerator):
    """Jinja's code generator with cheaper output and direct trusted calls."""

    def _fast_output(self, frame: Frame) -> bool:
        return (
            getattr(self.environment, OUTPUT, None) is not None
            and not frame.eval_ctx.volatile
            and bool(frame.eval_ctx.autoescape)
            and self._make_finalize().src == "environment.finalize("
        )

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._fast_output(frame):
            self.write(f"environment.{OUTPUT}(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._fast_output(frame):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """``obj.attr``: read directly from the data classes the sandbox has vetted.

        ``environment.plain_types`` holds the types for which the sandbox allows every
        attribute not starting with an underscore (see ``ReportSandbox.getattr``), so
        for them a public name is read as Python reads it; a missing attribute, any
        other type and any private name go through ``environment.getattr`` as before.
        """
        if self.environment.is_async or node.attr.startswith("_"):
            super().visit_Getattr(node, frame)
            return
        obj, value = self.temporary_identifier(), self.temporary_identifier()
        self.write(f"({value} if type({obj} := ")
        self.visit(node.node, frame)
        self.write(
            f") in environment.plain_types and ({value} := getattr({obj}, {node.attr!r}, "
            f"missing)) is not missing else environment.getattr({obj}, {node.attr!r}))"
        )

    @optimizeconst
    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        """``f(args)``: straight to *f* if it is a macro or a trusted helper.

        The callee is evaluated once into a temporary and tested; otherwise
        ``environment.checked`` returns a function that sends the same arguments
        through the sandbox's ``call`` (with the loop and block variables Jinja
        passes to context-taking callables). The arguments are evaluated once,
        after the callee, as in Jinja's own code.
        """
        if self.environment.is_async or not self.environment.sandboxed:
            super().visit_Call(node, frame, forward_caller)
            return
        temp = self.temporary_identifier()
        extra = []
        if frame.loop_frame:
            extra.append("_loop_vars=_loop_vars")
        if frame.block_frame:
            extra.append("_block_vars=_block_vars")
        self.write(f"({temp} if type({temp} := ")
        self.visit(node.node, frame)
        self.write(
            f") is Macro or id({temp}) in environment.trusted_ids else "
            f"environment.checked(context, {temp}{''.join(', ' + e for e in extra)}))("
        )
        # ``signature`` writes ", " before every argument: write them apart, drop the first.
        outer, self.stream = self.stream, StringIO()
        try:
            self.signature(node, frame, {"caller": "caller"} if forward_caller else None)
            arguments = self.stream.getvalue()
        finally:
            self.stream = outer
        self.write(arguments.removeprefix(", ") + ")")
