"""Take the two screenshots of the browsable site that docs/site.md shows.

    python scripts/site_screenshots.py            # writes docs/site-search.png and docs/site-portrait.png

It builds the site of the latest bundled revision into a temporary folder and
drives the system's headless Chromium (Debian's ``chromium``) with Playwright
for Python, as tests/test_site_browser.py does: the home page at 1280 pixels
wide with the search for "coté nord", and a portrait at 390 pixels wide (a phone).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import rqds_portraits as rp
from rqds_portraits.exports import write_site

DOCS = Path(__file__).resolve().parent.parent / "docs"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        print("Chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = Path(folder)
        write_site(rp.load("2014-2015"), site)
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        page.goto((site / "index.html").as_uri() + "#search-title")
        page.fill("#q", "coté nord")
        page.locator("#results li").first.wait_for()
        page.screenshot(path=str(DOCS / "site-search.png"))
        page.set_viewport_size({"width": 390, "height": 760})
        # Laval's "Entente de partenariat 2010-2015 | 3 170 000 $ / 5 ans", under its committee.
        amount = next(a for a in rp.load("2014-2015").amounts if a.text.startswith("3 170 000"))
        page.goto((site / "t" / "laval.html").as_uri() + f"#L{amount.lines[0] - 9}")
        page.screenshot(path=str(DOCS / "site-portrait.png"))
        browser.close()
    for name in ("site-search.png", "site-portrait.png"):
        print(f"wrote docs/{name} ({(DOCS / name).stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
