"""``kenesh``: ingest files, show what is stored. Each sub-command calls the same function the API and
workers call; this module only parses options and prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli.dossiers import register as register_dossiers
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
    from workers.chain import ingest_and_process

    settings = get_settings()
    ingestor = Ingestor(settings)
    files = list(iter_files(paths))
    outcomes = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=json_out, disable=not files) as progress:
        task = progress.add_task("ingest", total=len(files))
        for path in files:
            progress.update(task, description=f"ingest {path.name[:40]}")
            outcomes.append(ingest_and_process(ingestor, path, document_id=document))
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
    from nlp.service import language_alignment, version_tree
    from workers.jobs_view import document_progress

    try:
        db = Database(get_settings())
        view = document_view(db, document_id)
        latest = view["latest_version_id"]
        view["articles"] = version_tree(db, latest) if latest else []
        view["language_alignment"] = language_alignment(db, document_id)
        view["progress"] = document_progress(db, document_id)
        for item in view["versions"]:
            item["articles"] = version_tree(db, item["version_id"]) if item["version_id"] != latest else None
    except KeneshError as exc:
        stderr.print(f"[red]{escape(str(exc))}[/red]")
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


def _file_header(result: dict[str, Any]) -> bool:
    """Print a file's name and language, or its error; False when there is nothing more to show."""
    stdout.print(f"[bold]{result['file']}[/bold] ({result.get('language')})")
    if "error" in result:
        stdout.print(f"  [red]{result['error']['code']}: {result['error']['message']}[/red]")
        return False
    return True


@app.command()
def parse(
    files: Annotated[
        list[str], typer.Argument(help="Files of any format ingest reads, or - for text on stdin.")
    ],
    json_out: JsonOpt = False,
) -> None:
    """Parse acts into articles, parts and items, with citations and amendments, without storing."""
    from cli.parsing import parse_inputs

    results = parse_inputs(files, get_settings())
    if json_out:
        print_json(results)
        return
    for result in results:
        if not _file_header(result):
            continue
        for article in result["articles"]:
            stdout.print(f"  {article['id']:24} {article.get('heading', '')[:80]}")


@app.command()
def diff(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    from_version: Annotated[int | None, typer.Option("--from", help="Older version (seq or id).")] = None,
    to_version: Annotated[int | None, typer.Option("--to", help="Newer version (seq or id).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Article-level diff between two versions of a document."""
    from core.db import Database
    from nlp.service import diff_document

    try:
        result = diff_document(Database(get_settings()), document_id, from_version, to_version)
    except KeneshError as exc:
        stderr.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(code=2) from exc
    if json_out:
        print_json(result)
        return
    stdout.print(
        f"document {document_id}: v{result['from']['seq']} -> v{result['to']['seq']} {result['summary']}"
    )
    for change in result["articles"]:
        if change["status"] == "unchanged":
            continue
        stdout.print(
            f"[bold]{change['status']:10}[/bold] {change['old_number'] or '-'} -> "
            f"{change['new_number'] or '-'}  {change['heading'][:60]}"
        )
        for word in change["words"]:
            if word["op"] == "delete":
                stdout.print(f"   [red]- {word['text'][:200]}[/red]")
            elif word["op"] == "insert":
                stdout.print(f"   [green]+ {word['text'][:200]}[/green]")


@app.command()
def tag(
    files: Annotated[
        list[str], typer.Argument(help="Files of any format ingest reads, or - for text on stdin.")
    ],
    lang: Annotated[str, typer.Option("--lang", help="ky, ru or auto.")] = "auto",
    json_out: JsonOpt = False,
) -> None:
    """Repair, structure and tag files: which articles touch LSG competences and local budgets."""
    from cli.tagging import tag_inputs

    if lang not in {"ky", "ru", "auto"}:
        raise typer.BadParameter("--lang must be ky, ru or auto")
    results = tag_inputs(files, lang, get_settings())
    if json_out:
        print_json(results)
        return
    for result in results:
        if _file_header(result):
            _print_tag_summary(result["summary"])


def _print_tag_summary(summary: dict[str, Any]) -> None:
    """The document's summary as an analyst reads it: how many articles touch LSG and local budgets, the
    fields touched, then each flagged article (budget ones first) with its reason and the money it names.
    Saying «none» outright tells a clean draft from one whose articles were not read."""
    lsg, budget = summary["lsg_relevant"], summary["local_budget"]
    stdout.print(
        f"  {summary['articles']} articles: {lsg} {'touches' if lsg == 1 else 'touch'} LSG, "
        f"{budget} {'moves' if budget == 1 else 'move'} local-budget money"
    )
    if summary["competences"]:
        fields = ", ".join(f"{cid} {n}" for cid, n in summary["competences"].items())
        stdout.print(f"  competences: {fields}", markup=False)
    for article in summary["flagged"]:
        flag = "[yellow]budget[/yellow]" if article["local_budget"] else "LSG   "
        stdout.print(f"  {article['id']:16} {flag} ", end="")
        stdout.print(article["reason"], markup=False)
        money = "; ".join(
            a["text"] + (f" ({a['period']})" if a["period"] else "") for a in article["amounts"]
        )
        if money:
            stdout.print(f"  {'':16}        amounts: {money}", markup=False)


@app.command()
def lemmatize(
    lang: Annotated[str, typer.Option("--lang", help="ky or ru.")] = "ky",
    json_out: JsonOpt = False,
) -> None:
    """Read words, one per line, from standard input; print one lemma per line in the same order."""
    from cli.tagging import lemmatize_lines

    if lang not in {"ky", "ru"}:
        raise typer.BadParameter("--lang must be ky or ru")
    pairs = lemmatize_lines(sys.stdin.read().splitlines(), lang)
    if json_out:
        print_json(pairs)
    else:
        sys.stdout.write("".join(f"{p['lemma']}\n" for p in pairs))


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='Words, "phrases", prefix*, AND/OR/NOT, field:value filters.')
    ] = "",
    lang: Annotated[str | None, typer.Option("--lang", help="ky or ru.")] = None,
    act_type: Annotated[str | None, typer.Option("--type", help="law, code, resolution, decree, ...")] = None,
    competence: Annotated[
        list[str] | None, typer.Option("--competence", help="Competence id (repeatable).")
    ] = None,
    budget: Annotated[
        bool | None, typer.Option("--budget/--no-budget", help="Affects local budgets.")
    ] = None,
    draft: Annotated[
        bool | None, typer.Option("--draft/--in-force", help="Drafts only or acts only.")
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Act date from (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Act date to (YYYY-MM-DD).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source format (pdf, docx, doc...).")] = None,
    all_versions: Annotated[
        bool, typer.Option("--all-versions", help="Not only the latest versions.")
    ] = False,
    sort: Annotated[str, typer.Option("--sort", help="relevance or date.")] = "relevance",
    limit: Annotated[int, typer.Option("--limit")] = 10,
    after: Annotated[str | None, typer.Option("--after", help="Cursor of the next page.")] = None,
    like: Annotated[
        str | None, typer.Option("--like", help="More like this article: VERSION_ID:UNIT_ID.")
    ] = None,
    facets: Annotated[
        bool, typer.Option("--facets", help="Counts per competence, type, language, year.")
    ] = False,
    documents: Annotated[
        bool, typer.Option("--documents", help="Whole documents, best article each.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Search articles (the same implementation as the API)."""
    from core.db import Database
    from search.models import SearchRequest
    from search.service import get_backend
    from search.service import search as run_search

    settings = get_settings()
    request = SearchRequest(
        query=query,
        language=lang,
        act_type=act_type,
        competences=competence or [],
        budget=budget,
        draft=draft,
        date_from=date_from,
        date_to=date_to,
        source=source,
        all_versions=all_versions,
        sort=sort,
        limit=limit,
        after=after,
        facets=facets,
        like=like,
        documents=documents,
    )
    result = run_search(get_backend(settings, Database(settings)), request)
    if json_out:
        print_json(result)
        return
    stdout.print(f"{result.total} articles ({result.backend}, {result.took_ms:.0f} ms)")
    for hit in result.hits:
        stdout.print(f"[bold]{hit.key}[/bold] {hit.title[:60]} — {hit.number} {hit.heading[:50]}")
        stdout.print(f"   {hit.snippet}")
    if result.next:
        stdout.print(f"next page: --after {result.next}")


@app.command()
def reindex() -> None:
    """Rebuild the search index from the records store (Elasticsearch: a new index, then the alias swap)."""
    from core.db import Database
    from search.service import feed_all, get_backend

    settings = get_settings()
    db = Database(settings)
    backend = get_backend(settings)
    name = backend.rebuild(lambda: feed_all(db))
    stdout.print(f"rebuilt {name}: {backend.count()} articles")


@app.command()
def worker(
    queues: Annotated[
        list[str] | None, typer.Option("--queues", help="Queues to serve (default: all).")
    ] = None,
    burst: Annotated[bool, typer.Option("--burst", help="Stop when the queues are empty.")] = False,
    name: Annotated[str | None, typer.Option("--name")] = None,
) -> None:
    """Start an RQ worker over the stage queues (needs KENESH_REDIS_URL)."""
    from workers.rq_worker import run_worker

    settings = get_settings()
    if not settings.redis_url:
        stderr.print("[red]KENESH_REDIS_URL is not set: on the embedded default jobs run in-process.[/red]")
        raise typer.Exit(code=2)
    run_worker(settings, queues, burst=burst, name=name)


jobs_app = typer.Typer(help="Queued, running and failed jobs.", invoke_without_command=True)
app.add_typer(jobs_app, name="jobs")


@jobs_app.callback()
def jobs(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List queued, running and failed jobs."""
    if ctx.invoked_subcommand is not None:
        return
    from core.db import Database
    from workers.jobs_view import list_jobs

    settings = get_settings()
    rows = list_jobs(settings, Database(settings))
    if json_out:
        print_json(rows)
        return
    table = Table("id", "queue", "state", "retries left", "error")
    for row in rows:
        table.add_row(
            row["id"], row["queue"], row["state"], str(row["retries_left"] or ""), str(row["error"] or "")
        )
    stdout.print(table)


@jobs_app.command("retry")
def jobs_retry(
    job_id: Annotated[str | None, typer.Argument(metavar="ID")] = None,
    all_failed: Annotated[bool, typer.Option("--all-failed")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Re-run one failed job, or all of them."""
    from core.db import Database
    from workers.jobs_view import retry_jobs

    if job_id is None and not all_failed:
        raise typer.BadParameter("give a job ID or --all-failed")
    settings = get_settings()
    retried = retry_jobs(settings, Database(settings), job_id, all_failed)
    if json_out:
        print_json({"retried": retried})
    else:
        stdout.print(f"retried {len(retried)}: {', '.join(retried)}")


user_app = typer.Typer(help="Users who receive notifications.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument()],
    lang: Annotated[str, typer.Option("--lang")] = "ky",
    email: Annotated[str | None, typer.Option("--email")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Add a user (or update one)."""
    from core.db import Database
    from search.notify import add_user

    if lang not in {"ky", "ru"}:
        raise typer.BadParameter("--lang must be ky or ru")
    settings = get_settings()
    user = add_user(Database(settings), name, lang, email)
    data = {
        "id": user.id,
        "name": user.name,
        "lang": user.language,
        "email": user.email,
        "atom": f"{settings.public_url}/users/{user.name}/atom?token={user.feed_token}",
    }
    print_json(data) if json_out else stdout.print(f"user {user.id}: {user.name}")


watch_app = typer.Typer(help="Saved searches that notify their owner.")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add(
    user: Annotated[str, typer.Option("--user")],
    query: Annotated[str | None, typer.Option("--query")] = None,
    template: Annotated[str | None, typer.Option("--template", help="local-budget")] = None,
    competence: Annotated[list[str] | None, typer.Option("--competence")] = None,
    lang: Annotated[list[str] | None, typer.Option("--lang")] = None,
    act_type: Annotated[list[str] | None, typer.Option("--act-type")] = None,
    source: Annotated[list[str] | None, typer.Option("--source")] = None,
    region: Annotated[list[str] | None, typer.Option("--region")] = None,
    budget: Annotated[bool | None, typer.Option("--budget/--any-budget")] = None,
    digest: Annotated[str | None, typer.Option("--digest", help="daily")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Add a watch: a query or a template, filters, and how to deliver."""
    from core.db import Database
    from search.notify import add_watch, watch_json

    if query is None and template is None:
        raise typer.BadParameter("give --query TEXT or --template local-budget")
    try:
        watch = add_watch(
            Database(get_settings()),
            user,
            query or "",
            template,
            competence,
            lang,
            act_type,
            source,
            region,
            budget,
            "daily" if digest == "daily" else "immediate",
            webhook,
        )
    except KeneshError as exc:
        stderr.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(code=2) from exc
    print_json(watch_json(watch)) if json_out else stdout.print(f"watch {watch.id}")


@watch_app.command("list")
def watch_list(user: Annotated[str, typer.Option("--user")], json_out: JsonOpt = False) -> None:
    """The user's watches."""
    from sqlalchemy import select

    from core.db import Database
    from core.models import User, Watch
    from search.notify import watch_json

    db = Database(get_settings())
    with db.session() as session:
        owner = session.scalar(select(User).where(User.name == user))
        rows = (
            []
            if owner is None
            else [watch_json(w) for w in session.scalars(select(Watch).where(Watch.user_id == owner.id))]
        )
    if json_out:
        print_json(rows)
    else:
        for row in rows:
            stdout.print(f"{row['id']:5} {row['query'] or row['template']} {row['mode']}")


@watch_app.command("remove")
def watch_remove(watch_id: Annotated[int, typer.Argument(metavar="ID")], json_out: JsonOpt = False) -> None:
    """Delete a watch."""
    from core.db import Database
    from core.models import Watch

    db = Database(get_settings())
    with db.session() as session:
        watch = session.get(Watch, watch_id)
        if watch is None:
            stderr.print(f"[red]no watch {watch_id}[/red]")
            raise typer.Exit(code=2)
        session.delete(watch)
    print_json({"id": watch_id, "removed": True}) if json_out else stdout.print(f"removed watch {watch_id}")


@app.command()
def notifications(
    user: Annotated[str, typer.Option("--user")],
    unread: Annotated[bool, typer.Option("--unread")] = False,
    mark_read: Annotated[bool, typer.Option("--mark-read", help="Mark the listed ones read.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """A user's notifications (watch, document and version, matched articles, snippet and reason)."""
    from core.db import Database
    from search.notify import list_notifications
    from search.notify import mark_read as mark

    db = Database(get_settings())
    try:
        rows = list_notifications(db, user, unread)
    except KeneshError as exc:
        stderr.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(code=2) from exc
    if mark_read:
        mark(db, user, [r["id"] for r in rows])
    if json_out:
        print_json(rows)
    else:
        for row in rows:
            stdout.print(f"[bold]{row['id']}[/bold] {row['title']} v{row['version_id']}: {row['articles']}")
            stdout.print(f"   {row['snippet']}")


@app.command()
def digest(json_out: JsonOpt = False) -> None:
    """Send the daily digests (one message per user)."""
    from core.db import Database
    from search.notify import send_digests

    settings = get_settings()
    sent = send_digests(Database(settings), settings)
    print_json({"sent": sent}) if json_out else stdout.print(f"sent {sent} digests")


register_dossiers(app)

if __name__ == "__main__":
    app()
