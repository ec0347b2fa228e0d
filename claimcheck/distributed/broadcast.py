"""What every worker needs, broadcast once: the rules, their contexts and the reference corpus,
pickled on the driver (a project's rule-folder modules as their source) and unpickled, per task,
on the workers."""

from __future__ import annotations

import hashlib
import importlib.machinery
import inspect
import linecache
import pickle
import sys
import types
from dataclasses import dataclass, field

from claimcheck import __version__
from claimcheck.corpus import Corpus
from claimcheck.distributed.errors import WorkerMismatch


@dataclass
class SharedState:
    """What every worker needs, broadcast once: the rules, their contexts, the reference corpus."""

    version: str
    rules: list  # the plan's RuleSettings, in plan order (a rule is named by its index)
    contexts: dict  # rule index -> the context its `prepare` built (claim rules with prepare, group rules)
    corpus: Corpus  # reference files only, with the normaliser and the installed rule names
    skip: set = field(default_factory=set)  # rules whose prepare crashed (reported by the driver)


def pickle_shared(shared: SharedState) -> tuple[list, bytes]:
    """(the source of every rule module a worker cannot import, the pickled broadcast).

    A project's rule folders are not importable by name, so their modules travel as source and
    each worker runs them under the driver's module name and file name (tracebacks, and so crash
    findings, name the same lines); everything else is pickled by reference or, failing that, by
    value (cloudpickle)."""
    import cloudpickle

    modules = {}
    for settings in shared.rules:
        module = inspect.getmodule(settings.rule.check)
        if module is not None and module.__name__ not in modules and not _importable(module.__name__):
            path = getattr(module, "__file__", None)
            if path is not None:
                with open(path, encoding="utf-8") as source:
                    modules[module.__name__] = (module.__name__, path, source.read())
    return list(modules.values()), cloudpickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)


def _importable(name: str) -> bool:
    """Whether a module can be imported by name from sys.path (so a worker can import it too)."""
    top = name.partition(".")[0]
    return top in sys.builtin_module_names or importlib.machinery.PathFinder.find_spec(top) is not None


_INSTALLED: dict[str, str] = {}  # per worker process: rule modules run from source -> digest of that source


def _install(modules: list) -> None:
    """Run the driver's rule-folder modules here, under their names, unless this very source runs
    already (a long-lived worker sees edited rules anew; the driver's own modules are left alone)."""
    for name, path, source in modules:
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        if _INSTALLED.get(name) == digest or (name in sys.modules and name not in _INSTALLED):
            continue
        module = types.ModuleType(name)
        module.__file__ = path
        linecache.cache[path] = (len(source), None, source.splitlines(True), path)  # for tracebacks and inspect
        sys.modules[name] = module
        exec(compile(source, path, "exec"), module.__dict__)
        _INSTALLED[name] = digest


def unpickle_shared(payload: tuple[list, bytes]) -> SharedState:
    """This task's own copy of the broadcast. Not one per worker: contexts keep per-run memos keyed
    by `id(claim)` (numeric-conflict's quantities, TenureIndex's verdicts), which hold only while
    those claims live, i.e. within one task; a copy kept across tasks would answer for a new claim
    that reuses a freed claim's id."""
    modules, blob = payload
    _install(modules)
    shared = pickle.loads(blob)
    if shared.version != __version__:
        raise WorkerMismatch(f"claimcheck {shared.version} on the driver but {__version__} on a worker: install the same version")
    return shared
