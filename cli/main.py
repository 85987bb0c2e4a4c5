"""``kenesh``: ingest files, show what is stored. Each sub-command calls the same function the API and
workers call; this module only parses options and prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli.output import print_json, stderr, stdout
from core.errors import KeneshError
from core.logs import configure
from core.settings import get_settings

app = typer.Typer(
    name="kenesh",
    help="Kenesh: drafts in, LSG-relevant articles out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")] = False,
) -> None:
    configure("INFO" if verbose else "WARNING")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    json_out: JsonOpt = False,
    document: Annotated[
        int | None, typer.Option("--document", help="Store as a new version of this document.")
    ] = None,
) -> None:
    """Read, repair and store files; same bytes twice are stored once."""
    from ingest.service import Ingestor, iter_files

    settings = get_settings()
    ingestor = Ingestor(settings)
    files = list(iter_files(paths))
    outcomes = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=json_out, disable=not files) as progress:
        task = progress.add_task("ingest", total=len(files))
        for path in files:
            progress.update(task, description=f"ingest {path.name[:40]}")
            outcomes.append(ingestor.ingest(path, document_id=document))
            progress.advance(task)
    if json_out:
        print_json(outcomes)
    else:
        table = Table("file", "status", "document", "version", "lang", "pages", "error")
        for o in outcomes:
            table.add_row(
                o.file,
                o.status,
                str(o.document_id or ""),
                str(o.version_id or ""),
                o.language or "",
                str(o.page_count or ""),
                f"{o.error.code}: {o.error.message}" if o.error else "",
            )
        stdout.print(table)
    if outcomes and all(o.status == "failed" for o in outcomes):
        raise typer.Exit(code=1)


@app.command()
def show(
    document_id: Annotated[int, typer.Argument(metavar="ID", help="Document id.")],
    json_out: JsonOpt = False,
) -> None:
    """Print a stored document, its versions and its text."""
    from core.db import Database
    from ingest.service import document_view

    try:
        view = document_view(Database(get_settings()), document_id)
    except KeneshError as exc:
        stderr.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from exc
    if json_out:
        print_json(view)
        return
    stdout.print(
        f"[bold]{view['title']}[/bold]  ({view['act_type'] or '?'} № {view['number'] or '?'}, "
        f"{view['date'] or '?'}; {view['language']})"
    )
    for v in view["versions"]:
        stdout.print(f"  v{v['seq']} #{v['version_id']} {v['filename']} {v['format']} {v['status']}")
    sys.stdout.write((view["text"] or "") + "\n")


if __name__ == "__main__":
    app()
