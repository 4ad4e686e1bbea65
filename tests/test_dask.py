"""The Dask path gives what newsfacts gives on one process, on a real
two-worker cluster; jieba is loaded once per worker, not per task."""
import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import dask.bag as db  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import newsfacts  # noqa: E402
from newsfacts import dask as nfdask  # noqa: E402
from newsfacts.claim import FIELDS  # noqa: E402
from newsfacts.io.sources import Corpus  # noqa: E402

SAMPLES = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            yield client


def by_place(claims):
    return sorted(claims, key=lambda c: (c["source"], c["start"]))


def expected_files():
    return by_place(c.to_dict() for path in SAMPLES for c in newsfacts.extract_file(path))


def tokenizer_loads():
    """How often this process has loaded jieba's dictionary, and used it."""
    from newsfacts.core import segment

    info = segment.load.cache_info()
    return info.misses, info.hits


def test_files_on_a_cluster_match_one_process_and_load_jieba_once_per_worker(client):
    claims = nfdask.extract_files(SAMPLES)
    assert claims.npartitions == len(SAMPLES)  # a task per file: several per worker
    assert by_place(claims.compute()) == expected_files()
    loads = client.run(tokenizer_loads)
    assert len(loads) == 2
    assert all(misses == 1 and hits >= 1 for misses, hits in loads.values()), loads


def test_records_with_an_id_field(client, tmp_path):
    texts = {f"doc-{i}": open(path, encoding="utf-8").read() for i, path in enumerate(SAMPLES[:3])}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": k, "content": v}, ensure_ascii=False) + "\n" for k, v in texts.items()),
                      encoding="utf-8")
    expected = by_place(c.to_dict() for k, v in texts.items() for c in newsfacts.extract(v, source=k))

    from_files = nfdask.extract_files([str(tmp_path)], corpus=Corpus("content", "id"))
    assert by_place(from_files.compute()) == expected
    records = db.read_text(str(corpus)).map(json.loads)
    assert by_place(nfdask.extract_bag(records, "content", "id").compute()) == expected

    # Without an id: the record's place in the bag; a record without text is an error or skipped.
    strings = db.from_sequence([*texts.values(), "增长28.5%"], npartitions=2)
    assert {c["source"] for c in nfdask.extract_bag(strings).compute()} >= {"record-0-0", "record-1-1"}
    broken = db.from_sequence([{"id": "x", "body": "增长28.5%"}, {"id": "y", "content": "增长28.5%"}])
    with pytest.raises(nfdask.UnreadableInput, match="no field 'content'"):
        nfdask.extract_bag(broken, "content", "id").compute()
    assert [c["source"] for c in nfdask.extract_bag(broken, "content", "id", errors="skip").compute()] == ["y"]


def test_parquet_round_trip(client, tmp_path):
    output = str(tmp_path / "facts.parquet")
    claims = nfdask.extract_files(SAMPLES)
    nfdask.write(claims, output)
    frame = pd.read_parquet(output)
    assert list(frame.columns) == list(FIELDS)
    assert frame["value"].dtype == "float64" and frame["start"].dtype == "int64"
    back = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]
    assert by_place(back) == expected_files()  # 9000000000 == 9000000000.0

    with pytest.raises(FileExistsError):
        nfdask.write(claims, output)
    nfdask.write(nfdask.extract_files(SAMPLES[:1]), output, overwrite=True)  # no part files left over
    assert set(pd.read_parquet(output)["source"]) == {SAMPLES[0]}


def test_json_lines_shards(client, tmp_path):
    nfdask.write(nfdask.extract_files(SAMPLES), str(tmp_path / "out"))
    shards = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(shards) == len(SAMPLES)
    lines = [json.loads(line) for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()]
    assert by_place(lines) == expected_files()


def test_run_as_the_command_line_does(client, tmp_path):
    """--dask ADDRESS corpus/ -o facts.parquet; -o never overwrites an input."""
    output = str(tmp_path / "facts.parquet")
    nfdask.run(SAMPLES, output, client.scheduler.address)
    assert len(pd.read_parquet(output)) == len(expected_files())
    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "a.jsonl").write_text('{"text": "增长28.5%"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="holds some of the inputs"):
        nfdask.run([str(shards)], str(shards), "synchronous", corpus=Corpus("text"), overwrite=True)
    assert (shards / "a.jsonl").exists()
