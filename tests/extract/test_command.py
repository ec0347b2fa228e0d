"""The command's contract: exit codes, messages, no spaCy on `check`'s path."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_import_does_not_load_spacy(repo):
    code = ("import sys, claimcheck.extract, claimcheck.extract.command, claimcheck.extract.merge;"
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=repo, check=False).returncode == 0


def test_missing_article_is_exit_2(tmp_path, capsys):
    from claimcheck.extract.command import main

    assert main(["-o", str(tmp_path), str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "cannot read article" in err and "Traceback" not in err


def test_bad_meta_is_exit_2(tmp_path, capsys):
    from claimcheck.extract.command import main

    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    meta = tmp_path / "meta.yaml"
    meta.write_text("articles: [\n", encoding="utf-8")
    assert main(["--meta", str(meta), str(tmp_path / "a.txt")]) == 2
    assert "meta file" in capsys.readouterr().err


def test_unknown_model_is_exit_2(tmp_path, capsys):
    pytest.importorskip("spacy")
    from claimcheck.extract.command import main

    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    assert main(["--model", "no_such_pipeline", "-o", str(tmp_path), str(tmp_path / "a.txt")]) == 2
    assert "no_such_pipeline" in capsys.readouterr().err


def test_summary_and_module_entry_point(tmp_path, nlp, repo, example):
    proc = subprocess.run([sys.executable, "-m", "claimcheck.extract", "-o", str(tmp_path), str(example)],
                          cwd=repo, capture_output=True, text=True, env={"CI": "true", "PATH": ""}, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "1 article(s)" in proc.stderr and "figure" in proc.stderr and "s ->" in proc.stderr
