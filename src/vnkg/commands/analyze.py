"""`vnkg analyze` and `vnkg export-network`: networkx over the person–post and person–event
projections (vnkg.network), printed as tables like any query."""
from __future__ import annotations

from pathlib import Path

import click

from vnkg.clitools import format_option, open_from_context as _store, user_errors as _user_errors
from vnkg.output import write_rows

_PROJECTION = click.option("--over", "projection", type=click.Choice(["both", "post", "event"]), default="both",
                           show_default=True, help="Link persons through posts, events or both.")


@click.group()
def analyze() -> None:
    """Network analysis of who is linked to whom through posts held and events attended.

    \b
    Example:
      vnkg analyze centrality --top 10
      vnkg analyze path "Nguyễn Văn An" "Lò Văn Bình"
    """


def _person_graph(ctx, projection: str):
    """The person–post–event graph of the store, over the chosen projection."""
    from vnkg import network

    with _store(ctx, read_only=True) as store:
        return network.bipartite(*network.fetch(store, projection))


@analyze.command()
@_PROJECTION
@click.option("--top", type=int, default=20, show_default=True, help="How many persons (0: all).")
@format_option
@click.pass_context
@_user_errors
def centrality(ctx, projection, top, fmt):
    """Persons ranked by betweenness (then PageRank) in the person–post–event graph.

    Also their numbers of posts, events and co-members (persons sharing a post or an event).
    Betweenness is exact up to 1,500 nodes, sampled beyond (fixed seed).

    \b
    Example:
      vnkg analyze centrality --over event --top 10 --format csv
    """
    from vnkg import network

    g = _person_graph(ctx, projection)
    cols, rows = network.centrality(g, top=top or None)
    write_rows(cols, rows, fmt)


@analyze.command()
@_PROJECTION
@click.option("--min-size", type=int, default=2, show_default=True, help="Smallest community listed.")
@format_option
@click.pass_context
@_user_errors
def communities(ctx, projection, min_size, fmt):
    """Groups of persons who share posts and events (Louvain, fixed seed), largest first.

    \b
    Example:
      vnkg analyze communities --over event
    """
    from vnkg import network

    g = _person_graph(ctx, projection)
    cols, rows = network.communities(g, min_size=min_size)
    write_rows(cols, rows, fmt)


@analyze.command()
@click.argument("a")
@click.argument("b")
@_PROJECTION
@format_option
@click.pass_context
@_user_errors
def path(ctx, a, b, projection, fmt):
    """The shortest chain of shared posts and events from person A to person B (names or IRIs),
    each step with its article and evidence sentence.

    \b
    Example:
      vnkg analyze path "Nguyễn Văn An" "Lò Văn Bình"
    """
    from vnkg import network

    g = _person_graph(ctx, projection)
    cols, rows = network.path(g, a, b)
    write_rows(cols, rows, fmt)


@analyze.command("co-attendance")
@click.option("--min", "min_events", type=int, default=1, show_default=True, help="Fewest shared events listed.")
@click.option("--top", type=int, default=0, help="How many pairs (0: all).")
@format_option
@click.pass_context
@_user_errors
def co_attendance(ctx, min_events, top, fmt):
    """Pairs of persons who took part in the same events, most shared first, with dates and titles.

    \b
    Example:
      vnkg analyze co-attendance --min 2 --format csv
    """
    from vnkg import network

    with _store(ctx, read_only=True) as store:
        _, participations = network.fetch(store, "event")
    cols, rows = network.co_attendance(participations, min_events=min_events, top=top or None)
    write_rows(cols, rows, fmt)


@click.command("export-network")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="gexf", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write.")
@click.pass_context
@_user_errors
def export_network(ctx, fmt, output):
    """Persons, posts, organisations, provinces and events as GraphML or GEXF, for Gephi and others.

    One edge per holding and per participation as an article states it, with status, term,
    role, source and evidence; holdings carry start and end dates (GEXF: dynamic spells, so
    Gephi's timeline shows who held which post when).

    \b
    Example:
      vnkg export-network --format gexf -o officials.gexf
    """
    from vnkg import network

    with _store(ctx, read_only=True) as store:
        g = network.export_graph(*network.fetch(store, "both"))
    network.write_network(g, fmt, output)
    click.echo(f"{g.number_of_nodes()} nodes and {g.number_of_edges()} edges written to {output}", err=True)
