"""The project's own error types: each prints as one line naming the file (and line or key)."""
from __future__ import annotations


class ClaimcheckError(Exception):
    """A problem with the user's input or environment, shown as `path:line: message`.

    >>> str(ClaimcheckError("unknown key 'titel'", path="corpus.toml", line=3))
    "corpus.toml:3: unknown key 'titel'"
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, hint: str = ""):
        self.message, self.path, self.line, self.hint = message, path, line, hint
        super().__init__(str(self))

    def __str__(self) -> str:
        r"""One line, whatever a file name or a quoted value holds.

        >>> print(ClaimcheckError("no such corpus folder", path="a\nb", hint="give the folder"))
        a\nb: no such corpus folder (give the folder)
        """
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        text = f"{text} ({self.hint})" if self.hint else text
        # A line break in a name would split the message and break `grep`-able, one-line errors.
        return text.replace("\r", "\\r").replace("\n", "\\n")


class CorpusError(ClaimcheckError):
    """The corpus folder or its manifest cannot be used."""


class CatalogError(ClaimcheckError):
    """The catalog of entities and topics cannot be used."""


class SourceReadError(ClaimcheckError):
    """One source file cannot be read; the others go on unless --strict."""


class OutputError(ClaimcheckError):
    """The report cannot be written."""


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) while claimcheck runs: the command line exits 130 with one line.

    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it; but not a
    KeyboardInterrupt, which click would turn into a blank line and a silent abort.

    >>> issubclass(Interrupted, Exception)
    False
    """

    exit_code = 130


# Set by the command line's SIGINT handler. The handler also raises Interrupted, but an
# exception raised where Python cannot pass it on (inside a __del__, as the regex module's
# pattern compiler runs them) is printed and dropped: the run would go on and finish. So the
# long steps also ask this flag at points where stopping is safe.
_interrupt_requested = [False]


def request_interrupt() -> None:
    """Note a Ctrl-C, for `stop_if_interrupted` to act on even if its exception was lost."""
    _interrupt_requested[0] = True


def stop_if_interrupted() -> None:
    """Raise Interrupted if a Ctrl-C came, whatever became of the exception its handler raised.

    >>> stop_if_interrupted()  # none came
    """
    if _interrupt_requested[0]:
        raise Interrupted()

