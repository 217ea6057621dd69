"""Word and PowerPoint templates (.dotx, .potx: what IT departments hand out) read as documents.

A .dotx is a .docx whose main part has the template content type; python-docx and python-pptx
refuse it. Rewriting that one content type in `[Content_Types].xml` is all Word itself does
when it makes a document from a template.
"""
from __future__ import annotations

import io
import zipfile

TEMPLATE_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
CONTENT_TYPES = "[Content_Types].xml"


def is_template(data: bytes) -> bool:
    """True for a .dotx/.potx (a template content type on the main part)."""
    return any(t.encode() in _content_types(data) for t in TEMPLATE_TYPES)


def as_document(data: bytes) -> bytes:
    """The bytes of a .docx/.pptx for a .dotx/.potx; other files unchanged."""
    if not is_template(data):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == CONTENT_TYPES:
                blob = _converted(blob)
            dst.writestr(info, blob)
    return out.getvalue()


def _converted(types: bytes) -> bytes:
    text = types.decode("utf-8")
    for template, document in TEMPLATE_TYPES.items():
        text = text.replace(f'"{template}"', f'"{document}"')
    return text.encode("utf-8")


def _content_types(data: bytes) -> bytes:
    """The raw [Content_Types].xml of a package ('' when it is not a zip or has none)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read(CONTENT_TYPES)
    except (zipfile.BadZipFile, KeyError):
        return b""
