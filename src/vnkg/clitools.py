"""What every command shares: the --store context, --format, and errors as one line."""
from __future__ import annotations

import functools
import os
import sys

import click

from vnkg.output import FORMATS


class UserError(click.ClickException):
    """One line for the user, exit 1."""

    def show(self, file=None):
        click.echo(f"vnkg: error: {self.format_message()}", err=True)


def user_errors(fn):
    """Known failures become one line and exit 1; anything else one line and exit 2, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from vnkg.queries import QueryError
        from vnkg.read import InputError
        from vnkg.store import StoreError

        try:
            return fn(*args, **kwargs)
        except (StoreError, QueryError, InputError) as e:
            raise UserError(str(e)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        except OSError as e:  # a file the user named (-o, a .rq) cannot be read or written: theirs to fix
            if os.environ.get("VNKG_DEBUG"):
                raise
            where = f"{e.filename}: " if e.filename else ""
            raise UserError(f"{where}{e.strerror or _first(e)}") from None
        except Exception as e:  # noqa: BLE001 — last resort: one line, never a traceback
            if os.environ.get("VNKG_DEBUG"):
                raise
            click.echo(f"vnkg: internal error: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} "
                       "(set VNKG_DEBUG=1 for the traceback)", err=True)
            sys.exit(2)

    return wrapper


def _first(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def format_option(fn):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="How rows are printed.")(fn)


def open_from_context(ctx: click.Context, read_only: bool = False, defer_reference: bool = False):
    from vnkg.store import open_store

    return open_store(ctx.obj["store"], read_only=read_only, defer_reference=defer_reference)
