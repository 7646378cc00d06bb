"""Files in an S3-compatible store, configured as docs/configuration.md says (BLUELIGHT_FILES_S3_*): a
workbook exported by the worker is written to the bucket, downloaded from it, and imported back from it;
a paper's file is kept and served from it. The store is moto's S3 server (a test dependency) over HTTP on
loopback, spoken to by boto3 through django-storages, as a real store would be."""

from __future__ import annotations

import socket
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from bluelight.core import files
from bluelight.core.history import Actor
from bluelight.core.models import User
from bluelight.core.worker import work
from bluelight.exchange import services
from bluelight.programmes.models import Programme
from config.env import Env, file_storage


@pytest.fixture
def bucket(monkeypatch):
    import boto3
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                        "AWS_DEFAULT_REGION": "eu-west-2"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    endpoint = f"http://127.0.0.1:{port}"
    name = f"bluelight-{uuid.uuid4().hex[:12]}"  # moto keeps its buckets for the whole process
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2").create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    env = Env(mode="test", secret_key="x", database_url="sqlite://", files_s3_bucket=name,
              files_s3_endpoint_url=endpoint, files_s3_prefix="programme-office")  # fmt: skip
    with override_settings(STORAGES={"default": file_storage(env),
                                     "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}):  # fmt: skip
        yield boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2"), name
    server.stop()


def _keys(bucket) -> list[str]:
    client, name = bucket
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=name).get("Contents", []))


def test_an_export_and_its_import_go_through_the_bucket(demo, bucket):
    programme = Programme.objects.get(slug="essex-escp")
    office = Actor(User.objects.get(username="programme.office"))
    export = services.export_queue(actor=office, programme=programme, format="xlsx")
    work(once=True, say=lambda line: None)
    export.refresh_from_db()
    assert export.status == "done", export.message
    assert _keys(bucket) == [f"programme-office/{export.stored_name}"]
    assert files.names() == [export.stored_name]
    with files.open_file(export.stored_name) as stored:
        data = stored.read()
    assert data[:2] == b"PK" and files.size(export.stored_name) == len(data)

    checked = services.import_queue(actor=office, programme=programme,
                                    upload=SimpleUploadedFile("escp.xlsx", data))  # fmt: skip
    work(once=True, say=lambda line: None)
    checked.refresh_from_db()
    assert checked.result["ok"], checked.result
    totals = {k: sum(s[k] for s in checked.result["sheets"]) for k in ("create", "update")}
    assert totals == {"create": 0, "update": 0}  # the bucket gave back exactly what was exported
    assert len(_keys(bucket)) == 2
    files.remove(checked.stored_name)
    assert _keys(bucket) == [f"programme-office/{export.stored_name}"]


def test_a_name_that_is_not_bluelights_is_refused_before_the_store_is_asked(bucket):
    with pytest.raises(FileNotFoundError):
        files.open_file("../secret-key")
    assert not files.exists("programme-office/../../x.xlsx")
