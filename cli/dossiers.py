"""``kenesh position|meeting|conclusion|dossier|disagreements|delete``: records of the reconciliation
process and the documents built from them. Parses options and prints; the work is in ``dossiers``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from cli.output import print_json, print_rows, stderr, stdout
from core.db import Database
from core.errors import KeneshError
from core.settings import get_settings

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
Lang = Annotated[str, typer.Option("--lang", help="ky or ru")]
Output = Annotated[Path, typer.Option("-o", "--output", help="File to write (.docx, or .pdf for PDF).")]

position_app = typer.Typer(help="Positions of organisations on drafts and their articles.")
meeting_app = typer.Typer(help="Reconciliation meetings: agenda, participants, decisions.")
conclusion_app = typer.Typer(help="The LSG Union's conclusion (корутунду) on a draft.")
dossier_app = typer.Typer(help="Protocol dossiers of reconciliation meetings.")


def _db() -> Database:
    return Database(get_settings())


@contextmanager
def reported(json_out: bool) -> Iterator[None]:
    """A typed error becomes a clear message (and a JSON error object for scripts), exit code 2."""
    try:
        yield
    except KeneshError as exc:
        if json_out:
            print_json({"error": exc.as_dict()})
        stderr.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(code=2) from exc


def _emit(value: Any, json_out: bool, line: Callable[[], str]) -> None:
    print_json(value) if json_out else stdout.print(line())


# --- positions --------------------------------------------------------------------------------------


@position_app.command("add")
def position_add(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    org: Annotated[str, typer.Option("--org", help="lsg-union, minfin, government… or a name")],
    stance: Annotated[str, typer.Option("--stance", help="supports | objects | amends")],
    text: Annotated[str, typer.Option("--text", help="The reasoning.")],
    article: Annotated[
        str | None, typer.Option("--article", help="Article number; omit for the whole draft.")
    ] = None,
    wording: Annotated[str | None, typer.Option("--wording", help="Proposed wording.")] = None,
    cost: Annotated[str | None, typer.Option("--cost", help="Cost estimate in som.")] = None,
    cost_period: Annotated[str | None, typer.Option("--cost-period", help="e.g. per year, 2027")] = None,
    cost_source: Annotated[
        str | None, typer.Option("--cost-source", help="Where the estimate comes from.")
    ] = None,
    basis: Annotated[
        str | None, typer.Option("--basis", help="Legal basis, e.g. Budget Code Art. 49(3).")
    ] = None,
    author: Annotated[str | None, typer.Option("--author")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Record a position on a draft article (or on the whole draft)."""
    from dossiers.positions import add_position

    with reported(json_out):
        view = add_position(
            _db(),
            document_id,
            org=org,
            stance=stance,
            text=text,
            article=article,
            wording=wording,
            cost=cost,
            cost_period=cost_period,
            cost_source=cost_source,
            basis=basis,
            author=author,
        )
    _emit(view, json_out, lambda: f"position {view.id} on document {document_id}")


@position_app.command("edit")
def position_edit(
    position_id: Annotated[int, typer.Argument(metavar="POSITION_ID")],
    stance: Annotated[str | None, typer.Option("--stance")] = None,
    text: Annotated[str | None, typer.Option("--text")] = None,
    wording: Annotated[str | None, typer.Option("--wording")] = None,
    cost: Annotated[str | None, typer.Option("--cost")] = None,
    cost_period: Annotated[str | None, typer.Option("--cost-period")] = None,
    cost_source: Annotated[str | None, typer.Option("--cost-source")] = None,
    basis: Annotated[str | None, typer.Option("--basis")] = None,
    org: Annotated[str | None, typer.Option("--org")] = None,
    author: Annotated[str | None, typer.Option("--author")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Change a position; the previous revision stays in its history."""
    from dossiers.positions import edit_position

    with reported(json_out):
        view = edit_position(
            _db(),
            position_id,
            author=author,
            stance=stance,
            text=text,
            wording=wording,
            cost=cost,
            cost_period=cost_period,
            cost_source=cost_source,
            basis=basis,
            org=org,
        )
    _emit(view, json_out, lambda: f"position {view.id} revision {view.revision}")


@position_app.command("list")
def position_list(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")], json_out: JsonOpt = False
) -> None:
    """Positions on a draft (current revisions)."""
    from dossiers.positions import list_positions

    views = list_positions(_db(), document_id)
    print_rows(
        views,
        json_out,
        lambda v: (
            f"#{v.id} r{v.revision} art. {v.article or '—'} {v.org} ({v.side}): {v.stance} — {v.text[:80]}"
        ),
    )


@position_app.command("history")
def position_history_cmd(
    position_id: Annotated[int, typer.Argument(metavar="POSITION_ID")], json_out: JsonOpt = False
) -> None:
    """Every revision of a position, oldest first."""
    from dossiers.positions import position_history

    with reported(json_out):
        history = position_history(_db(), position_id)
    print_rows(
        history,
        json_out,
        lambda rev: (
            f"r{rev['revision']} {rev['created_at']} {rev['author'] or ''}: {rev['stance']} — {rev['text']}"
        ),
    )


# --- meetings ---------------------------------------------------------------------------------------


def _participant(spec: str) -> tuple[str, str | None, str | None]:
    name, org, role = ([*spec.split("|"), "", ""])[:3]
    return name.strip(), org.strip() or None, role.strip() or None


@meeting_app.command("create")
def meeting_create(
    kind: Annotated[str, typer.Option("--kind", help="government | budget-committee | other")],
    date: Annotated[str, typer.Option("--date", help="YYYY-MM-DD")],
    title: Annotated[str, typer.Option("--title")],
    place: Annotated[str | None, typer.Option("--place")] = None,
    chair: Annotated[str | None, typer.Option("--chair")] = None,
    secretary: Annotated[str | None, typer.Option("--secretary")] = None,
    participant: Annotated[
        list[str] | None, typer.Option("--participant", help='"Name|Organisation|Role", repeatable')
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Create a reconciliation meeting."""
    from dossiers.meetings import create_meeting

    with reported(json_out):
        view = create_meeting(
            _db(),
            kind=kind,
            date_=date,
            title=title,
            place=place,
            chair=chair,
            secretary=secretary,
            participants=[_participant(p) for p in participant or []],
        )
    _emit(view, json_out, lambda: f"meeting {view.id}: {view.title}")


@meeting_app.command("add-participant")
def meeting_add_participant(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")],
    name: Annotated[str, typer.Option("--name")],
    org: Annotated[str | None, typer.Option("--org")] = None,
    role: Annotated[str | None, typer.Option("--role")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Add a participant to a meeting."""
    from dossiers.meetings import add_participant

    with reported(json_out):
        view = add_participant(_db(), meeting_id, name, org, role)
    _emit(view, json_out, lambda: f"participant {view.id}: {view.name}")


@meeting_app.command("add-item")
def meeting_add_item(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")],
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    json_out: JsonOpt = False,
) -> None:
    """Put a draft on the meeting's agenda (at the end)."""
    from dossiers.meetings import add_item

    with reported(json_out):
        view = add_item(_db(), meeting_id, document_id)
    _emit(view, json_out, lambda: f"agenda item {view.id}: {view.ordinal}. {view.title or document_id}")


@meeting_app.command("decide")
def meeting_decide(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")],
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    status: Annotated[str, typer.Option("--status", help="resolved | committee | chamber")],
    text: Annotated[str, typer.Option("--text", help="The decision; for resolved, the agreed wording.")],
    article: Annotated[str | None, typer.Option("--article")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Record a decision on an agenda item or on one article's disagreement."""
    from dossiers.meetings import decide

    with reported(json_out):
        view = decide(_db(), meeting_id, document_id, status=status, text=text, article=article)
    _emit(view, json_out, lambda: f"decision {view.id}: {view.status}")


@meeting_app.command("list")
def meeting_list(json_out: JsonOpt = False) -> None:
    """Meetings, the latest first."""
    from dossiers.meetings import list_meetings

    views = list_meetings(_db())
    print_rows(
        views,
        json_out,
        lambda v: (
            f"#{v.id} {v.date} {v.kind}: {v.title} ({len(v.items)} items, {len(v.decisions)} decisions)"
        ),
    )


@meeting_app.command("show")
def meeting_show(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")], json_out: JsonOpt = False
) -> None:
    """A meeting with its participants, agenda and decisions."""
    from dossiers.meetings import meeting_view

    with reported(json_out):
        view = meeting_view(_db(), meeting_id)
    if json_out:
        print_json(view)
        return
    stdout.print(f"[bold]{view.title}[/bold] ({view.kind}, {view.date}, {view.place or '—'})")
    for item in view.items:
        stdout.print(
            f"  {item.ordinal}. #{item.document_id} {item.title or ''}"
            + (" [deleted]" if item.deleted else "")
        )


# --- documents built from them ---------------------------------------------------------------------


def _fmt(output: Path) -> str:
    return "pdf" if output.suffix.lower() == ".pdf" else "docx"


def _write(output: Path, content: bytes) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)


@conclusion_app.command("build")
def conclusion_build(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")],
    output: Output,
    lang: Lang = "ky",
    verdict: Annotated[
        str | None, typer.Option("--verdict", help="positive | negative (default: from positions)")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Write the LSG Union's conclusion on a draft."""
    from dossiers.service import build_conclusion

    with reported(json_out), stderr.status(f"building the conclusion on document {document_id}…"):
        built, content = build_conclusion(_db(), document_id, lang, _fmt(output), verdict)
    _write(output, content)
    _emit(
        {**built.model_dump(mode="json"), "path": str(output)},
        json_out,
        lambda: f"conclusion {built.id} ({built.inputs['verdict']}) → {output}",
    )


@dossier_app.command("build")
def dossier_build(
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING_ID")],
    output: Output,
    lang: Lang = "ky",
    json_out: JsonOpt = False,
) -> None:
    """Write the protocol dossier of a meeting."""
    from dossiers.service import build_dossier

    with (
        reported(json_out),
        stderr.status(f"building the {_fmt(output).upper()} dossier of meeting {meeting_id}…"),
    ):
        built, content = build_dossier(_db(), meeting_id, lang, _fmt(output))
    _write(output, content)
    _emit(
        {**built.model_dump(mode="json"), "path": str(output)},
        json_out,
        lambda: f"dossier {built.id} → {output}",
    )


def disagreements(
    document_id: Annotated[int, typer.Argument(metavar="DOC_ID")], json_out: JsonOpt = False
) -> None:
    """Articles where the LSG and Government positions differ, with their status."""
    from dossiers.service import document_disagreement_views

    with reported(json_out):
        views = document_disagreement_views(_db(), document_id)
    print_rows(views, json_out, lambda d: f"art. {d['article'] or '—'}: {d['status']}")


def delete(document_id: Annotated[int, typer.Argument(metavar="DOC_ID")], json_out: JsonOpt = False) -> None:
    """Delete a draft: it leaves search; its versions stay for the positions and dossiers that used it."""
    from ingest.service import delete_document
    from search.service import get_backend, index_document

    with reported(json_out):
        db = _db()
        result = delete_document(db, document_id)
        index_document(db, get_backend(db.settings, db), document_id)
    _emit(result, json_out, lambda: f"document {document_id} deleted")


def register(app: typer.Typer) -> None:
    app.add_typer(position_app, name="position")
    app.add_typer(meeting_app, name="meeting")
    app.add_typer(conclusion_app, name="conclusion")
    app.add_typer(dossier_app, name="dossier")
    app.command("disagreements")(disagreements)
    app.command("delete")(delete)
