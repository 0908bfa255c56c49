#!/usr/bin/env python3
"""Makes the benchmark corpus: N pages of about 1 KB of Markdown with front matter,
headings, lists, links, 2 of 8 tags and past dates, in portal's format and, with the same
pages, as a Hugo site (single pages, one section list, 8 tag pages, a feed).

Usage: generate.py N OUT   (writes OUT/portal/{Content,Theme} and OUT/hugo)"""

import os
import random
import shutil
import sys

TAGS = ["cse", "private-fostering", "early-help", "online-safety", "domestic-abuse", "lado", "neglect", "training"]
WORDS = ("safeguarding children board partners referral threshold assessment early help family school health "
         "police social care practitioner concern support plan review training multi agency protocol guidance").split()


def sentence(rng, n=14):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, i, count):
    other = rng.randrange(count)
    parts = [sentence(rng, 20), "", f"## Section one of page {i}", "", sentence(rng), sentence(rng), "",
             f"- {sentence(rng, 6)}", f"- {sentence(rng, 6)}", f"- See [page {other}](/news/page-{other:05d}/).", "",
             f"## Section two", "", sentence(rng, 25), sentence(rng, 18), "",
             f"### A detail", "", sentence(rng, 22), f"Read the [guidance](/news/page-{(i + 1) % count:05d}/#section-two).", ""]
    return "\n".join(parts)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261121)
    shutil.rmtree(out, ignore_errors=True)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    portal = os.path.join(out, "portal")
    hugo = os.path.join(out, "hugo")
    os.makedirs(os.path.join(portal, "Content", "news"))
    os.makedirs(os.path.join(hugo, "content", "news"))
    shutil.copytree(os.path.join(repo, "Theme"), os.path.join(portal, "Theme"))
    with open(os.path.join(portal, "Content", "site.yaml"), "w") as f:
        f.write("""name: Benchmark Safeguarding Children Board
short_name: Benchmark LSCB
base_url: https://bench.example.org
description: A synthetic site for timing builds.
navigation:
  - title: News
    url: /news/
doors:
  - title: News
    url: /news/
    text: Every page.
contacts:
  - label: If a child is in immediate danger
    phone: "999"
contacts_page: /news/
quick_exit: https://www.bbc.co.uk/weather
quick_exit_help: /news/
footer:
  - title: News
    url: /news/
""")
    # The tags are portal's topics, which must be listed (as Hugo's taxonomy lists its tags).
    os.makedirs(os.path.join(portal, "Content", "data"), exist_ok=True)
    with open(os.path.join(portal, "Content", "data", "topics.yaml"), "w") as f:
        for tag in TAGS:
            f.write(f"- id: {tag}\n  title: {tag.replace('-', ' ').capitalize()}\n  summary: Pages about {tag.replace('-', ' ')}.\n\n")
    with open(os.path.join(portal, "Content", "index.md"), "w") as f:
        f.write("---\ntitle: Home\nsummary: The benchmark site.\n---\nWelcome.\n")
    with open(os.path.join(portal, "Content", "news", "index.md"), "w") as f:
        f.write("---\ntitle: News\nsummary: Every page.\n---\nAll the pages.\n")
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "https://bench.example.org/"\ntitle = "Benchmark"\ndisableKinds = ["RSS"]\n'
                '[taxonomies]\n  tag = "tags"\n[outputs]\n  section = ["HTML", "RSS"]\n')
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "layouts", "_default", "baseof.html"), "w") as f:
        f.write('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .TableOfContents }}{{ .Content }}{{ end }}\n')
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                '{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}</li>{{ end }}</ul>{{ end }}\n')
    for i in range(count):
        tags = rng.sample(TAGS, 2)
        date = f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        title = f"Page {i}: {sentence(rng, 4)[:-1]}"
        text = body(rng, i, count)
        with open(os.path.join(portal, "Content", "news", f"page-{i:05d}.md"), "w") as f:
            f.write(f"---\nkind: page\ntitle: \"{title}\"\nsummary: {sentence(rng, 12)}\nupdated: {date}\n"
                    f"topics: [{', '.join(tags)}]\n---\n{text}")
        with open(os.path.join(hugo, "content", "news", f"page-{i:05d}.md"), "w") as f:
            f.write(f"---\ntitle: \"{title}\"\ndate: {date}\ntags: [{', '.join(tags)}]\n---\n{text}")


if __name__ == "__main__":
    main()
