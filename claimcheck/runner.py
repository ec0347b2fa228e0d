"""Running a plan over a loaded corpus, with or without the cache: the session's engine room.

One pass runs the planned rules in order (`LAST` rules after the others, with the `ignore:`
entries the others' findings used), applies suppression and the limits, and keeps what each
rule found. With a cache, each rule's results are looked up first — per file for claim, article
and file rules (keyed by the file, the references and the corpus's article ids), per corpus for
group and corpus rules — and only the missed part is run; crashed rules are never cached.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from claimcheck.cache import Cache, digest
from claimcheck.corpus import Corpus
from claimcheck.engine import Limits, run_rule, suppressed
from claimcheck.findings import Finding
from claimcheck.model import ClaimFile, ReferenceFile
from claimcheck.plan import RuleSettings, RunPlan
from claimcheck.workers import parallel_map

FILE_SCOPES = ("claim", "article", "file")  # rules that judge one file at a time
PARALLEL_RULES_FROM = 20_000  # claims: below this a forked process costs more than it saves


@dataclass
class Keys:
    """What cache keys are made of: the configuration, the corpus, each file's content."""

    config: str
    corpus: str
    files: dict[str, str]  # path -> the file's content key
    references: str = ""
    article_ids: str = ""


@dataclass
class Runner:
    plan: RunPlan
    limits: Limits
    cache: Cache | None = None
    keys: Keys | None = None
    jobs: int | None = None  # processes the rules may run on (None or 1: this one)
    used: list = field(default_factory=list)  # (claim, ignore entry) that suppressed a finding

    def run(self, corpus: Corpus, rules: list[RuleSettings] | None = None) -> list[Finding]:
        """The rules (default: the plan's), `LAST` ones after the others; findings sorted."""
        corpus.rule_names = self.plan.known_rules
        chosen = rules if rules is not None else self.plan.rules
        corpus.selected_rules = frozenset(key for s in self.plan.rules for key in (s.rule.name, s.rule.code))
        if self.keys is not None:
            self.keys.references = digest([self.keys.files.get(r.path, r.path) for r in corpus.references])
            self.keys.article_ids = digest(sorted(str(f.article_id) for f in corpus.files))
        ordered = sorted(chosen, key=lambda s: s.rule.last)
        early = self._in_parallel([s for s in ordered if not s.rule.last], corpus)
        findings: list[Finding] = []
        for settings in ordered:
            if settings.rule.last:
                corpus.suppressions = list(self.used)
            found = early.pop(settings.rule.name, None)
            if found is None:
                found = self._one(settings, corpus)
            findings.extend(self.limits.cap(settings.rule.name, found, self.limits.per_rule))
        return sorted(superseded_removed(attach_claims(findings, corpus), chosen), key=Finding.sort_key)

    def _one(self, settings: RuleSettings, corpus: Corpus) -> list[Finding]:
        if self.cache is not None and settings.rule.cacheable:
            return self._cached(settings, corpus)
        return self._fresh(settings, corpus)

    def _in_parallel(self, rules: list[RuleSettings], corpus: Corpus) -> dict[str, list[Finding]]:
        """The rules' findings computed on `jobs` processes, this one and forked helpers, one rule
        at a time each (the corpus is inherited, not sent); what a helper sends back is the rule's
        cache-style entry, applied here as a cache hit would be. Empty when one process is all
        there is."""
        if (self.jobs or 0) <= 1 or len(rules) < 2 or corpus.claim_count < PARALLEL_RULES_FROM:
            return {}

        here = os.getpid()

        def entry_of(settings: RuleSettings) -> dict | list[Finding]:
            name = settings.rule.name
            before, used_before = self.limits.left_out[name], len(self.used)
            # Capped where found: what is not listed is not sent either.
            found = self.limits.cap(name, self._one(settings, corpus), self.limits.per_rule)
            if os.getpid() == here:  # run in this process: its counts are already here
                return found
            return self._entry(found, self.limits.left_out[name] - before, self.used[used_before:])

        # Helpers take from the front, this process from the back: the group and corpus rules
        # (much work, few findings) first, the per-claim rules (thousands of findings, which a
        # helper would have to send) last.
        heavy_first = sorted(rules, key=lambda s: s.rule.scope not in ("group", "corpus"))
        results = parallel_map(entry_of, heavy_first, self.jobs, min_items=2, chunk=1)
        return {
            s.rule.name: result if isinstance(result, list) else self._reuse(result, corpus, s.rule.name)
            for s, result in zip(heavy_first, results)
        }

    def _fresh(self, settings: RuleSettings, corpus: Corpus) -> list[Finding]:
        return [f for f in run_rule(corpus, settings, self.limits) if not suppressed(f, self.plan, self.used)]

    # the cache ------------------------------------------------------------------------------------------

    def _cached(self, settings: RuleSettings, corpus: Corpus) -> list[Finding]:
        rule, keys = settings.rule, self.keys
        if rule.scope in FILE_SCOPES and not rule.last:
            return self._cached_per_file(settings, corpus)
        key = digest("rule", keys.config, keys.corpus, rule.name)
        entry = self.cache.get_result(key)
        if _entry(entry):
            return self._reuse(entry, corpus, rule.name)
        before, used_before = self.limits.left_out[rule.name], len(self.used)
        found = self._fresh(settings, corpus)
        if not crashed(found, rule):
            self.cache.put_result(key, self._entry(found, self.limits.left_out[rule.name] - before, self.used[used_before:]))
        return found

    def _cached_per_file(self, settings: RuleSettings, corpus: Corpus) -> list[Finding]:
        """Per file, from one pack per rule: {file key: entry}, read and written once a run (a
        thousand files are one cache entry, not a thousand)."""
        rule, keys = settings.rule, self.keys
        files = corpus.all_files if rule.scope == "file" else corpus.files
        pack_key = digest("file-rule-pack", keys.config, rule.name)
        pack = self.cache.get_result(pack_key)
        pack = pack if isinstance(pack, dict) else {}
        found, missed, file_keys = [], [], {}
        for loaded in files:
            file_keys[loaded.path] = key = digest("file-rule", keys.config, rule.name, keys.files.get(loaded.path, loaded.path), keys.references, keys.article_ids)
            entry = pack.get(key)
            if _entry(entry):
                found += self._reuse(entry, corpus, rule.name)
            else:
                missed.append(loaded)
        if not missed:
            return found
        view = Corpus(files=[f for f in missed if isinstance(f, ClaimFile)], references=corpus.references, normalizer=corpus.normalizer)
        if rule.scope == "file":
            view.references = [f for f in missed if isinstance(f, ReferenceFile)]
        view.rule_names, view.read_roots, view.selected_rules = corpus.rule_names, corpus.read_roots, corpus.selected_rules
        view.article_ids = corpus.article_ids
        used_before = len(self.used)
        fresh = self._fresh(settings, view)
        if not crashed(fresh, rule):
            by_path: dict[str, list] = {f.path: [] for f in missed}
            for finding in fresh:
                by_path.setdefault(finding.path, []).append(finding)
            used_by_path: dict[str, list] = {}
            for claim, entry in self.used[used_before:]:
                used_by_path.setdefault(claim.path, []).append((claim, entry))
            for path, items in by_path.items():
                if path in file_keys:
                    pack[file_keys[path]] = self._entry(items, 0, used_by_path.get(path, []))
            self.cache.put_result(pack_key, _bounded(pack, len(files)))
        return found + fresh

    @staticmethod
    def _entry(findings: list[Finding], left_out: int, used: list) -> dict:
        return {"findings": [f.to_json() for f in findings], "left_out": left_out, "used": [[c.path, c.id, entry] for c, entry in used]}

    def _reuse(self, entry: dict, corpus: Corpus, rule: str) -> list[Finding]:
        """A cached entry's findings; its left-out count and used ignore entries are counted again."""
        self.limits.left_out[rule] += entry["left_out"]
        if entry["used"]:
            claims = claim_index(corpus)
            self.used.extend((claims[(os.path.normpath(path), claim_id)], name) for path, claim_id, name in entry["used"] if (os.path.normpath(path), claim_id) in claims)
        return [Finding.from_json(item) for item in entry["findings"]]


def superseded_removed(findings: list[Finding], rules: list[RuleSettings]) -> list[Finding]:
    """Without the findings another rule's finding on the same claim supersedes (`SUPERSEDES`):
    role-conflict's "two holders" and anachronism's "not held" about one wrong title are one."""
    superseding = {s.rule.name: set(s.rule.supersedes) for s in rules if s.rule.supersedes}
    if not superseding:
        return findings
    hidden = {(rule, f.path, f.claim) for f in findings if f.rule in superseding and f.claim is not None for rule in superseding[f.rule]}
    return [f for f in findings if (f.rule, f.path, f.claim) not in hidden]


PACK_SPARE = 10_000  # entries a pack keeps beyond this run's files (other subsets of the corpus)


def _bounded(pack: dict, files: int) -> dict:
    """The pack without its oldest entries beyond this run's files and PACK_SPARE more."""
    extra = len(pack) - files - PACK_SPARE
    return dict(list(pack.items())[extra:]) if extra > 0 else pack


def _entry(entry) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("findings"), list) and "used" in entry


def crashed(findings: list[Finding], rule) -> bool:
    """A crashed rule's results are not cached: the next run tries again."""
    return any(f.rule == rule.name and f"rule {rule.name} crashed" in f.message for f in findings)


def claim_index(corpus: Corpus) -> dict:
    """(normalised path, claim id) -> claim, built once per corpus."""
    if corpus.claim_index is None:
        corpus.claim_index = {(path, c.id): c for f in corpus.files for path in (os.path.normpath(f.path),) for c in f.claims}
    return corpus.claim_index


def attach_claims(findings: list[Finding], corpus: Corpus) -> list[Finding]:
    """Fill `finding.claims` (primary first) from the corpus, for findings read from a cache."""
    missing = [finding for finding in findings if not finding.claims]
    if not missing:
        return findings
    claims, normalised = claim_index(corpus), {}
    for finding in missing:
        found = []
        for loc in (finding.location, *finding.related):
            if loc.claim is None:
                found.append(None)
                continue
            path = normalised.get(loc.path) or normalised.setdefault(loc.path, os.path.normpath(loc.path))
            found.append(claims.get((path, loc.claim)))
        finding.claims = tuple(found) if any(c is not None for c in found) else ()
    return findings
