import io
import zipfile

import pytest

from bluelight.core.uploads import UploadRefused, check_upload

MB = 1024 * 1024


def docx_bytes(body: bytes = b"<w:document/>") -> bytes:
    """The same bytes every time: each part has a fixed date, not the clock's (which a test compares)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", body)):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_real_documents_are_accepted_with_their_type():
    assert check_upload("case.docx", docx_bytes(), MB).content_type.endswith("wordprocessingml.document")
    assert check_upload("agreement.odt", odt_bytes(), MB).content_type == "application/vnd.oasis.opendocument.text"
    assert check_upload("minutes.pdf", b"%PDF-1.7\n...", MB).content_type == "application/pdf"
    assert check_upload("log.csv", b"Ref,Risk\nR1,Vetting\n", MB).content_type == "text/csv"


def test_content_that_does_not_match_the_extension_is_refused():
    with pytest.raises(UploadRefused, match=r"not a real \.pdf file"):
        check_upload("business-case.pdf", docx_bytes(), MB)
    with pytest.raises(UploadRefused, match=r"not a real \.docx document"):
        check_upload("business-case.docx", b"%PDF-1.7 pretending", MB)
    with pytest.raises(UploadRefused, match=r"not a real \.odt document"):
        check_upload("agreement.odt", docx_bytes(), MB)
    with pytest.raises(UploadRefused, match="cannot be uploaded"):
        check_upload("run-me.exe", b"MZ", MB)


def test_too_large_is_refused_naming_the_limit():
    with pytest.raises(UploadRefused, match="it must be smaller than 1 MB"):
        check_upload("big.pdf", b"%PDF-" + b"0" * MB, MB)


def test_a_zip_bomb_posing_as_a_docx_is_refused():
    # 50 MB of zeros compress to about 50 KB: a ratio near 1,000, where real documents are under 100.
    bomb = docx_bytes(b"\0" * (50 * MB))
    assert len(bomb) < MB
    with pytest.raises(UploadRefused, match="zip bomb"):
        check_upload("board-paper.docx", bomb, 5 * MB)
