"""The FastAPI application: ``uvicorn api.app:app``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.reconciliation import meetings, positions, status_of
from api.routers import documents, searching, users
from core.errors import KeneshError

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


@app.exception_handler(KeneshError)
async def typed_error(_request: Request, exc: KeneshError) -> JSONResponse:
    """Any typed error a route lets through: its status, and its code, stage and message as the detail."""
    return JSONResponse(status_code=status_of(exc), content={"detail": exc.as_dict()})


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
