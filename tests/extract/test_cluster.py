"""`claimcheck extract --scheduler/--cluster`: the same claim files as a serial run, on a Dask
cluster of two workers (made-up articles). Skipped without the `cluster` extra."""
from __future__ import annotations

import pytest

distributed = pytest.importorskip("distributed")

ARTICLES = {
    "tram.md": "---\nid: tram-line\npublished: 2024-02-08\n---\nThe city opened a 12-kilometre tram line on Monday. "
               "\"It will carry 40,000 riders a day,\" said transport chief Olu Adeyemi.\n",
    "school.md": "---\nid: school-roof\npublished: 2024-02-09\n---\nA storm tore the roof off Hollin school on Tuesday, "
                 "and about 300 pupils were sent home, the head teacher said.\n",
    "budget.txt": "Councillors approved a budget of $85 million last week. Critics said it was widely seen as too small.\n",
    "harvest.md": "---\nid: harvest\npublished: 2024-03-01\n---\nFarmers lost nearly a third of the harvest to frost in "
                  "February, according to the growers' union.\n",
}


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def articles(tmp_path):
    paths = []
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    yield cluster.scheduler_address
    cluster.close()


def test_the_cluster_writes_what_a_serial_run_writes(tmp_path, articles, run_extract, scheduler, capsys):
    assert run_extract("-o", tmp_path / "serial", *articles) == 0
    serial_summary = capsys.readouterr().err.splitlines()[-1]
    assert run_extract("--scheduler", scheduler, "-o", tmp_path / "dask", *articles) == 0
    summary = capsys.readouterr().err.splitlines()[-1]
    serial, dask = files_of(tmp_path / "serial"), files_of(tmp_path / "dask")
    assert len([n for n in serial if n.endswith(".yaml")]) == len(ARTICLES)
    assert dask == serial
    assert summary.split(" in ")[0] == serial_summary.split(" in ")[0]


def test_a_reviewed_file_is_merged_on_the_cluster(tmp_path, articles, run_extract, scheduler):
    out = tmp_path / "claims"
    assert run_extract("-o", out, *articles) == 0
    path = out / "tram-line.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# checked by the desk\n" + text, encoding="utf-8")
    assert run_extract("--scheduler", scheduler, "-o", out, *articles) == 0
    assert path.read_text(encoding="utf-8") == "# checked by the desk\n" + text


def test_a_local_cluster(tmp_path, articles, run_extract):
    assert run_extract("-o", tmp_path / "serial", articles[0]) == 0
    assert run_extract("--cluster", "--jobs", "1", "-o", tmp_path / "local", articles[0]) == 0
    assert files_of(tmp_path / "local") == files_of(tmp_path / "serial")
