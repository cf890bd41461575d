"""Copy the front-end assets partnerplan needs from node_modules into partnerplan/static/vendor.

govuk-frontend is used for its patterns, not the GOV.UK brand: the GDS Transport font faces are
stripped (it is licensed for gov.uk only, and the CSS then falls back to Arial) and the crown is
never rendered. The CSS hard-codes url(/assets/...), which is rewritten to a relative path so it
works under STATIC_URL.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
OUT = ROOT / "partnerplan" / "static" / "vendor"


def main() -> int:
    govuk = NODE / "govuk-frontend" / "dist" / "govuk"
    if not govuk.exists():
        print("node_modules/govuk-frontend is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "govuk").mkdir(parents=True)

    css = (govuk / "govuk-frontend.min.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    css = re.sub(r"@font-face\{[^}]*\}", "", css)
    css = css.replace('"GDS Transport",', "").replace("GDS Transport,", "")
    # No GOV.UK brand assets: the crest (footer licence logo) is not served at all.
    css = css.replace("url(/assets/images/govuk-crest.svg)", "none")
    if "url(/assets/" in css:
        print("govuk-frontend CSS refers to assets this script does not vendor.", file=sys.stderr)
        return 1
    (OUT / "govuk" / "govuk-frontend.min.css").write_text(css, encoding="utf-8")

    js = (govuk / "govuk-frontend.min.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    (OUT / "govuk" / "govuk-frontend.min.js").write_text(js, encoding="utf-8")

    (OUT / "htmx").mkdir()
    shutil.copy(NODE / "htmx.org" / "dist" / "htmx.min.js", OUT / "htmx" / "htmx.min.js")
    (OUT / "axe").mkdir()
    shutil.copy(NODE / "axe-core" / "axe.min.js", OUT / "axe" / "axe.min.js")
    print(f"Vendored govuk-frontend, htmx and axe-core into {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
