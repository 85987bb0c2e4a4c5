"""The FastAPI application: ``uvicorn api.app:app``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.reconciliation import meetings, positions
from api.routers import documents, searching, users
from core.errors import EmptyAgenda, InvalidInput, KeneshError, NotFound

app = FastAPI(
    title="Kenesh",
    version="0.1.0",
    description="Drafts of the Kyrgyz Republic: LSG-relevant articles, search, dossiers.",
)
app.include_router(documents)
app.include_router(searching)
app.include_router(users)
app.include_router(positions)
app.include_router(meetings)


def status_of(exc: KeneshError) -> int:
    """The HTTP status of a typed error (its code and stage go in the body)."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InvalidInput | EmptyAgenda):
        return 422
    if exc.code == "deleted":
        return 410
    return 500


@app.exception_handler(KeneshError)
async def typed_error(_request: Request, exc: KeneshError) -> JSONResponse:
    """Any typed error a route lets through: its status, and its code, stage and message as the detail."""
    return JSONResponse(status_code=status_of(exc), content={"detail": exc.as_dict()})


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
