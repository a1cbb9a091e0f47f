"""The command line: a thin layer over the library (vnkg.load, vnkg.queries, vnkg.store …)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from vnkg import __version__, data_path
from vnkg.clitools import UserError, format_option, open_from_context as _store, user_errors as _user_errors
from vnkg.output import write_rows



@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", envvar="VNKG_STORE", default="vnkg-data", show_default=True, metavar="PATH_OR_URL",
              help="A folder (embedded Oxigraph), ':memory:', or a SPARQL endpoint URL. Env: VNKG_STORE.")
@click.version_option(__version__, prog_name="vnkg")
@click.pass_context
def cli(ctx: click.Context, store: str) -> None:
    """vnkg: Vietnamese political news into a knowledge graph of officials, posts,
    documents and events, every fact traceable to its sentence.

    \b
    Example:
      vnkg --store my-graph load articles.jsonl
      vnkg --store my-graph query positions --format csv
    """
    ctx.ensure_object(dict)
    ctx.obj["store"] = store


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract articles even when their text and the extractor are unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
@_user_errors
def load(ctx, files, force, quiet):
    """Load articles (.jsonl, .txt, .html, gzipped or not) into the store.

    Each article becomes one named graph; loading it again replaces exactly its facts,
    and an unchanged article is skipped, so an interrupted load resumes. Bad records
    are reported one line each and skipped.

    \b
    Example:
      vnkg --store my-graph load ../shared/corpus/dev.jsonl notes/*.txt
    """
    from vnkg.load import load_files

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UserError(f"{missing[0]}: no such file" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    with _store(ctx, defer_reference=True) as store:
        if quiet or not sys.stderr.isatty():
            report = load_files(store, files, force=force)
        else:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            with Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          transient=True) as bar:
                task = bar.add_task("load", total=None)
                report = load_files(store, files, force=force, progress=lambda n: bar.advance(task, n))
    for problem in report.skipped:
        click.echo(f"vnkg: skipped {problem}", err=True)
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("name")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE", help="A query parameter.")
@format_option
@click.pass_context
@_user_errors
def query(ctx, name, params, fmt):
    """Run a canned query from queries/ (see `vnkg queries`).

    Parameters are bound as RDF terms, never pasted into the query text.

    \b
    Example:
      vnkg query positions --format csv
      vnkg query holders -p title "Bí thư Tỉnh ủy" -p province "Tuyên Quang" -p date 2021-01-01
    """
    from vnkg import queries

    q = queries.get(name)
    bindings = q.bindings(dict(params))
    with _store(ctx, read_only=True) as store:
        result = store.query(q.sparql, bindings)
    write_rows(result.variables, result.dicts(), fmt)


@cli.command("queries")
@format_option
@_user_errors
def list_queries(fmt):
    """List the canned queries with their summaries and parameters.

    \b
    Example:
      vnkg queries
    """
    from vnkg import queries

    rows = [{"name": q.name, "summary": q.summary,
             "params": ", ".join(f"{p.name} ({p.type}{'' if p.default is None else ', optional'})" for p in q.params)}
            for q in queries.catalogue().values()]
    write_rows(["name", "summary", "params"], rows, fmt)


@cli.command()
@click.argument("sparql")
@click.option("--update", "allow_update", is_flag=True, help="Allow SPARQL Update (refused otherwise).")
@format_option
@click.pass_context
@_user_errors
def sparql(ctx, sparql, allow_update, fmt):
    """Run an ad hoc SPARQL query, given as text or as the path of a .rq file.

    The vnkg prefixes (vnkg, org, prov, schema, skos, dcterms, rdf, rdfs, xsd) are predeclared;
    queries see the union of all graphs. Updates are refused unless --update is given.

    \b
    Example:
      vnkg sparql 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } LIMIT 5'
    """
    from vnkg.sparql import is_update

    text = sparql
    if sparql.endswith(".rq") and Path(sparql).is_file():
        try:
            text = Path(sparql).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:  # a bad file is the user's to fix, not an internal error
            raise UserError(f"{sparql}: cannot read: {e}") from None
    if is_update(text):
        if not allow_update:
            raise UserError("this is a SPARQL Update; pass --update to change the store")
        with _store(ctx) as store:
            store.update(text)
        click.echo("update done", err=True)
        return
    with _store(ctx, read_only=True) as store:
        result = store.query(text)
    if isinstance(result, bool):
        click.echo("true" if result else "false")
    elif isinstance(result, list):
        for t in result:
            click.echo(f"{t.subject} {t.predicate} {t.object} .")
    else:
        write_rows(result.variables, result.dicts(), fmt)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@click.option("--article", help="Only this article's graph (its id).")
@click.option("--with-reference", is_flag=True, help="Include the ontology and reference graph.")
@click.pass_context
@_user_errors
def export(ctx, fmt, output, article, with_reference):
    """Export the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD.

    TriG, N-Quads and JSON-LD keep one named graph per article; Turtle and N-Triples merge them.

    \b
    Example:
      vnkg export --format trig -o graph.trig
    """
    from vnkg import iri
    from vnkg.export import export as do_export

    with _store(ctx, read_only=True) as store:
        graph = iri.article(article) if article else None
        if output:
            with output.open("wb") as fh:
                n = do_export(store, fmt, fh, graph=graph, include_reference=with_reference)
        else:
            n = do_export(store, fmt, sys.stdout.buffer, graph=graph, include_reference=with_reference)
    click.echo(f"{n} statements exported", err=True)


@cli.command()
@click.pass_context
@_user_errors
def compact(ctx):
    """Reorganise an embedded store's files so that queries read fewer of them.

    A load that writes a fifth or more of the store compacts it by itself; after many smaller
    loads, this does the same (a few seconds for thousands of articles). A remote store
    compacts itself: there, this does nothing.

    \b
    Example:
      vnkg --store vnkg-data compact
    """
    with _store(ctx) as store:
        store.compact()
    click.echo(f"compacted {store.location}", err=True)


@cli.command()
@format_option
@click.pass_context
@_user_errors
def stats(ctx, fmt):
    """Count articles, persons, posts, holdings, documents, events and triples.

    \b
    Example:
      vnkg stats
    """
    from vnkg import queries

    with _store(ctx, read_only=True) as store:
        result = store.query(queries.get("stats").sparql)
        # The size of the store, beside what the graph describes: a count of every quad is a scan.
        rows = [{**row, "triples": str(store.size())} for row in result.dicts()]
    write_rows([*result.variables, "triples"], rows, fmt)


@cli.command()
@click.option("--article", help="Only this article's graph (its id).")
@click.pass_context
@_user_errors
def validate(ctx, article):
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    Prints the violations and exits 1 when there are any.

    \b
    Example:
      vnkg validate
    """
    from vnkg import iri
    from vnkg.validate import validate as run

    with _store(ctx, read_only=True) as store:
        conforms, report = run(store, graph=iri.article(article) if article else None)
    click.echo(report)
    if not conforms:
        sys.exit(1)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("vnkg-demo.html"),
              show_default=True, help="Where to write the graph view.")
@click.pass_context
@_user_errors
def demo(ctx, output):
    """Load the sample articles shipped with vnkg, print the positions table and write a graph view.

    \b
    Example:
      vnkg --store demo-data demo -o demo.html
    """
    from vnkg import queries
    from vnkg.load import load_files
    from vnkg.view import view_html

    samples = sorted(data_path("examples").glob("*.jsonl"))
    if not samples:
        raise UserError(f"no sample articles in {data_path('examples')}")
    with _store(ctx) as store:
        report = load_files(store, samples)
        click.echo(report.summary(), err=True)
        result = store.query(queries.get("positions").sparql)
        cols = ["name", "title", "province", "status", "term", "start", "source"]
        write_rows(cols, result.dicts(), "table")
        html = view_html(store, "province", "Tuyên Quang")
    output.write_text(html, encoding="utf-8")
    click.echo(f"graph view written to {output}", err=True)


def main() -> None:
    cli(prog_name="vnkg")


# Command groups that live in modules of their own; they import the shared options from
# vnkg.clitools, never this module, so registering them here makes no import cycle.
from vnkg.commands.analyze import analyze, export_network  # noqa: E402
from vnkg.commands.identity import identity  # noqa: E402
from vnkg.commands.importing import importing  # noqa: E402
from vnkg.commands.serve import serve  # noqa: E402
from vnkg.commands.view import view  # noqa: E402

for command in (serve, importing, identity, view, analyze, export_network):
    cli.add_command(command)
