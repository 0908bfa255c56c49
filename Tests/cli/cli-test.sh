#!/usr/bin/env bash
# Tests the `portal` command as the communications officer meets it: a good build, a
# broken page (located error, exit 1, Site/ untouched), and the help text.
# Usage: Tests/cli/cli-test.sh path/to/portal
set -u
portal=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

cp -r "$repo/Content" "$work/Content"
cd "$work"

"$portal" build --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "a good build exits 0" test $? -eq 0
check "a good build says what it did" grep -Eq '^Built [0-9]+ pages into Site/ in [0-9.]+ s\.$' out.txt
check "a good build writes the home page" test -f Site/index.html
cp -r Site before

printf -- '---\ntitle: Safe sleep: my space\nsummary: x\n---\nSee [the missing page](/nowhere/).\n' > Content/parents-carers/broken.md
"$portal" build --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "a broken page exits 1" test $? -eq 1
check "the error is located" grep -q '^Content/parents-carers/broken.md:2:18: error: a value contains a colon followed by a space$' err.txt
check "the source line is shown" grep -q '^ 2 | title: Safe sleep: my space$' err.txt
check "a hint is given" grep -q 'hint: Put the whole value in double quotes' err.txt
check "the outcome is said plainly" grep -q 'The build stopped: 1 error to fix. Site/ was not changed.' err.txt
check "Site/ is untouched" diff -r before Site
check "no temporary folder is left" test -z "$(ls -d Site.* 2>/dev/null)"

"$portal" build --theme "$repo/Theme" --now 2026-11-21 --format json >out.json 2>err.txt
check "--format json exits 1 on errors" test $? -eq 1
check "--format json prints located problems" grep -q '"path" : "Content/parents-carers/broken.md"' out.json
check "--format json gives line and column" grep -q '"column" : 18' out.json

rm Content/parents-carers/broken.md

# The glossary: a term's first use links to /glossary/; an abbreviation on a page for
# parents before its full form is a warning where it is written, with the words to write.
printf -- '---\ntitle: Worried\nsummary: x\n---\nTalk to the\nMASH about early help.\n' > Content/parents-carers/worried.md
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output glossary-site >out.txt 2>err.txt
check "a warning still builds" test $? -eq 0
check "an abbreviation before its full form is located" grep -q '^Content/parents-carers/worried.md:6:1: warning: “MASH” is used before it is written out in full on this page$' err.txt
check "its hint gives the words to write" grep -q 'hint: Write “Multi-Agency Safeguarding Hub (MASH)” the first time' err.txt
check "the term's first use links to the glossary" grep -q '<a href="/glossary/#early-help">early help</a>' glossary-site/parents-carers/worried/index.html
check "the glossary page is made" test -f glossary-site/glossary/index.html
rm -r Content/parents-carers/worried.md glossary-site

# Interrupted builds: killed at any moment, Site/ is the old site or the new one, whole.
printf '\nA change.\n' >> Content/about/index.md
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output after >/dev/null 2>&1
for delay in 0.05 0.1 0.2 0.3 0.4 0.5 0.7 0.9; do
  "$portal" build --theme "$repo/Theme" --now 2026-11-21 >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if diff -rq before Site >/dev/null 2>&1 || diff -rq after Site >/dev/null 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: after a kill at ${delay}s, Site/ is neither the old site nor the new one"
  fi
done
"$portal" build --theme "$repo/Theme" --now 2026-11-21 >/dev/null 2>&1
check "a later build puts the new site in place" diff -rq after Site
# Old sites are deleted by a process of their own, after the build returns: wait for it.
gone() { for _ in $(seq 600); do [ -z "$(ls -d Site.* 2>/dev/null)" ] && return 0; sleep 0.1; done; return 1; }
check "a later build cleans what killed builds left" gone
"$portal" new newsletter "Newsletter: December" --theme "$repo/Theme" >out.txt 2>err.txt
check "new newsletter exits 0" test $? -eq 0
created=$(sed -n 's/^Created \(.*\.md\) (issue \([0-9]*\)), as a draft\.$/\1/p' out.txt)
check "new newsletter says where the file is" test -f "$created"
check "the new newsletter is a draft with the next issue number" grep -q '^draft: true$' "$created"
"$portal" build --theme "$repo/Theme" --drafts >out.txt 2>err.txt
check "the new newsletter builds" test $? -eq 0
"$portal" new page "Safer sleep" --theme "$repo/Theme" >/dev/null 2>&1
"$portal" new page "Safer sleep" --theme "$repo/Theme" >/dev/null 2>err.txt
check "new refuses to overwrite" grep -q 'already exists; nothing was changed' err.txt
"$portal" check --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "check exits 0" test $? -eq 0
check "check lists drafts" grep -q '^Drafts and pages not yet published (2)$' out.txt
check "check lists links to other websites" grep -q '^Links to other websites' out.txt
check "check says no bundled page is over its reading target" grep -q '^Reading: pages harder to read than their target (0)$' out.txt
check "check gives reading figures for pages for the public" grep -q '^Reading figures of the other pages for the public ([1-9][0-9]*: within their target, or with none)$' out.txt
check "check shows each page's grade against its target" grep -Eq '^  Content/parents-carers/[a-z-]+\.md  grade -?[0-9]+\.[0-9] \(target: 8 or lower\), [0-9]+ of [0-9]+ sentences over 25 words, [0-9]+% \(target: no more than 10%\); reading ease -?[0-9]+\.[0-9], ' out.txt

# A page over its reading target: one warning at its title; an error with over_target: error;
# portal check lists it with its longest sentences at file:line.
long="Parents and carers who are worried that a child they know is being exploited by adults or by other young people should always talk to someone they trust about what they have seen."
printf -- '---\ntitle: Hard to read\nsummary: x\n---\n%s %s\n\n%s\n' "$long" "$long" "$long" > Content/parents-carers/hard.md
"$portal" build --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "a page over its reading target still builds" test $? -eq 0
check "it is warned about once, at its title" test "$(grep -c 'harder to read' err.txt)" -eq 1
check "the warning gives its figures and target" grep -q '^Content/parents-carers/hard.md:2:8: warning: this page is harder to read than the target for parents and carers: grade [0-9.]* (target: 8 or lower), 3 of 3 sentences over 25 words, 100% (target: no more than 10%)$' err.txt
check "the hint names its longest sentences' lines" grep -q 'hint: Its longest sentences start on lines 5 (33 words), 5 (33 words) and 7 (33 words)\.' err.txt
"$portal" check --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "check lists it as over its target" grep -q '^Reading: pages harder to read than their target (1)$' out.txt
check "check shows its longest sentences at file:line" grep -q '^    Content/parents-carers/hard.md:7  33 words: “Parents and carers who are worried that a child they know…”$' out.txt
cp Content/site.yaml site.yaml.saved
printf 'reading:\n  over_target: error\n' >> Content/site.yaml
"$portal" build --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "with over_target: error it stops the build" test $? -eq 1
check "and says why, at its title" grep -q '^Content/parents-carers/hard.md:2:8: error: this page is harder to read than the target' err.txt
"$portal" check --theme "$repo/Theme" --now 2026-11-21 >out.txt 2>err.txt
check "check still lists it with over_target: error" grep -q '^Reading: pages harder to read than their target (1)$' out.txt
mv site.yaml.saved Content/site.yaml
rm Content/parents-carers/hard.md

"$portal" build --help >help.txt 2>&1
check "help explains the options" grep -q -- '--drafts' help.txt

# `portal serve` runs portal-serve, the program beside portal, with the same arguments.
"$portal" serve --help >help.txt 2>&1
check "serve --help reaches the preview" grep -q -- '--port <number>' help.txt
"$portal" serve --port 0 >out.txt 2>err.txt
check "serve checks its options" test $? -ne 0
check "serve explains a bad option" grep -q 'from 1 to 65535' err.txt
mkdir lonely && cp "$portal" lonely/portal
lonely/portal serve >out.txt 2>err.txt
check "serve without portal-serve exits 1" test $? -eq 1
check "serve without portal-serve says how to build it" grep -q 'hint: Build it beside portal' err.txt
# --version: the number in Sources/Portal/Version.swift, from both programs.
version=$(sed -n 's/.*current = "\(.*\)".*/\1/p' "$repo/Sources/Portal/Version.swift")
"$portal" --version >out.txt 2>err.txt
check "--version exits 0" test $? -eq 0
check "--version prints the version" test "$(cat out.txt)" = "$version"
"$portal" serve --version >out.txt 2>&1
check "serve --version prints the same version" test "$(cat out.txt)" = "$version"

# make install: both programs into $(DESTDIR)$(PREFIX)/bin. The release build is too slow
# here, so the recipe is read with -n, then run with the build skipped and these programs.
make -s -C "$repo" -n install DESTDIR="$work/staged" PREFIX=/usr >out.txt 2>err.txt
check "make install builds for release" grep -q 'build -c release' out.txt
check "make install installs portal and portal-serve into DESTDIR/PREFIX/bin" \
  grep -Eq "^install -m 755 \.build/release/portal \.build/release/portal-serve \"?$work/staged/usr/bin/\"?$" out.txt
make -s -C "$repo" install RELEASE_BUILD=true RELEASE_DIR="$(dirname "$portal")" DESTDIR="$work/staged" PREFIX=/usr >out.txt 2>err.txt
check "make install exits 0" test $? -eq 0
check "make install makes both programs executable" test -x "$work/staged/usr/bin/portal" -a -x "$work/staged/usr/bin/portal-serve"
"$work/staged/usr/bin/portal" --version >out.txt 2>&1
check "the installed portal runs" test "$(cat out.txt)" = "$version"
"$work/staged/usr/bin/portal" serve --help >help.txt 2>&1
check "the installed portal finds the installed portal-serve" grep -q -- '--port <number>' help.txt

"$portal" build --now tomorrow >out.txt 2>err.txt
check "a bad --now is refused" test $? -ne 0
check "a bad --now is explained" grep -q 'year-month-day' err.txt

# The output folder: never one holding the project or what the build reads, never one
# with files portal did not make (unless --force).
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output .. >out.txt 2>err.txt
check "--output .. is refused" test $? -eq 1
check "--output .. says why" grep -q "holds this project's folder" err.txt
check "--output .. deletes nothing" test -f Content/site.yaml
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output Content/site >out.txt 2>err.txt
check "an output inside Content/ is refused" grep -q 'is inside “Content”' err.txt
mkdir -p Documents && echo "years of work" > Documents/thesis.txt
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output Documents >out.txt 2>err.txt
check "a folder portal did not make is refused" grep -q 'holds files that portal did not make.*--force' err.txt
check "and left as it was" test -f Documents/thesis.txt
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output Documents --force >out.txt 2>err.txt
check "--force replaces it" test -f Documents/index.html -a ! -f Documents/thesis.txt
"$portal" build --theme "$repo/Theme" --now 2026-11-21 --output Documents >out.txt 2>err.txt
check "a folder portal made is replaced without --force" test $? -eq 0

# portal init: a new board's project, refusing a folder that is not empty.
"$portal" init "$work/board" --name "Northmoor Safeguarding Children Partnership" >out.txt 2>err.txt
check "init exits 0" test $? -eq 0
check "init says what to do next" grep -q '^  portal serve' out.txt
check "init makes the settings" grep -q '^name: "Northmoor Safeguarding Children Partnership"$' "$work/board/Content/site.yaml"
"$portal" init "$work/board" --name "Another Board" >out.txt 2>err.txt
check "init into a folder that is not empty exits 1" test $? -eq 1
check "init into a folder that is not empty says why" grep -q 'is not empty' err.txt
"$portal" init "$work/other" --name "Northmoor <SCP>" >out.txt 2>err.txt
check "init refuses a name a title cannot carry" grep -q 'has “<” in it' err.txt
check "and writes nothing" test ! -e "$work/other"
(cd "$work/board" && "$portal" build --now 2026-11-21 >out.txt 2>err.txt)
check "a new project builds" test $? -eq 0
check "its placeholders are warnings" grep -q 'warning: still a placeholder: “\[to be added: ' "$work/board/err.txt"
(cd "$work/board" && "$portal" build --theme Thme --now 2026-11-21 >out.txt 2>err.txt)
check "a --theme folder that does not exist is an error" grep -q 'the theme folder does not exist' "$work/board/err.txt"

# docs/NEW-BOARD.md, followed to the letter: every ```sh block runs, in order, with this
# portal on PATH. `portal serve` runs on a free port until its page has been fetched.
guide_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/guide"
{
  echo 'set -e'
  echo "serve_and_fetch() {"
  echo "  portal serve --port $guide_port >serve.log 2>&1 & pid=\$!"
  echo '  for _ in $(seq 1 240); do grep -q "Previewing at" serve.log && break; sleep 0.5; done'
  echo "  python3 -c 'import sys, urllib.request; sys.exit(b\"Northmoor\" not in urllib.request.urlopen(\"http://127.0.0.1:$guide_port/\").read())'"
  echo '  kill $pid; wait $pid || true'
  echo '}'
  awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0 } inside' "$repo/docs/NEW-BOARD.md" | sed 's/^portal serve$/serve_and_fetch/'
} >"$work/guide.sh"
(cd "$work/guide" && PATH="$(dirname "$portal"):$PATH" bash "$work/guide.sh" >"$work/guide.log" 2>&1)
check "docs/NEW-BOARD.md's commands all succeed" test $? -eq 0
check "its preview served the board's home page" grep -q 'Previewing at' "$work/guide/northmoor/serve.log"
check "its check listed the details to add" grep -q '^Details still to be added' "$work/guide.log"
check "its theme copy was used" test -f "$work/guide/northmoor/Theme/assets/site.css"
check "its build made the site" grep -q 'Northmoor Safeguarding Children Partnership' "$work/guide/northmoor/Site/index.html"

echo "cli: $passed passed, $failed failed"
test "$failed" -eq 0
