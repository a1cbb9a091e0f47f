"""`vnkg view`: graph views as one self-contained HTML file (vnkg.subgraph fetches, vnkg.view draws)."""
from __future__ import annotations

from pathlib import Path

import click

from vnkg.clitools import open_from_context as _store, user_errors as _user_errors


@click.group()
def view() -> None:
    """Write a graph view of a person, post, province, document, event or query as one HTML file.

    The page works with no network: search by name, a legend with counts that filters node and
    edge types, the evidence sentence, article and date on hovering an edge, the neighbourhood on
    clicking a node, and a date control that shows who held which post on that day.

    \b
    Example:
      vnkg view person "Nguyễn Văn An" -o an.html
      vnkg view province "Tuyên Quang"
      vnkg view query positions -o positions.html
    """


def _output(kind: str, name: str, output: Path | None) -> Path:
    if output:
        return output
    from vnkg.iri import slug

    return Path(f"vnkg-{kind}-{slug(name.rsplit('/', 1)[-1])[:60]}.html")


def _entity_command(kind: str, example: str):
    @click.argument("name")
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                  help="Where to write the page (default: vnkg-KIND-NAME.html).")
    @click.pass_context
    @_user_errors
    def command(ctx, name, output):
        from vnkg.view import view_html

        with _store(ctx, read_only=True) as store:
            page = view_html(store, kind, name)
        out = _output(kind, name, output)
        out.write_text(page, encoding="utf-8")
        click.echo(f"graph view written to {out}", err=True)

    command.__doc__ = (f"The {kind} NAME (a label, where it names one {kind}, or an IRI) and what surrounds it.\n\n"
                       f"\b\nExample:\n  {example}\n")
    return view.command(kind)(command)


_entity_command("person", 'vnkg view person "Nguyễn Văn An" -o an.html')
_entity_command("post", 'vnkg view post "Bí thư Tỉnh ủy Tuyên Quang"')
_entity_command("province", 'vnkg view province "Tuyên Quang" -o tuyen-quang.html')
_entity_command("document", 'vnkg view document 14-KL/TW')
_entity_command("event", 'vnkg view event https://w3id.org/vnkg/id/event/a01-1a2b3c-1')


@view.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE", help="A query parameter.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page (default: vnkg-query-NAME.html).")
@click.pass_context
@_user_errors
def view_query(ctx, name, params, output):
    """Any canned query (by NAME), .rq file or SPARQL text, SELECT or CONSTRUCT, drawn as a graph.

    CONSTRUCT: IRIs become nodes and triples between them edges. SELECT: in each row the first IRI
    column is linked to every other value, so rows that share a value (a province, a title) meet.

    \b
    Example:
      vnkg view query positions -o positions.html
      vnkg view query holders -p title "Bí thư Tỉnh ủy" -p province "Tuyên Quang" -p date 2021-01-01
      vnkg view query 'CONSTRUCT { ?h org:member ?p ; vnkg:post ?post } WHERE { ?h org:member ?p ; vnkg:post ?post }'
    """
    from vnkg.view import query_view_html

    with _store(ctx, read_only=True) as store:
        page = query_view_html(store, name, dict(params))
    out = output or _output("query", name if len(name) < 60 else "adhoc", None)
    out.write_text(page, encoding="utf-8")
    click.echo(f"graph view written to {out}", err=True)
