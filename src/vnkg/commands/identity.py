"""`vnkg identity …`: who is who across articles — re-resolve, review, and record judgements."""
from __future__ import annotations

from pathlib import Path

import click

from vnkg.clitools import UserError, format_option, open_from_context, user_errors
from vnkg.output import write_rows


@click.group("identity")
def identity() -> None:
    """One person across articles: resolution, review of likely duplicates and conflicts, judgements.

    \b
    Example:
      vnkg identity review
      vnkg identity judge judgements.csv
    """


@identity.command("resolve")
@click.pass_context
@user_errors
def resolve_cmd(ctx):
    """Recompute every person's identity from the store (load and import do this already).

    \b
    Example:
      vnkg --store my-graph identity resolve
    """
    from vnkg.resolve import resolve_store

    with open_from_context(ctx) as store:
        res = resolve_store(store)
    members = sum(len(c.members) for c in res.clusters)
    click.echo(f"{members} mentions and records → {len(res.clusters)} persons "
               f"({len(res.ambiguous)} ambiguous, {len(res.apart)} namesake pairs kept apart)", err=True)
    for p in res.judgement_problems:
        click.echo(f"vnkg: warning: {p}", err=True)


@identity.command("review")
@click.option("--kind", multiple=True,
              type=click.Choice(["seat-conflict", "kept-apart", "ambiguous", "spelling", "name-only"]),
              help="Only these kinds of row (repeatable).")
@format_option
@click.pass_context
@user_errors
def review(ctx, kind, fmt):
    """List what a reviewer should check: namesakes kept apart, ambiguous mentions, names joined on the
    name alone, spellings that differ only in diacritics, and single-seat posts with two current holders.

    `a` and `b` are written as a judgements file names them (ARTICLE_ID#Name, wikipedia:ID), so a
    row can be copied into it with `same` or `different`.

    \b
    Example:
      vnkg identity review --kind kept-apart --format csv
    """
    from vnkg import queries
    from vnkg.resolve import _mergers, cluster, read_items, read_judgements, review_rows

    with open_from_context(ctx, read_only=True) as store:
        res = cluster(read_items(store), _mergers(store), read_judgements(store))
        q = queries.get("conflicts")
        conflicts = store.query(q.sparql, q.bindings({})).dicts()
    rows = review_rows(res, conflicts)
    if kind:
        rows = [r for r in rows if r["kind"] in kind]
    write_rows(["kind", "name", "a", "b", "detail"], rows, fmt)


@identity.command("judge")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@user_errors
def judge(ctx, file):
    """Replace the store's judgements with FILE (CSV: judgement,a,b[,note]) and re-resolve.

    judgement is `same` or `different`; a and b name a mention as ARTICLE_ID#Name (the name as
    the article writes it), a Wikipedia record as wikipedia:PAGE_ID, or any mention by its IRI.
    Judgements live in a graph of their own, so they survive reloads of the articles.

    \b
    Example:
      printf 'judgement,a,b,note\\nsame,a02#Nguyễn Văn A,a07#Nguyễn Văn A,same career\\n' > j.csv
      vnkg identity judge j.csv
    """
    from vnkg.resolve import JudgementError, parse_judgements, resolve_store, store_judgements

    if not file.is_file():
        raise UserError(f"{file}: no such file")
    try:
        judgements = parse_judgements(file.read_text(encoding="utf-8"))
    except (JudgementError, UnicodeDecodeError) as e:
        raise UserError(f"{file}: {e}") from None
    with open_from_context(ctx) as store:
        n = store_judgements(store, judgements)
        res = resolve_store(store)
    click.echo(f"{n} judgements stored; {len(res.clusters)} persons", err=True)
    for p in res.judgement_problems:
        click.echo(f"vnkg: warning: {p}", err=True)
