"""The work done on the workers, per partition: load the files, run the claim, article and file rules
and the group rules' `keys` (map), then each group's `check` (reduce). Dask pickles these
functions by reference: they stay top-level functions of this module."""

from __future__ import annotations

import copy

from claimcheck.corpus import Corpus
from claimcheck.distributed.broadcast import unpickle_shared
from claimcheck.distributed.wire import FileStub, pack_finding, suppression_of
from claimcheck.engine import crash_finding, to_finding
from claimcheck.load import load_file
from claimcheck.model import ClaimFile, ReferenceFile

# The work (workers) ------------------------------------------------------------------------------


def load_partition(chunks: list) -> list:
    """(input index, loaded file) for the files to check and the reference files among the rest."""
    out = []
    for chunk in chunks:
        for index, path, absolute, checked in chunk:
            loaded = load_file(absolute)
            loaded.path = path  # as given: findings and messages name it so
            if checked or isinstance(loaded, ReferenceFile):
                out.append((index, loaded))
    return out


def reference_files(loaded: list) -> list:
    return [(index, item) for index, item in loaded if isinstance(item, ReferenceFile)]


def map_partition(loaded: list, broadcast) -> list:
    """The claim, article and file rules on this partition's files, and the group rules' records."""
    shared = unpickle_shared(broadcast)
    claim_files = [(index, item) for index, item in loaded if isinstance(item, ClaimFile)]
    view = Corpus(
        files=[item for _index, item in claim_files],
        references=shared.corpus.references,
        normalizer=shared.corpus.normalizer,
        rule_names=shared.corpus.rule_names,
    )
    out: list = [("count", view.claim_count)]
    stubs: dict[int, FileStub] = {}
    detached: dict[int, object] = {}

    def detach(claim):
        copied = detached.get(id(claim))
        if copied is None:
            stub = stubs.get(id(claim.file))
            if stub is None:
                stub = stubs[id(claim.file)] = FileStub(claim.file.path, claim.file.article, claim.file.noqa)
            copied = detached[id(claim)] = copy.copy(claim)
            copied.file = stub
        return copied

    out.append(("ignores", [detach(claim) for _index, item in claim_files for claim in item.claims if claim.ignore]))
    for rule_index, settings in enumerate(shared.rules):
        if rule_index in shared.skip or settings.rule.last:  # LAST rules run on the driver
            continue
        scope = settings.rule.scope
        if scope == "group":
            out.extend(_keys(rule_index, settings, shared.contexts[rule_index], claim_files, detach))
            continue
        if scope == "claim":
            targets = _claims_in_order(settings.rule, claim_files)
            context = shared.contexts.get(rule_index)
            options = settings.options if context is None else context
        elif scope == "article":
            targets = (((index,), item) for index, item in claim_files)
            options = settings.options
        else:  # file: claim files, then reference files (Corpus.all_files)
            targets = sorted((((0 if isinstance(item, ClaimFile) else 1, index), item) for index, item in loaded), key=lambda t: t[0])
            options = settings.options
        out.extend(_judge(rule_index, settings, targets, options, view))
    return out


def _claims_in_order(rule, claim_files: list):
    """(order, claim) as the engine iterates them: by the rule's kinds, then file, then claim."""
    for kind_index, kind in enumerate(rule.kinds or (None,)):
        for file_index, item in claim_files:
            for claim_index, claim in enumerate(item.claims):
                if kind is None or claim.kind == kind:
                    yield (kind_index, file_index, claim_index), claim


def _judge(rule_index: int, settings, targets, options, corpus: Corpus) -> list:
    """One claim, article or file rule over its targets, as `engine` runs it (crashes per target)."""
    check = settings.rule.check
    out = []
    for order, target in targets:
        found: list = []
        try:
            found.extend(to_finding(problem, settings) for problem in check(target, options, corpus) or ())
        except Exception as error:  # this claim or file only: the rule goes on with the others
            at = crash_finding(settings, error, target)
            out.append(("crash", rule_index, order, pack_finding(at), suppression_of(at), pack_finding(crash_finding(settings, error))))
        out.extend(("found", rule_index, order, seq, pack_finding(finding), suppression_of(finding)) for seq, finding in enumerate(found))
    return out


def _keys(rule_index: int, settings, context, claim_files: list, detach) -> list:
    """`(rule, key) -> [(order, key number, detached claim)]`, grouped within this partition."""
    rule = settings.rule
    groups: dict = {}
    order = None
    try:
        for order, claim in _claims_in_order(rule, claim_files):
            for number, key in enumerate(rule.keys(claim, context) or ()):
                groups.setdefault(key, []).append((order, number, detach(claim)))
    except Exception as error:  # as in process: the rule stops, with one finding
        return [("keys-crash", rule_index, order, pack_finding(crash_finding(settings, error)))]
    return [("group", (rule_index, key), members) for key, members in groups.items()]


def group_records(records) -> list:
    return [record for record in records if record[0] == "group"]


def other_records(records) -> list:
    return [record for record in records if record[0] != "group"]


def group_key(record):
    return record[1]


def reduce_partition(groups: list, broadcast) -> list:
    """Each group's `check` on its claims, in the engine's order; findings as tuples, or partials."""
    shared = unpickle_shared(broadcast)
    out = []
    for (rule_index, key), pieces in groups:
        members = sorted((member for piece in pieces for member in piece[2]), key=lambda m: (m[0], m[1]))
        rank = (members[0][0], members[0][1])  # where the in-process engine first saw this key
        claims = [claim for _order, _number, claim in members]
        settings = shared.rules[rule_index]
        try:
            result = list(settings.rule.check(key, claims, shared.contexts[rule_index]) or ())
        except Exception as error:  # this group only
            at = crash_finding(settings, error, claims[0])
            out.append(
                ("group-crash", rule_index, rank, pack_finding(at), suppression_of(at), pack_finding(crash_finding(settings, error)))
            )
            continue
        if settings.rule.combine is not None:
            if result:
                out.append(("partial", rule_index, rank, result))
            continue
        for seq, problem in enumerate(result):
            finding = to_finding(problem, settings)
            out.append(("found", rule_index, rank, seq, pack_finding(finding), suppression_of(finding)))
    return out
