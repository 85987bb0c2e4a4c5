"""The FastAPI application: ``uvicorn api.app:app``."""

from __future__ import annotations

from fastapi import FastAPI

from api.routers import documents, searching, users

app = FastAPI(
    title="Kenesh",
    version="0.1.0",
    description="Drafts of the Kyrgyz Republic: LSG-relevant articles, search, dossiers.",
)
app.include_router(documents)
app.include_router(searching)
app.include_router(users)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
