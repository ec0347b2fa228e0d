#!/usr/bin/env python3
"""Look at a Markdown report as a reader would: HTML, Mermaid charts drawn, screenshots.

    python scripts/render_report.py                         # reports/claims.md -> /tmp/claimcheck-render/
    python scripts/render_report.py report.md --out DIR --dark --width 1280

Optional and for people: neither CI nor the tests run it, and nothing it needs is a dependency of
claimcheck. It renders the Markdown with markdown-it-py (GitHub-flavoured enough: tables,
strikethrough, the `<br>` the report uses), draws each ```mermaid block with Mermaid in the page,
and takes screenshots with a headless Chromium driven by Playwright:

* `DIR/<name>.html`, the page;
* `DIR/<name>.png`, the whole page, and `DIR/<name>-screen-<n>.png`, the same in screens of 1200 pixels;
* `DIR/<name>-chart-<n>.png`, each chart on its own (with the line under it that says what it shows);

and prints any chart Mermaid could not draw. Look at the PNGs before calling a report done.

What it needs (none of it is fetched by this script):

* Playwright's Python package: `pip install playwright`;
* a Chromium: `apt-get install chromium` (found on PATH, or `--chromium PATH`, or `$CHROMIUM`), or
  Playwright's own (`playwright install chromium`, where that download works);
* Mermaid's browser bundle: `npm install mermaid` in some folder, then `--mermaid
  FOLDER/node_modules/mermaid/dist/mermaid.min.js` (or `$MERMAID_JS`; `./node_modules` is looked in).
"""

from __future__ import annotations

import argparse
import html
import math
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCREEN = 1200  # pixels of page height in each screen-N.png

CSS = """
body { margin: 0; background: var(--bg); color: var(--fg);
       font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 32px; }
h1, h2 { border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h3 { font-size: 1.1em; margin-top: 1.8em; }
a { color: var(--link); text-decoration: none; }
code { background: var(--code); border-radius: 6px; padding: .2em .4em; font-size: 85%; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 13px; }
tr:nth-child(2n) { background: var(--stripe); }
blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: .25em solid var(--line); }
pre.mermaid { background: transparent; text-align: center; }
:root { --bg: #ffffff; --fg: #1f2328; --line: #d1d9e0; --link: #0969da; --code: #818b981f;
        --stripe: #f6f8fa; --muted: #59636e; }
:root.dark { --bg: #0d1117; --fg: #f0f6fc; --line: #3d444d; --link: #4493f8; --code: #656c7633;
             --stripe: #151b23; --muted: #9198a1; }
"""


def to_html(markdown: str, title: str, dark: bool, mermaid_js: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    default_fence = md.renderer.rules["fence"]

    def fence(_renderer, tokens, idx, options, env):
        token = tokens[idx]
        if token.info.strip() == "mermaid":
            return f'<pre class="mermaid">{html.escape(token.content)}</pre>\n'
        return default_fence(tokens, idx, options, env)

    md.add_render_rule("fence", fence)
    body = md.render(markdown)
    theme = "dark" if dark else "default"
    return f"""<!doctype html>
<html class="{'dark' if dark else ''}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{CSS}</style>
<script src="{Path(mermaid_js).resolve().as_uri()}"></script>
</head><body><main>
{body}
</main>
<script>mermaid.initialize({{startOnLoad: false, theme: "{theme}", securityLevel: "strict"}});</script>
</body></html>
"""


def find_mermaid(given: str | None) -> str | None:
    candidates = [given, os.environ.get("MERMAID_JS"), "node_modules/mermaid/dist/mermaid.min.js"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def find_chromium(given: str | None) -> str | None:
    if given:
        return given
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def render(source: Path, out: Path, mermaid_js: str, chromium: str | None, dark: bool, width: int) -> int:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    name = source.stem + ("-dark" if dark else "")
    page_path = out / f"{name}.html"
    page_path.write_text(to_html(source.read_text(encoding="utf-8"), source.name, dark, mermaid_js), encoding="utf-8")
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(page_path.as_uri())
        page.evaluate("async () => { await mermaid.run({querySelector: 'pre.mermaid', suppressErrors: true}); }")
        charts = page.locator("pre.mermaid")
        count = charts.count()
        for index in range(count):
            chart = charts.nth(index)
            svg = chart.locator("svg")
            text = chart.inner_text()
            if svg.count() == 0 or "Syntax error" in text or chart.locator(".error-icon").count():
                failures += 1
                print(f"chart {index + 1}: Mermaid could not draw it", file=sys.stderr)
            # The chart with the paragraph under it (the line that says what the bars are).
            box = chart.bounding_box()
            below = chart.evaluate_handle("node => node.nextElementSibling")
            below_box = below.as_element().bounding_box() if below.as_element() else None
            if box:
                bottom = max(box["y"] + box["height"], below_box["y"] + below_box["height"] if below_box else 0)
                clip = {"x": max(0, box["x"] - 16), "y": max(0, box["y"] - 8), "width": box["width"] + 32, "height": bottom - box["y"] + 16}
                page.screenshot(path=str(out / f"{name}-chart-{index + 1}.png"), clip=clip, full_page=True)
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        # The page again in screens of `SCREEN` pixels, each small enough to look at in full.
        height = page.evaluate("document.documentElement.scrollHeight")
        screens = math.ceil(height / SCREEN)
        for number in range(screens):
            clip = {"x": 0, "y": number * SCREEN, "width": width, "height": min(SCREEN, height - number * SCREEN)}
            page.screenshot(path=str(out / f"{name}-screen-{number + 1}.png"), clip=clip, full_page=True)
        browser.close()
    for error in errors:
        print(f"console: {error}", file=sys.stderr)
    print(f"wrote {page_path}, {out / (name + '.png')} ({screens} screens: {name}-screen-N.png) and {count} charts ({name}-chart-N.png)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", default=str(REPO / "reports" / "claims.md"))
    parser.add_argument("--out", default="/tmp/claimcheck-render", help="folder for the HTML and the PNGs (not the repository)")
    parser.add_argument("--mermaid", help="mermaid.min.js (default: $MERMAID_JS, ./node_modules/mermaid/dist/mermaid.min.js)")
    parser.add_argument("--chromium", help="the Chromium to drive (default: $CHROMIUM, chromium on PATH, else Playwright's own)")
    parser.add_argument("--dark", action="store_true", help="GitHub's dark colours and Mermaid's dark theme")
    parser.add_argument("--width", type=int, default=1280, help="viewport width in CSS pixels")
    args = parser.parse_args(argv)
    mermaid_js = find_mermaid(args.mermaid)
    if mermaid_js is None:
        print("render_report: no mermaid.min.js: `npm install mermaid`, then --mermaid or $MERMAID_JS", file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("render_report: needs Playwright's Python package: pip install playwright", file=sys.stderr)
        return 2
    return render(Path(args.report), Path(args.out), mermaid_js, find_chromium(args.chromium), args.dark, args.width)


if __name__ == "__main__":
    sys.exit(main())
