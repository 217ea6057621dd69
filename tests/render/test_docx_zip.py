"""render.docx.zip: archives written directly read back with zipfile, stored and deflated members alike."""
import io
import zipfile

from plangen.render.docx.zip import ZipOut, compressed, stored


def it_writes_deflated_and_stored_members_that_zipfile_reads_back():
    """Three members (one deflated once and written twice, one stored): same names, bytes and methods."""
    once = compressed("word/styles.xml", b"<styles/>" * 100)
    out = ZipOut()
    out.entry(once)
    out.entry(stored("word/embeddings/book.xlsx", b"PK\x03\x04 already a zip"))
    out.add("word/document.xml", "<w:document>华东 &amp;</w:document>".encode())
    with zipfile.ZipFile(io.BytesIO(out.close())) as z:
        assert z.testzip() is None
        assert [(i.filename, i.compress_type) for i in z.infolist()] == [
            ("word/styles.xml", zipfile.ZIP_DEFLATED), ("word/embeddings/book.xlsx", zipfile.ZIP_STORED),
            ("word/document.xml", zipfile.ZIP_DEFLATED)]
        assert z.read("word/embeddings/book.xlsx") == b"PK\x03\x04 already a zip"
        assert z.read("word/document.xml").decode() == "<w:document>华东 &amp;</w:document>"
