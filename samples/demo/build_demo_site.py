#!/usr/bin/env python3
"""Writes the listings `alerts demo` needs that differ from the recorded pages in tests/fixtures.

The demo serves the same recorded pages as the tests. src/Alerts.Cli/Alerts.Cli.csproj links the unchanged ones into
the build output (samples/demo/sites/<source-id>/<real path>, and the full listings of the last stages); this script
writes only the listings as they stood at earlier stages of the 2026 China-Japan timeline:

stages/<stage>/<source-id>/<real path>

Run it again after changing a fixture: python3 samples/demo/build_demo_site.py
"""
import pathlib, re, shutil

here = pathlib.Path(__file__).resolve().parent
fixtures = here.parent.parent / "tests" / "fixtures"
sites, stages = here / "sites", here / "stages"  # sites/ comes from the csproj links only
shutil.rmtree(sites, ignore_errors=True)
shutil.rmtree(stages, ignore_errors=True)


def put(root, source, path, text):
    target = root / source / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def keep_rows(html, row_pattern, keep):
    """Keeps the list rows (matched by row_pattern) that contain one of the strings in keep."""
    return re.sub(row_pattern, lambda m: m.group(0) if any(k in m.group(0) for k in keep) else "", html, flags=re.S)


# MOFCOM announcements: the recorded site, without its 2026 index (that one grows stage by stage).
mofcom = fixtures / "cn-mofcom-announcements" / "site"
index_2026 = (mofcom / "zcfb/blgg/gg/2026/index.html").read_text(encoding="utf-8")
li = r"\s*<li>.*?</li>"
no1 = ["2026年第1号"]
feb = no1 + ["2026年第11号", "2026年第12号"]
put(stages / "01-2026-01-06", "cn-mofcom-announcements", "/zcfb/blgg/gg/2026/index.html", keep_rows(index_2026, li, no1))
put(stages / "03-2026-02-24", "cn-mofcom-announcements", "/zcfb/blgg/gg/2026/index.html", keep_rows(index_2026, li, feb))

# MOFCOM spokesperson: the 6 January remarks on No.1.
spokes = fixtures / "cn-mofcom-spokesperson"
remarks = (spokes / "list.html").read_text(encoding="utf-8")
put(stages / "00-baseline", "cn-mofcom-spokesperson", "/xwfb/xwfyrth/index.html",
    keep_rows(remarks, r"<li>.*?</li>", ["2025-"]).replace("</ul>",
    '<li><a href="/xwfb/xwfyrth/art/2025/art_5b6c7d8e9f0a41b2c3d4e5f6a7b8c9d0.html" title="商务部新闻发言人就出口管制相关问题答记者问">商务部新闻发言人就出口管制相关问题答记者问</a><span>2025-12-11</span></li></ul>'))
put(stages / "01-2026-01-06", "cn-mofcom-spokesperson", "/xwfb/xwfyrth/index.html", keep_rows(remarks, r"<li>.*?</li>", ["2026-01-06"]))

# Japan's answer on 7 January: METI press release, MOFA protest, the Chief Cabinet Secretary.
meti = fixtures / "jp-meti-press"
meti_index = (meti / "index.html").read_text(encoding="utf-8")
meti_row = r'<li class="clearfix">.*?</li>'
put(stages / "00-baseline", "jp-meti-press", "/press/index.html", keep_rows(meti_index, meti_row, ["2025年9月29日"]))

mofa = fixtures / "jp-mofa-press-ja"
mofa_index = (mofa / "index.html").read_text(encoding="utf-8")
baseline_mofa = re.sub(r'<dl class="title-list">.*?</dl>',
    '<dl class="title-list"><dt class="list-title">12月15日付</dt><dd><ul class="link-list">'
    '<li><a href="/mofaj/press/release/pressit_000001_03570.html">日中外相電話会談</a></li></ul></dd></dl>',
    mofa_index, flags=re.S)
put(stages / "00-baseline", "jp-mofa-press-ja", "/mofaj/press/release/index.html", baseline_mofa)

kantei = fixtures / "jp-kantei-news"
feed = (kantei / "index-jnews.rdf").read_text(encoding="utf-8")
put(stages / "00-baseline", "jp-kantei-news", "/index-jnews.rdf",
    re.sub(r"<item>.*?</item>\s*", lambda m: m.group(0) if "総理の一日" in m.group(0) else "", feed, flags=re.S)
    .replace("/202601/06actions.html", "/202512/19actions.html").replace("06 Jan 2026", "19 Dec 2025"))
print("demo site written under", here)
