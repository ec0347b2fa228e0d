"""The Language Server Protocol side, on pygls: documents in, diagnostics, hovers, code actions and
completions out. What is checked and how is `claimcheck.server.workspace`'s; what a buffer's text
says (ranges, `ignore:` lists) is `claimcheck.server.text`'s.

A diagnostics pass runs on a worker thread (one at a time), `debounce` seconds after the last
change (at once after an open or a save); its results are published on the event loop. A pass
covers the whole corpus, so it publishes for every file that has findings — the edited file and
the others its claims conflict with — only where the diagnostics changed, and clears the files it
published before that have none now.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from claimcheck import __version__
from claimcheck.findings import Finding, Location, fix_from_json, fix_to_json
from claimcheck.fix import apply
from claimcheck.load import read_text
from claimcheck.load.files import YAML_SUFFIXES
from claimcheck.load.yamlsafe import YamlProblem, read_yaml
from claimcheck.registry import resolve
from claimcheck.ruledocs import rule_text
from claimcheck.server.text import changed_region, finding_span, ignore_fix, ignore_slot, position_at, split_lines
from claimcheck.server.workspace import Buffer, Workspace

log = logging.getLogger("claimcheck.server")

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning, "info": types.DiagnosticSeverity.Information}
SOURCE = "claimcheck"
FIX_ALL = "source.fixAll.claimcheck"


@dataclass(frozen=True)
class Shown:
    """A finding as published: its range (0-based, code points) in the text it was found in."""

    span: tuple[int, int, int, int]
    finding: Finding

    def covers(self, line: int, column: int) -> bool:
        start, end = self.span[:2], self.span[2:]
        return start <= (line, column) <= end


class Files:
    """One pass's files: each one's real path, uri (the one the client opened it under, else its
    file uri) and lines (its buffer as the pass saw it, else the file on disk), looked up once."""

    def __init__(self, server: ClaimcheckServer, texts: dict[str, str]):
        self.server, self.texts = server, texts
        self.opened = {os.path.realpath(d.path): uri for uri, d in server.workspace.text_documents.items() if d.path}
        self._real: dict[str, str] = {}
        self._uri: dict[str, str] = {}
        self._lines: dict[str, list[str]] = {}

    def real(self, path: str) -> str:
        if path not in self._real:
            self._real[path] = os.path.realpath(path)
        return self._real[path]

    def uri(self, path: str) -> str:
        if path not in self._uri:
            self._uri[path] = self.opened.get(self.real(path)) or Path(os.path.abspath(path)).as_uri()
        return self._uri[path]

    def key(self, path: str, findings: list[Finding]) -> tuple:
        """What a file's diagnostics depend on: its findings, and the texts of the files they name."""
        involved = {path, *(location.path for finding in findings for location in finding.related)}
        texts = tuple(sorted((self.real(p), self.version(p)) for p in involved))
        return tuple(map(_finding_key, findings)), texts

    def version(self, path: str):
        text = self.texts.get(self.real(path))
        if text is not None:
            return text
        try:
            status = os.stat(path)
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def lines(self, path: str) -> list[str]:
        real = self.real(path)
        if real not in self._lines:
            text = self.texts.get(real)
            self._lines[real] = split_lines(text) if text is not None else self.server.disk_lines(path, real)
        return self._lines[real]


class ClaimcheckServer(LanguageServer):
    def __init__(self, debounce: float = 0.3, local_rules: bool | None = None):
        super().__init__("claimcheck", __version__)
        self.debounce = debounce
        self.local_rules = local_rules
        self.claims: Workspace | None = None
        self.shown: dict[str, list[Shown]] = {}  # uri -> what its diagnostics show
        self.published: dict[str, list] = {}  # uri -> the diagnostics last published
        self._timer: asyncio.TimerHandle | None = None
        self._running = False
        self._again = False
        self._reported_error: str | None = None
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="claimcheck-pass")
        self._disk_lines: dict[str, tuple[tuple, list[str]]] = {}
        self._made: dict[str, tuple] = {}  # uri -> (what its diagnostics depend on, shown, diagnostics)

    # positions ---------------------------------------------------------------------------------------

    def units(self, text: str) -> int:
        """How many of the client's units (UTF-16 unless negotiated otherwise) `text` takes."""
        if text.isascii():
            return len(text)
        encoding = self.workspace.position_codec.encoding
        if encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def client_range(self, lines: list[str], span: tuple[int, int, int, int]) -> types.Range:
        def position(line: int, column: int) -> types.Position:
            text = lines[line] if line < len(lines) else ""
            return types.Position(line, self.units(text[:column]))

        return types.Range(position(*span[:2]), position(*span[2:]))

    def server_position(self, lines: list[str], position: types.Position) -> tuple[int, int]:
        found = self.workspace.position_codec.position_from_client_units(lines, position)
        return found.line, found.character

    def disk_lines(self, path: str, real: str) -> list[str]:
        """A file's lines on disk (kept while its size and modification time stay)."""
        try:
            status = os.stat(path)
        except OSError:
            return []
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self._disk_lines.get(real)
        if cached is None or cached[0] != stamp:
            text, _problem = read_text(path)
            cached = (stamp, split_lines(text or ""))
            self._disk_lines[real] = cached
        return cached[1]

    def saved(self, path: str, created_or_deleted: bool = False) -> None:
        """A file was saved or changed on disk: re-read the configuration when it is the
        configuration, discover the corpus again when files may have come or gone; then a pass."""
        if self.claims is None:
            return
        claims = self.claims
        if os.path.basename(path) == "pyproject.toml":
            change = claims.open_session
        elif created_or_deleted or not claims.in_corpus(path):
            change = claims.invalidate
        else:
            change = None
        if change is not None:  # on the pass's thread, between passes
            asyncio.get_running_loop().run_in_executor(self.executor, change)
        self.schedule(0)

    # the diagnostics pass ------------------------------------------------------------------------------

    def schedule(self, delay: float | None = None) -> None:
        """A pass after `delay` seconds (default: the debounce), replacing one not yet started."""
        if self.claims is None:
            return
        if self._timer is not None:
            self._timer.cancel()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.debounce if delay is None else delay, lambda: asyncio.ensure_future(self.lint()))

    async def lint(self) -> None:
        if self._running:  # the pass in progress runs again when done
            self._again = True
            return
        self._running = True
        try:
            while True:
                self._again = False
                buffers, versions = self.snapshot()
                loop = asyncio.get_running_loop()
                try:
                    found = await loop.run_in_executor(self.executor, self.claims.check, buffers)
                except Exception:  # a pass that fails must not stop the server
                    log.exception("claimcheck: the diagnostics pass failed")
                    found = None
                self.publish(found, {os.path.realpath(b.path): b.text for b in buffers}, versions)
                if not self._again:
                    break
        finally:
            self._running = False

    def snapshot(self) -> tuple[list[Buffer], dict[str, int]]:
        buffers, versions = [], {}
        for uri, document in list(self.workspace.text_documents.items()):
            if document.path and document.path.endswith(YAML_SUFFIXES):
                buffers.append(Buffer(os.path.abspath(document.path), document.source))
                versions[uri] = document.version
        return buffers, versions

    def publish(self, found: dict[str, list[Finding]] | None, texts: dict[str, str], versions: dict[str, int]) -> None:
        if found is None:
            self.report_error()
            found = {}
        else:
            self._reported_error = None
        files = Files(self, texts)
        shown: dict[str, list[Shown]] = {}
        diagnostics: dict[str, list] = {}
        made: dict[str, tuple] = {}
        for path, findings in found.items():
            uri, key = files.uri(path), files.key(path, findings)
            before = self._made.get(uri)
            if before is not None and before[0] == key:  # the same findings on the same texts: as before
                made[uri] = before
            else:
                lines = files.lines(path)
                items = [Shown(finding_span(lines, f.line, f.column), f) for f in findings]
                made[uri] = (key, items, [self.diagnostic(item, lines, files) for item in items])
            shown[uri], diagnostics[uri] = made[uri][1:]
        for uri in self.published:
            diagnostics.setdefault(uri, [])
        self.shown, self._made = shown, made
        for uri, items in diagnostics.items():
            if self.published.get(uri) == items:
                continue
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, items, versions.get(uri)))
            if items:
                self.published[uri] = items
            else:
                self.published.pop(uri, None)

    def report_error(self) -> None:
        error = self.claims.error if self.claims is not None else None
        if error and error != self._reported_error:
            self._reported_error = error
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"claimcheck: {error}"))

    def diagnostic(self, item: Shown, lines: list[str], files: Files) -> types.Diagnostic:
        finding = item.finding
        related = [self.related(location, files) for location in finding.related]
        data = {"rule": finding.rule, "claim": finding.claim, "ignorable": _ignorable(finding)}
        if finding.fix is not None:
            data["fix"] = fix_to_json(finding.fix)
        return types.Diagnostic(
            range=self.client_range(lines, item.span),
            message=f"{finding.rule}: {finding.message}",
            severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.code,
            source=SOURCE,
            related_information=related or None,
            data=data,
        )

    def related(self, location: Location, files: Files) -> types.DiagnosticRelatedInformation:
        lines = files.lines(location.path)
        where = types.Location(files.uri(location.path), self.client_range(lines, finding_span(lines, location.line, location.column)))
        return types.DiagnosticRelatedInformation(where, f"related claim {location.ref}" if location.ref else "related")

    # requests --------------------------------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        """The findings at the position (their messages, then their rules' documentation) and, over
        a rule name or code in an `ignore:` list, that rule's documentation."""
        document = self.workspace.get_text_document(params.text_document.uri)
        lines = split_lines(document.source)
        line, column = self.server_position(lines, params.position)
        here = [item for item in self.shown.get(params.text_document.uri, []) if item.covers(line, column)]
        parts = [f"**{item.finding.code} {item.finding.rule}** ({item.finding.severity}): {item.finding.message}" for item in here]
        rules = [self.claims.rules.get(item.finding.rule) for item in here]
        span = here[0].span if here else None
        slot = ignore_slot(lines, line, column)
        if slot is not None and slot.word and (named := resolve(self.claims.rules, slot.word)) is not None:
            rules.insert(0, named)
            span = (line, slot.start, line, slot.end)
        documented = []
        for rule in rules:
            if rule is not None and rule not in documented:
                documented.append(rule)
        parts += [rule_text(rule) for rule in documented]
        if not parts:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), self.client_range(lines, span))

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Quick fixes for the diagnostics asked about (the fix a finding carries; "Ignore RULE for
        this claim"), and a fix-all of the file's safe fixes. Each edit is one `TextEdit` that
        replaces the region of the buffer the fixes change (`claimcheck.fix.apply` on the buffer,
        common start and end left out)."""
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        text = document.source
        actions: list[types.CodeAction] = []
        diagnostics = [d for d in params.context.diagnostics if d.source == SOURCE] or self.diagnostics_in(uri, params.range, text)
        parsed: list = []
        for diagnostic in diagnostics:
            data = diagnostic.data if isinstance(diagnostic.data, dict) else self.data_of(uri, diagnostic)
            if not data:
                continue
            if data.get("fix"):
                fix = fix_from_json(data["fix"])
                title = fix.title if fix.safe else f"{fix.title} (unsafe)"
                action = self.action(uri, text, [fix], title, types.CodeActionKind.QuickFix, diagnostic)
                if action is not None:
                    action.is_preferred = fix.safe
                    actions.append(action)
            if data.get("ignorable") and data.get("claim") and data.get("rule"):
                if not parsed:
                    parsed.append(_data_of(text))
                fix = ignore_fix(parsed[0], data["claim"], data["rule"])
                if fix is not None:
                    action = self.action(uri, text, [fix], fix.title, types.CodeActionKind.QuickFix, diagnostic)
                    if action is not None:
                        actions.append(action)
        safe = [item.finding.fix for item in self.shown.get(uri, []) if item.finding.fix is not None and item.finding.fix.safe]
        if safe:
            action = self.action(uri, text, safe, "Fix all safe claimcheck fixes", FIX_ALL, None)
            if action is not None:
                actions.append(action)
        only = params.context.only
        if only:
            wanted = [_kind(k) for k in only]
            actions = [a for a in actions if any(_kind(a.kind) == k or _kind(a.kind).startswith(f"{k}.") for k in wanted)]
        return actions

    def action(self, uri: str, text: str, fixes: list, title: str, kind, diagnostic) -> types.CodeAction | None:
        new, applied = apply(text, fixes)
        if not applied or new == text:
            return None
        start, end, replacement = changed_region(text, new)
        lines = split_lines(text)
        span = (*position_at(text, start), *position_at(text, end))
        edit = types.TextEdit(self.client_range(lines, span), replacement)
        return types.CodeAction(
            title=title,
            kind=kind,
            diagnostics=[diagnostic] if diagnostic is not None else None,
            edit=types.WorkspaceEdit(changes={uri: [edit]}),
        )

    def diagnostics_in(self, uri: str, wanted: types.Range, text: str) -> list[types.Diagnostic]:
        """The published diagnostics a range touches (for clients that send none in the context)."""
        lines = split_lines(text)
        start, end = self.server_position(lines, wanted.start), self.server_position(lines, wanted.end)
        items = self.published.get(uri, [])
        return [d for item, d in zip(self.shown.get(uri, []), items) if item.span[:2] <= end and start <= item.span[2:]]

    def data_of(self, uri: str, diagnostic: types.Diagnostic) -> dict | None:
        """The data of a published diagnostic, for clients that do not send it back."""
        for published in self.published.get(uri, []):
            if published.range == diagnostic.range and published.code == diagnostic.code and published.message == diagnostic.message:
                return published.data
        return None

    def completions(self, params: types.CompletionParams) -> types.CompletionList | None:
        """Inside an `ignore:` list: the rule names, then their codes, not those already listed."""
        document = self.workspace.get_text_document(params.text_document.uri)
        lines = split_lines(document.source)
        line, column = self.server_position(lines, params.position)
        slot = ignore_slot(lines, line, column)
        if slot is None or self.claims is None:
            return None
        rules = self.claims.rules
        listed = {rule.name for name in slot.others if (rule := resolve(rules, name)) is not None}
        replace = self.client_range(lines, (line, slot.start, line, slot.end))
        items = []
        wanted = [rule for rule in rules.values() if rule.name not in listed]
        for group in (0, 1):
            for order, rule in enumerate(wanted):
                label, other = (rule.name, rule.code) if group == 0 else (rule.code, rule.name)
                items.append(
                    types.CompletionItem(
                        label=label,
                        kind=types.CompletionItemKind.EnumMember,
                        detail=f"{other}: {rule.summary}",
                        sort_text=f"{group}{order:04d}",
                        text_edit=types.TextEdit(replace, label),
                        data={"rule": rule.name},  # its documentation comes with completionItem/resolve
                    )
                )
        return types.CompletionList(is_incomplete=False, items=items)


def resolve_completion(server: ClaimcheckServer, item: types.CompletionItem) -> types.CompletionItem:
    """A completion item with its rule's documentation."""
    name = item.data.get("rule") if isinstance(item.data, dict) else None
    rule = server.claims.rules.get(name) if server.claims is not None and name else None
    if rule is not None:
        item.documentation = types.MarkupContent(types.MarkupKind.Markdown, rule_text(rule))
    return item


def _ignorable(finding: Finding) -> bool:
    """Whether a claim's `ignore:` list can suppress the finding (it names a loaded claim)."""
    return bool(finding.claims and finding.claims[0] is not None)


def _finding_key(finding: Finding) -> tuple:
    return finding.rule, finding.code, finding.severity, finding.message, finding.line, finding.column, tuple(finding.related), finding.fix, _ignorable(finding)


def _is_yaml(uri: str) -> bool:
    return (uris.to_fs_path(uri) or "").endswith(YAML_SUFFIXES)


def _kind(kind) -> str:
    return kind.value if isinstance(kind, types.CodeActionKind) else str(kind)


def _data_of(text: str):
    try:
        return read_yaml(text).data
    except YamlProblem:
        return None


def build(debounce: float = 0.3, local_rules: bool | None = None) -> ClaimcheckServer:
    server = ClaimcheckServer(debounce, local_rules)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ClaimcheckServer, params: types.InitializeParams) -> None:
        folders = ls.workspace.folders
        root = ls.workspace.root_path or (uris.to_fs_path(next(iter(folders.values())).uri) if folders else None)
        root = root if root and os.path.isdir(root) else os.getcwd()
        os.chdir(root)  # findings name files relative to the root, as `claimcheck check` run there does
        ls.claims = Workspace(root, ls.local_rules)

    @server.feature(types.INITIALIZED)
    def initialized(ls: ClaimcheckServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        watch = watch.did_change_watched_files if watch is not None else None
        if watch is not None and watch.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=g) for g in ("**/*.yaml", "**/*.yml", "**/pyproject.toml")]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration("claimcheck-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            ls.client_register_capability(types.RegistrationParams([registration]))
        ls.report_error()
        asyncio.get_running_loop().run_in_executor(ls.executor, ls.claims.refresh)  # warm: read the corpus now

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        if _is_yaml(params.text_document.uri):
            ls.schedule(0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        if _is_yaml(params.text_document.uri):
            ls.schedule()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(uris.to_fs_path(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        if _is_yaml(params.text_document.uri):
            ls.schedule(0)  # its findings now come from the file on disk (none if it is not there)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ClaimcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            ls.saved(uris.to_fs_path(change.uri), change.type != types.FileChangeType.Changed)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimcheckServer, params: types.HoverParams):
        return ls.hover(params) if ls.claims is not None else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: ClaimcheckServer, params: types.CodeActionParams):
        return ls.code_actions(params) if ls.claims is not None else None

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["[", ",", " ", "-"], resolve_provider=True))
    def completion(ls: ClaimcheckServer, params: types.CompletionParams):
        return ls.completions(params)

    @server.feature(types.COMPLETION_ITEM_RESOLVE)
    def completion_resolve(ls: ClaimcheckServer, item: types.CompletionItem):
        return resolve_completion(ls, item)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ClaimcheckServer, params) -> None:
        if ls._timer is not None:
            ls._timer.cancel()
        ls.executor.shutdown(wait=False, cancel_futures=True)

    return server


def serve(address: tuple[str, int] | None = None, debounce: float = 0.3, local_rules: bool | None = None) -> int:
    """Run the server on standard input and output, or on a TCP `address`, until the client exits."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="claimcheck server: %(levelname)s %(name)s: %(message)s")
    server = build(debounce, local_rules)
    if address is not None:
        server.start_tcp(*address)
        return 0
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a print anywhere (a project rule) must not break the protocol's stream
    server.start_io(stdin, stdout)
    return 0
