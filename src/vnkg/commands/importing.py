"""`vnkg import SOURCE FILE`: reference sources (Wikipedia officials, EveryPolitician) as graphs of their own."""
from __future__ import annotations

from pathlib import Path

import click

from vnkg.clitools import UserError, open_from_context, user_errors


@click.group("import")
def importing() -> None:
    """Import a reference source into a named graph of its own (replaced on re-import).

    Persons found there are linked to the persons the news names (see `vnkg identity review`).

    \b
    Example:
      vnkg import wikipedia-officials ../shared/reference/wikipedia-officials/politicians_data_normalized.json.gz
      vnkg import everypolitician ../shared/reference/everypolitician-na13/term-13_subset.csv
    """


def _run(ctx: click.Context, file: Path, read, graph: str, what: str) -> None:
    from vnkg.imports import ImportError_, import_graph

    if not file.is_file():
        raise UserError(f"{file}: no such file")
    try:
        quads = read(file)
    except ImportError_ as e:
        raise UserError(str(e)) from None
    with open_from_context(ctx) as store:
        n = import_graph(store, graph, quads)
    persons = sum(1 for q in quads if q.predicate.value.endswith("#type") and q.object.value == "http://schema.org/Person")
    click.echo(f"{what}: {persons} persons, {n} statements in <{graph}>; identities re-resolved", err=True)


@importing.command("wikipedia-officials")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@user_errors
def wikipedia_officials(ctx, file):
    """Officials from Vietnamese Wikipedia infoboxes (political-net's normalised JSON, .json or .json.gz).

    Offices become holdings with start and end dates, predecessor and successor; CC BY-SA 4.0,
    attributed to Wikipedia contributors in the graph.

    \b
    Example:
      vnkg import wikipedia-officials ../shared/reference/wikipedia-officials/politicians_data_normalized.json.gz
    """
    from vnkg.imports import read_wikipedia
    from vnkg.resolve import WIKIPEDIA_GRAPH

    _run(ctx, file, read_wikipedia, WIKIPEDIA_GRAPH, "wikipedia-officials")


@importing.command("everypolitician")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@user_errors
def everypolitician(ctx, file):
    """Deputies of the 13th National Assembly (EveryPolitician CSV: name, area, gender, wikidata).

    \b
    Example:
      vnkg import everypolitician ../shared/reference/everypolitician-na13/term-13_subset.csv
    """
    from vnkg.imports import read_everypolitician
    from vnkg.resolve import EVERYPOLITICIAN_GRAPH

    _run(ctx, file, read_everypolitician, EVERYPOLITICIAN_GRAPH, "everypolitician")
