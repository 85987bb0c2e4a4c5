"""Typed errors. Each names the stage and, once known, the document, so a user can act on it."""

from __future__ import annotations


class KeneshError(Exception):
    """Base error: ``code`` is stable for scripts, ``message`` is for people."""

    code = "error"
    stage = "unknown"

    def __init__(self, message: str, *, document: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.document = document
        if stage is not None:
            self.stage = stage

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "stage": self.stage, "message": self.message, "document": self.document}

    def __str__(self) -> str:
        where = f"{self.document}: " if self.document else ""
        return f"{where}[{self.stage}/{self.code}] {self.message}"


class IngestError(KeneshError):
    stage = "extract"


class EmptyDocument(IngestError):
    code = "empty"


class UnsupportedFormat(IngestError):
    code = "unsupported_format"
    stage = "detect"


class CorruptDocument(IngestError):
    code = "corrupt"


class EncryptedDocument(IngestError):
    code = "encrypted"


class TooLarge(IngestError):
    code = "too_large"
    stage = "detect"


class ArchiveBomb(IngestError):
    code = "archive_bomb"
    stage = "detect"


class ConversionFailed(IngestError):
    code = "conversion_failed"
    stage = "convert"


class OcrFailed(IngestError):
    code = "ocr_failed"
    stage = "ocr"


class ExtractTimeout(IngestError):
    code = "timeout"


class ExtractOutOfMemory(IngestError):
    code = "out_of_memory"


class NotFound(KeneshError):
    code = "not_found"
    stage = "lookup"


ERRORS_BY_CODE: dict[str, type[KeneshError]] = {
    cls.code: cls
    for cls in (
        EmptyDocument,
        UnsupportedFormat,
        CorruptDocument,
        EncryptedDocument,
        TooLarge,
        ArchiveBomb,
        ConversionFailed,
        OcrFailed,
        ExtractTimeout,
        ExtractOutOfMemory,
        NotFound,
    )
}


class InvalidInput(KeneshError):
    """A request that cannot be carried out as given (an unknown stance, a date that is not a date...)."""

    code = "invalid"
    stage = "input"


class DocumentDeleted(KeneshError):
    code = "deleted"
    stage = "lookup"


class ArticleNotFound(NotFound):
    code = "article_not_found"


class EmptyAgenda(KeneshError):
    code = "empty_agenda"
    stage = "dossier"


class RenderFailed(KeneshError):
    code = "render_failed"
    stage = "dossier"
