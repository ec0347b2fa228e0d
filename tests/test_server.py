"""`claimcheck server`: a real LSP session over stdio with `python -m claimcheck server`, spoken by a
minimal JSON-RPC client (Content-Length framing) — initialize, didOpen, publishDiagnostics,
didChange, hover, codeAction (the edits applied), completion, shutdown and exit — and the pieces
under it (`ignore:` lists in text, list edits of `claimcheck.fix.apply`, the workspace's records).

`CLAIMCHECK_LSP_TRANSCRIPT=FILE pytest tests/test_server.py` writes the session's messages to FILE
(docs/editors.md shows one, abbreviated).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimcheck.findings import Edit, Fix
from claimcheck.fix import apply
from claimcheck.server.text import changed_region, finding_span, ignore_fix, ignore_slot, split_lines
from claimcheck.server.workspace import Buffer, Workspace

pytest.importorskip("pygls")
pytest.importorskip("lsprotocol")

TIMEOUT = 15.0

PYPROJECT = """\
[tool.claimcheck]
paths = ["claims"]
reference = ["claims/reference"]
"""

A = """\
article:
  id: a
  published: 2022-01-27
claims:
  - id: toll
    kind: figure
    text: more than 13,000 people killed
    subject: war in the Donbas
    metric: people killed
    value: 13000
    cumulative: true
    attribution: {source: United Nations, type: organization}
  - id: seen
    kind: statement
    text: the toll is widely seen as an undercount
    hedge: widely seen  # the article's words
  - id: helmets
    kind: figure
    text: 5,000 helmets
    subject: aid
    metric: helmets
    value: 5000
    atribution: {source: German government, type: organization}
"""

B = """\
article:
  id: b
  published: 2022-03-01
claims:
  - id: toll
    kind: figure
    text: 10,000 people killed
    subject: war in the Donbas
    metric: people killed
    value: 10000
    cumulative: true
    attribution: {source: United Nations, type: organization}
"""

REFERENCE = "reference: {id: offices}\ntenures: []\n"


# A minimal LSP client --------------------------------------------------------------------------------


class Client:
    """JSON-RPC over a subprocess's stdin/stdout: requests wait for their response; everything the
    server sends is kept in order (`inbox`) and answered when it is a request."""

    def __init__(self, argv: list[str], cwd: Path, env: dict):
        self.process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: list[dict] = []
        self.transcript: list[tuple[str, dict]] = []
        self.ids = 0
        self.condition = threading.Condition()
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr: list[bytes] = []
        threading.Thread(target=lambda: self.stderr.extend(self.process.stderr), daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            message = json.loads(stream.read(int(headers["content-length"])))
            self.transcript.append(("<-", message))
            if "method" in message and "id" in message:  # a request of the server's: answer it
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            with self.condition:
                self.inbox.append(message)
                self.condition.notify_all()

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        with self.lock:
            self.transcript.append(("->", message))
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict | None = None):
        self.ids += 1
        ident = self.ids
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == ident and "method" not in m, 0)
        assert "error" not in message, message
        return message["result"]

    def wait(self, predicate, since: int, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for message in self.inbox[since:]:
                    if predicate(message):
                        return message
                left = deadline - time.monotonic()
                assert left > 0, f"no such message from the server; stderr: {b''.join(self.stderr).decode(errors='replace')[-2000:]}"
                self.condition.wait(left)

    def mark(self) -> int:
        with self.condition:
            return len(self.inbox)

    def diagnostics(self, uri: str, since: int, predicate=lambda items: True) -> dict:
        """The first publishDiagnostics for `uri` after `since` whose diagnostics satisfy `predicate`."""

        def wanted(message):
            params = message.get("params") or {}
            return message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri and predicate(params["diagnostics"])

        return self.wait(wanted, since)["params"]

    def published(self, uri: str, since: int) -> list[dict]:
        with self.condition:
            return [m["params"] for m in self.inbox[since:] if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]


def apply_edits(text: str, edits: list[dict]) -> str:
    """A client applying TextEdits (positions in UTF-16 units; the test texts are ASCII)."""
    lines = text.split("\n")

    def offset(position):
        return sum(len(line) + 1 for line in lines[: position["line"]]) + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def codes(diagnostics: list[dict]) -> list[str]:
    return sorted(d["code"] for d in diagnostics)


# The session ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("desk")
    (root / "claims" / "reference").mkdir(parents=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "claims" / "a.yaml").write_text(A)
    (root / "claims" / "b.yaml").write_text(B)
    (root / "claims" / "reference" / "offices.yaml").write_text(REFERENCE)
    return root


@pytest.fixture(scope="module")
def client(project, tmp_path_factory):
    env = {**os.environ, "CLAIMCHECK_KEY_DIR": str(tmp_path_factory.mktemp("keys"))}
    client = Client([sys.executable, "-m", "claimcheck", "server"], project, env)
    yield client
    if client.process.poll() is None:
        client.process.kill()
    client.process.wait(5)
    target = os.environ.get("CLAIMCHECK_LSP_TRANSCRIPT")
    if target:
        Path(target).write_text("".join(f"{way} {json.dumps(m)}\n" for way, m in client.transcript))


def uri(project: Path, name: str) -> str:
    return (project / "claims" / name).as_uri()


def test_a_session_over_stdio(client, project):
    a_uri, b_uri = uri(project, "a.yaml"), uri(project, "b.yaml")
    started = time.monotonic()

    # initialize: what the server offers
    capabilities = client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": project.as_uri(),
            "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True}, "hover": {"contentFormat": ["markdown"]}}},
        },
    )["capabilities"]
    assert capabilities["hoverProvider"]
    assert set(capabilities["codeActionProvider"]["codeActionKinds"]) == {"quickfix", "source.fixAll.claimcheck"}
    assert "[" in capabilities["completionProvider"]["triggerCharacters"] and capabilities["completionProvider"]["resolveProvider"]
    client.notify("initialized", {})

    # didOpen: diagnostics for the file and for the file its claim conflicts with
    since = client.mark()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": a_uri, "languageId": "yaml", "version": 1, "text": A}})
    a = client.diagnostics(a_uri, since)
    assert a["version"] == 1
    by_code = {d["code"]: d for d in a["diagnostics"]}
    assert codes(a["diagnostics"]) == ["CC002", "CC301", "CC302"]
    vague = by_code["CC302"]
    assert vague["range"] == {"start": {"line": 15, "character": 4}, "end": {"line": 15, "character": len("    hedge: widely seen")}}
    assert vague["severity"] == 2 and vague["source"] == "claimcheck"
    assert vague["message"].startswith('vague-attribution: statement "the toll is widely seen as an undercount" rests on an unsupported attribution')
    schema = by_code["CC002"]
    assert schema["range"]["start"] == {"line": 22, "character": 4}
    assert schema["range"]["end"]["character"] == len("    atribution: {source: German government, type: organization}")
    assert schema["message"] == "schema: unknown figure claim field `atribution` (did you mean `attribution`?)"
    b = client.diagnostics(b_uri, since)
    [conflict] = b["diagnostics"]
    assert conflict["code"] == "CC101" and conflict["severity"] == 1
    assert conflict["range"]["start"] == {"line": 9, "character": 4}
    assert conflict["message"].startswith("numeric-conflict: war in the Donbas (people killed): 10,000")
    assert "in claims/a.yaml:5" in conflict["message"]  # paths relative to the workspace root
    [related] = conflict["relatedInformation"]
    assert related["location"]["uri"] == a_uri and related["location"]["range"]["start"] == {"line": 4, "character": 4}
    assert related["message"] == "related claim a#toll"

    # hover over a finding: its message and its rule's documentation
    hover = client.request("textDocument/hover", {"textDocument": {"uri": a_uri}, "position": {"line": 15, "character": 8}})
    assert hover["contents"]["kind"] == "markdown"
    assert "**CC302 vague-attribution** (warning): statement" in hover["contents"]["value"]
    assert "# vague-attribution (CC302)" in hover["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": a_uri}, "position": {"line": 1, "character": 2}}) is None

    # codeAction: the finding's fix, applied by the client, then the buffer changes
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": a_uri}, "range": schema["range"], "context": {"diagnostics": [schema]}},
    )
    quick = [x for x in actions if x["kind"] == "quickfix"]
    assert [x["title"] for x in quick] == ["rename `atribution` to `attribution`"]
    assert quick[0]["isPreferred"] is True and quick[0]["diagnostics"] == [schema]
    [edit] = quick[0]["edit"]["changes"][a_uri]
    assert edit == {"range": {"start": {"line": 22, "character": 6}, "end": {"line": 22, "character": 6}}, "newText": "t"}  # the changed region only
    text = apply_edits(A, [edit])
    assert text == A.replace("atribution:", "attribution:")
    assert any(x["kind"] == "source.fixAll.claimcheck" for x in actions)

    since = client.mark()
    client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": 2}, "contentChanges": [{"text": text}]})
    a = client.diagnostics(a_uri, since)
    assert a["version"] == 2 and codes(a["diagnostics"]) == ["CC302"]
    vague = a["diagnostics"][0]

    # codeAction: ignore the rule for this claim (a new `ignore:` list, the comment kept)
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": a_uri}, "range": vague["range"], "context": {"diagnostics": [vague], "only": ["quickfix"]}},
    )
    assert [x["title"] for x in actions] == ["Ignore vague-attribution for this claim"]
    text = apply_edits(text, actions[0]["edit"]["changes"][a_uri])
    assert "    hedge: widely seen  # the article's words\n    ignore: [vague-attribution]\n" in text
    since = client.mark()
    client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": 3}, "contentChanges": [{"text": text}]})
    assert client.diagnostics(a_uri, since)["diagnostics"] == []

    # the other file's conflict goes when the edited buffer no longer contradicts it
    since = client.mark()
    text = text.replace("value: 13000", "value: 9000")
    client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": 4}, "contentChanges": [{"text": text}]})
    assert client.diagnostics(b_uri, since)["diagnostics"] == []

    # completion inside `ignore:` lists, flow and block; hover over a rule name there
    text = text.replace("ignore: [vague-attribution]", "ignore: [vague-attribution, un]")
    client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": 5}, "contentChanges": [{"text": text}]})
    line = split_lines(text).index("    ignore: [vague-attribution, un]")
    completion = client.request("textDocument/completion", {"textDocument": {"uri": a_uri}, "position": {"line": line, "character": 34}})
    labels = [item["label"] for item in completion["items"]]
    assert "unattributed" in labels and "CC301" in labels and "schema" in labels
    assert "vague-attribution" not in labels and "CC302" not in labels  # already listed
    item = next(i for i in completion["items"] if i["label"] == "unattributed")
    assert item["detail"].startswith("CC301: ") and item["textEdit"]["range"]["start"] == {"line": line, "character": 32}
    assert labels.index("unattributed") < labels.index("CC101")  # names first
    resolved = client.request("completionItem/resolve", item)
    assert resolved["documentation"]["value"].startswith("# unattributed (CC301)")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": a_uri}, "position": {"line": line, "character": 16}})
    assert hover["contents"]["value"].startswith("# vague-attribution (CC302)")
    assert hover["range"] == {"start": {"line": line, "character": 13}, "end": {"line": line, "character": 30}}

    text = text.replace("ignore: [vague-attribution, un]", "ignore:\n      - vague-attribution\n      - ")
    client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": 6}, "contentChanges": [{"text": text}]})
    completion = client.request("textDocument/completion", {"textDocument": {"uri": a_uri}, "position": {"line": line + 2, "character": 8}})
    labels = [item["label"] for item in completion["items"]]
    assert "arithmetic" in labels and "vague-attribution" not in labels
    outside = client.request("textDocument/completion", {"textDocument": {"uri": a_uri}, "position": {"line": 5, "character": 10}})
    assert outside is None

    # didChange is debounced: three quick changes, one pass, on the last text (a pass on version 7
    # would publish CC302 for a.yaml again; version 9 has it ignored and conflicts with b.yaml)
    since = client.mark()
    final = text.replace("ignore:\n      - vague-attribution\n      - ", "ignore: [vague-attribution]").replace("value: 9000", "value: 13000")
    for version, changed in ((7, A.replace("atribution:", "attribution:")), (8, A), (9, final)):
        client.notify("textDocument/didChange", {"textDocument": {"uri": a_uri, "version": version}, "contentChanges": [{"text": changed}]})
    assert codes(client.diagnostics(b_uri, since)["diagnostics"]) == ["CC101"]
    assert client.published(a_uri, since) == []

    # an unsafe fix: titled so, not preferred
    c_uri = uri(project, "c.yaml")  # not on disk: checked because it reads as a claim file
    event = "article:\n  id: c\n  published: 2022-01-27\nclaims:\n  - id: summit\n    kind: event\n    text: the leaders met in Geneva\n    subject: Geneva summit\n    date: 2022-02-10\n"
    since = client.mark()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": c_uri, "languageId": "yaml", "version": 1, "text": event}})
    [anachronism] = client.diagnostics(c_uri, since)["diagnostics"]
    assert anachronism["code"] == "CC202" and anachronism["range"]["start"] == {"line": 8, "character": 4}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": c_uri}, "range": anachronism["range"], "context": {"diagnostics": [anachronism]}},
    )
    titles = {x["title"]: x for x in actions}
    unsafe = titles["mark the event planned (tense: future) (unsafe)"]
    assert unsafe["isPreferred"] is False
    assert apply_edits(event, unsafe["edit"]["changes"][c_uri]).endswith("    date: 2022-02-10\n    tense: future\n")
    assert "Ignore anachronism for this claim" in titles

    # closed: a buffer not on disk leaves the corpus, its diagnostics are cleared
    since = client.mark()
    client.notify("textDocument/didClose", {"textDocument": {"uri": c_uri}})
    assert client.diagnostics(c_uri, since)["diagnostics"] == []

    # the configuration changed on disk (a watched file): read again
    since = client.mark()
    (project / "pyproject.toml").write_text(PYPROJECT + 'ignore = ["numeric-conflict"]\n')
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": (project / "pyproject.toml").as_uri(), "type": 2}]})
    assert client.diagnostics(b_uri, since)["diagnostics"] == []
    (project / "pyproject.toml").write_text(PYPROJECT)

    # shutdown and exit
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.process.wait(TIMEOUT) == 0
    assert time.monotonic() - started < 15


def test_without_pygls_it_says_how_to_install(monkeypatch, capsys):
    from claimcheck.cli import main

    monkeypatch.setitem(sys.modules, "pygls", None)
    assert main(["server"]) == 2
    assert "pip install 'claimcheck-lint[lsp]'" in capsys.readouterr().err


def test_tcp(project, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CLAIMCHECK_KEY_DIR": str(tmp_path / "keys")}
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", "server", "--tcp", f"127.0.0.1:{port}"], cwd=project, env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, process.stderr.read().decode()
                time.sleep(0.05)
        with connection:
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": project.as_uri(), "capabilities": {}}}).encode()
            connection.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            reply = b""
            while b'"result"' not in reply:
                chunk = connection.recv(65536)
                assert chunk, "the server closed the connection"
                reply += chunk
            assert b'"hoverProvider": true' in reply.replace(b'":true', b'": true')
    finally:
        process.kill()
        process.wait(5)


def test_bad_tcp_address(capsys):
    from claimcheck.cli import main

    assert main(["server", "--tcp", "nowhere"]) == 2
    assert "HOST:PORT" in capsys.readouterr().err


# The pieces ------------------------------------------------------------------------------------------------


def test_ignore_lists_in_text():
    text = (
        "claims:\n"
        "  - id: a\n"
        "    ignore: [unattributed, vag]\n"
        "  - id: b\n"
        "    ignore:  # block\n"
        "      - schema\n"
        "      - un\n"
        "\n"
        "      - CC101\n"
        "    text: foo\n"
        "  - {id: c, ignore: [], text: t}\n"
        "  - - x\n"
    )
    lines = split_lines(text)
    flow = ignore_slot(lines, 2, 30)
    assert (flow.start, flow.end, flow.word, flow.others) == (27, 30, "vag", ("unattributed",))
    assert ignore_slot(lines, 2, 14).word == "unattributed"
    block = ignore_slot(lines, 6, 10)
    assert (block.word, block.others) == ("un", ("schema", "CC101"))
    assert ignore_slot(lines, 10, 21).others == ()  # in `[]`
    assert ignore_slot(lines, 9, 6) is None  # `text:`
    assert ignore_slot(lines, 1, 8) is None
    assert ignore_slot(lines, 11, 6) is None  # a list, not under `ignore:`
    assert ignore_slot(lines, 2, 4) is None


def test_text_helpers():
    assert changed_region("abcXdef", "abcYYdef") == (3, 4, "YY")
    assert changed_region("same", "same") == (4, 4, "")
    lines = split_lines("a: 1\r\n  b: long value   \n")
    assert finding_span(lines, 2, 3) == (1, 2, 1, 15)
    assert finding_span(lines, 9, 1) == (2, 0, 2, 0)  # past the end: clamped
    lines = split_lines("  text: 'it is # not' # but this is\n  quote: \"a \\\" # b\"  # c\n# all\n")
    assert [finding_span(lines, n, 3)[3] for n in (1, 2, 3)] == [len("  text: 'it is # not'"), len('  quote: "a \\" # b"'), 3]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("    ignore: [x]  # keep\n    text: t\n", "    ignore: [x, unattributed]  # keep\n    text: t\n"),
        ("    ignore: []\n", "    ignore: [unattributed]\n"),
        ("    ignore:\n      - x  # c\n    text: t\n", "    ignore:\n      - x  # c\n      - unattributed\n    text: t\n"),
        ("    ignore:\n    - x\n", "    ignore:\n    - x\n    - unattributed\n"),
        ("    text: t  # c\n", "    text: t  # c\n    ignore: [unattributed]\n"),
    ],
)
def test_fix_apply_extends_ignore_lists(before, after):
    import yaml

    text = "claims:\n  - id: a\n" + before
    fix = ignore_fix(yaml.safe_load(text), "a", "unattributed")
    assert apply(text, [fix]) == ("claims:\n  - id: a\n" + after, [fix])


@pytest.mark.parametrize(
    ("before", "value", "after"),
    [
        ("    ignore: [x, z]  # c\n", ["z"], "    ignore: [z]  # c\n"),
        ("    ignore:\n      - x  # gone\n      - z  # kept\n    text: t\n", ["z"], "    ignore:\n      - z  # kept\n    text: t\n"),
        ("    ignore:  # why\n    - x\n    text: t\n", [], "    ignore: []  # why\n    text: t\n"),
    ],
)
def test_fix_apply_gives_a_list_new_items(before, value, after):
    """unused-ignore's fix sets the list that remains; the list keeps its style."""
    text = "claims:\n  - id: a\n" + before
    fix = Fix("remove", (Edit(("claims", 0, "ignore"), value),))
    assert apply(text, [fix]) == ("claims:\n  - id: a\n" + after, [fix])


def test_fix_apply_lists_in_flow_mappings():
    text = "claims:\n  - {id: a, text: t}\n"
    fix = Fix("t", (Edit(("claims", 0, "ignore"), ["unattributed", "a, b"]),))
    assert apply(text, [fix])[0] == 'claims:\n  - {id: a, text: t, ignore: [unattributed, "a, b"]}\n'
    wrong_index = Fix("t", (Edit(("claims", 0, "ignore", 5), "x"),))
    assert apply("claims:\n  - {id: a, ignore: [y]}\n", [wrong_index])[1] == []
    assert ignore_fix({"claims": [{"id": "a", "ignore": ["x"]}]}, "a", "x") is None  # already there
    assert ignore_fix({"claims": [{"id": "a"}]}, "b", "x") is None


def test_workspace_reuses_records_and_sees_changes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.yaml").write_text(A)
    (tmp_path / "claims" / "b.yaml").write_text(B)
    workspace = Workspace(tmp_path)
    a, b = str(tmp_path / "claims" / "a.yaml"), str(tmp_path / "claims" / "b.yaml")
    found = workspace.check([])
    assert [f.code for f in found[b]] == ["CC101"]
    assert workspace.in_corpus(a) and workspace.belongs(a, "") and not workspace.belongs(str(tmp_path / "x.yaml"), "foo: 1")
    # the buffer wins over the file on disk
    assert b not in workspace.check([Buffer(a, A.replace("value: 13000", "value: 9000"))])
    # a change on disk is seen; the other records are kept
    kept = workspace._records[os.path.realpath(b)]
    (tmp_path / "claims" / "a.yaml").write_text(A.replace("value: 13000", "value: 9000"))
    os.utime(a, ns=(time.time_ns() + 5_000_000_000,) * 2)
    assert b not in workspace.check([])
    assert workspace._records[os.path.realpath(b)] is kept
    # a new file is found after invalidate (a save of a file not in the corpus)
    (tmp_path / "claims" / "c.yaml").write_text(B.replace("id: b", "id: c").replace("10000", "8000").replace("10,000", "8,000"))
    workspace.invalidate()
    assert str(tmp_path / "claims" / "c.yaml") in workspace.check([])
    # a broken configuration: no session, the error said
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\nbogus = 1\n")
    workspace.open_session()
    assert workspace.check([]) is None and "bogus" in workspace.error
