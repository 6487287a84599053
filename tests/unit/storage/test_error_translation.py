"""Storage errors say whether to retry: 'not now' is unavailable (retried), 'never' is not."""

from __future__ import annotations

import pytest
import urllib3
from minio.error import InvalidResponseError, S3Error, ServerError

from ringfence.errors import is_retriable
from ringfence.storage.errors import ObjectMissingError, StorageError, StorageUnavailableError
from ringfence.storage.recordings import translate_errors


def _s3_error(code: str, status: int) -> S3Error:
    response = urllib3.HTTPResponse(status=status)
    return S3Error(response, code, "message", "/bucket/key", "request", "host")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (_s3_error("NoSuchKey", 404), ObjectMissingError),
        (_s3_error("SlowDown", 503), StorageUnavailableError),
        (_s3_error("XMinioWriteQuorum", 503), StorageUnavailableError),
        (_s3_error("SomethingNew", 500), StorageUnavailableError),
        (_s3_error("AccessDenied", 403), StorageError),
        (_s3_error("InvalidBucketName", 400), StorageError),
        (ServerError("bad gateway", 502), StorageUnavailableError),
        (InvalidResponseError(502, "text/html", "<html>proxy</html>"), StorageUnavailableError),
        (urllib3.exceptions.ProtocolError("connection reset"), StorageUnavailableError),
        (ConnectionRefusedError(111, "refused"), StorageUnavailableError),
    ],
)
def test_error_class(error: Exception, expected: type[StorageError]) -> None:
    with pytest.raises(StorageError) as caught, translate_errors("get bucket/key"):
        raise error
    assert type(caught.value) is expected
    assert caught.value.__cause__ is error


def test_only_unavailable_is_retried() -> None:
    assert is_retriable(StorageUnavailableError("get: SlowDown"))
    assert not is_retriable(StorageError("get: AccessDenied"))
    assert not is_retriable(ObjectMissingError("get: NoSuchKey"))
