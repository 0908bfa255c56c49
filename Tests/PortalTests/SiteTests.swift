import Foundation
import Testing

@testable import Portal

@Suite struct SiteTests {
    @Test func mapsFilesToCleanURLs() throws {
        #expect(try URLMapping.url(forContentPath: "index.md").get() == "/")
        #expect(try URLMapping.url(forContentPath: "privacy.md").get() == "/privacy/")
        #expect(try URLMapping.url(forContentPath: "parents-carers/index.md").get() == "/parents-carers/")
        #expect(try URLMapping.url(forContentPath: "parents-carers/private-fostering.md").get() == "/parents-carers/private-fostering/")
        #expect(URLMapping.outputPath(for: "/") == "index.html")
        #expect(URLMapping.outputPath(for: "/a/b/") == "a/b/index.html")
        #expect(URLMapping.parent(of: "/a/b/") == "/a/")
        #expect(URLMapping.parent(of: "/a/") == "/")
        #expect(URLMapping.parent(of: "/") == nil)
        #expect(throws: URLMapping.BadName.self) { try URLMapping.url(forContentPath: "../escape.md").get() }
        #expect(throws: URLMapping.BadName.self) { try URLMapping.url(forContentPath: "News/Item.md").get() }
    }

    @Test func sectionIndexesListPagesNewestFirstThenByTitle() throws {
        let scratch = Scratch([
            "news/index.md": page(title: "News", body: "All our news."),
            "news/b-guide.md": page(title: "Bravo guide"),
            "news/a-guide.md": page(title: "Alpha guide"),
            "news/issue-1.md": page(title: "Issue one", extra: "kind: newsletter\nissue: 1\ndate: 2013-01-10"),
            "news/issue-2.md": page(title: "Issue two", extra: "kind: newsletter\nissue: 2\ndate: 2014-03-01"),
            "news/archive/old.md": page(title: "Old"),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = try #require(scratch.html("/news/", in: result))
        let order = ["Archive", "Issue two", "Issue one", "Alpha guide", "Bravo guide"].map {
            html.range(of: ">\($0)</a>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(html.contains("<p>All our news.</p>"))
        #expect(html.contains("<time datetime=\"2014-03-01\">1 March 2014</time>"))
        // A folder with no index.md still gets an index page, titled from its name.
        let archive = try #require(scratch.html("/news/archive/", in: result))
        #expect(archive.contains("<h1 class=\"heading-xl\">Archive</h1>"))
        #expect(archive.contains("href=\"/news/archive/old/\""))
    }

    @Test func breadcrumbsFollowTheFolders() throws {
        let scratch = Scratch([
            "professionals/index.md": page(title: "Professionals"),
            "professionals/policies/index.md": page(title: "Policies and procedures"),
            "professionals/policies/lado.md": page(title: "LADO"),
        ])
        defer { scratch.remove() }
        let html = try #require(scratch.html("/professionals/policies/lado/", in: try scratch.build()))
        let crumbs = html.components(separatedBy: "breadcrumbs__link\" href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(crumbs == ["/", "/professionals/", "/professionals/policies/"])
        #expect(html.contains(">Policies and procedures</a></li>\n</ol>"))
    }

    @Test func draftsAndFuturePagesAreLeftOutUnlessAsked() throws {
        let scratch = Scratch([
            "draft.md": page(title: "Draft", extra: "draft: true"),
            "later.md": page(title: "Later", extra: "publish: 2026-12-01"),
            "today.md": page(title: "Today", extra: "publish: 2026-11-21"),
        ])
        defer { scratch.remove() }
        let paths = Set(try scratch.build(now: "2026-11-21").files.map(\.path))
        #expect(paths.contains("today/index.html"))
        #expect(!paths.contains("draft/index.html"))
        #expect(!paths.contains("later/index.html"))
        let later = Set(try scratch.build(now: "2026-12-01").files.map(\.path))
        #expect(later.contains("later/index.html"))
        let previews = Set(try scratch.build(now: "2026-11-21", drafts: true).files.map(\.path))
        #expect(previews.isSuperset(of: ["draft/index.html", "later/index.html"]))
    }

    @Test func brokenLinksAreErrorsAtTheirLineAndColumn() {
        let scratch = Scratch([
            "guide.md": page(title: "Guide", body: "## Who must tell us\n\nSee [us](/parents-carers/#who-must-tell-us)."),
            "links.md": """
                ---
                title: Links
                summary: S.
                ---
                Good: [guide](/guide/), [anchor](/guide/#who-must-tell-us), [relative](guide/) [mail](mailto:a@example.org)
                Bad: [missing](/no-such-page/) and [slash](/guide)
                [anchor](/guide/#who-must-tel-us) [script](vbscript:x) [draft](/secret/)
                """,
            "secret.md": page(title: "Secret", extra: "draft: true"),
        ])
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == [
            "guide.md:7:5: /parents-carers/ has no heading with the anchor #who-must-tell-us (in “/parents-carers/#who-must-tell-us”)",
            "links.md:5:61: “guide/” leads to /links/guide/, which is not a page of this site",
            "links.md:6:6: “/no-such-page/” leads to /no-such-page/, which is not a page of this site",
            "links.md:6:36: “/guide” leaves off the final slash",
            "links.md:7:1: /guide/ has no heading with the anchor #who-must-tel-us (in “/guide/#who-must-tel-us”)",
            "links.md:7:35: links starting `vbscript:` are not allowed",
            "links.md:7:56: “/secret/” leads to a page that is a draft or not yet published",
        ])
        #expect(problems.first { $0.message.contains("“guide/”") }?.hint?.hasPrefix(
            "Addresses without a leading / are read from this page's address, /links/. Did you mean /guide/?") == true)
        #expect(problems.first { $0.message.contains("#who-must-tel-us") }?.hint?.hasPrefix("Did you mean #who-must-tell-us?") == true)
    }

    @Test func settingsLinksAndContactsAreChecked() {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML
                .replacingOccurrences(of: "url: /accessibility/", with: "url: /acessibility/")
                .replacingOccurrences(of: "phone: \"999\"", with: "phone: \"101\""),
        ])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "site.yaml:13:3: the first contact must be 999, for a child in immediate danger",
        ])
        let links = Scratch(["site.yaml": Scratch.siteYAML.replacingOccurrences(of: "url: /accessibility/", with: "url: /acessibility/")])
        defer { links.remove() }
        let problems = links.problems()
        #expect(located(problems) == ["site.yaml:22:10: “/acessibility/” leads to /acessibility/, which is not a page of this site"])
        #expect(problems.first?.hint == "Did you mean /accessibility/?")
    }

    @Test func twoFilesForOneAddressOrOneIssueNumberAreErrors() {
        let scratch = Scratch([
            "about.md": page(title: "About"),
            "about/index.md": page(title: "About us"),
            "news/one.md": page(title: "One", extra: "kind: newsletter\nissue: 4\ndate: 2013-01-01"),
            "news/two.md": page(title: "Two", extra: "kind: newsletter\nissue: 4\ndate: 2013-02-01"),
        ])
        defer { scratch.remove() }
        let problems = located(scratch.problems())
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("about/index.md:1:1: this page has the same address, /about/, as") })
        #expect(problems.contains { $0.hasPrefix("news/two.md:5:8: issue 4 is already used by") })
    }

    @Test func supersedesMustNameAPage() {
        let policy = "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2014-01-01\nstatus: current"
        let scratch = Scratch([
            "policies/new.md": page(title: "New", extra: policy + "\nsupersedes: policies/old"),
            "policies/other.md": page(title: "Other", extra: policy + "\nsupersedes: policies/gone"),
            "policies/old.md": page(title: "Old", extra: policy.replacingOccurrences(of: "current", with: "superseded")),
        ])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "policies/other.md:10:13: `supersedes` names “policies/gone”, which is not a page of this site",
        ])
    }

    @Test func everyProblemIsReportedInOneRun() {
        let scratch = Scratch([
            "a.md": "---\ntitle: A: b\nsummary: S.\n---\n",
            "b.md": page(title: "B", extra: "publish: soon"),
            "c.md": page(title: "C", body: "[x](/nowhere/)"),
            "d.md": page(title: "D", body: "[a](/a/)"),
        ])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "a.md:2:9: a value contains a colon followed by a space",
            "b.md:4:10: `publish` must be a date written year-month-day, not “soon”",
            "c.md:5:1: “/nowhere/” leads to /nowhere/, which is not a page of this site",
        ])
    }
}

@Suite struct SafetyTests {
    @Test func sensitivePagesNeedTheQuickExitInTheTheme() throws {
        let scratch = Scratch([
            "abuse.md": page(title: "Abuse", extra: "kind: guidance\naudience: parents-carers\nsensitive: true"),
        ])
        defer { scratch.remove() }
        let html = try #require(scratch.html("/abuse/", in: try scratch.build()))
        #expect(html.contains("data-quick-exit"))
        #expect(html.contains("<script src=\"/assets/quick-exit.js\" defer></script>"))
        #expect(html.contains("href=\"https://www.bbc.co.uk/weather\" class=\"quick-exit__button\" role=\"button\" rel=\"nofollow noreferrer\""))

        // A theme whose layout forgets {{> quick-exit}} cannot publish the page.
        let theme = try scratch.copyTheme()
        let layout = theme + "/templates/layout.mustache"
        let text = try String(contentsOfFile: layout, encoding: .utf8).replacingOccurrences(of: "{{> quick-exit}}", with: "")
        try text.write(toFile: layout, atomically: false, encoding: .utf8)
        let problems = scratch.problems(theme: theme)
        #expect(located(problems) == ["abuse.md:6:12: this page is marked sensitive, but the theme has no quick exit"])
        #expect(problems.first?.hint?.contains("{{> quick-exit}}") == true)
    }

    /// The quick exit can never be lost by a typo: `sensitive` is a field of every kind, a
    /// misspelt safety field is an error, and a page for the public about a sensitive subject
    /// must say whether it needs the quick exit.
    @Test func theQuickExitCannotBeLostByATypo() throws {
        let policy = "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2030-01-01\nstatus: current"
        let typos = Scratch([
            "a.md": page(title: "Female genital mutilation", extra: "kind: guidance\naudience: parents-carers\nsensitve: true"),
            "b.md": page(title: "B", extra: "draf: true"),
            "c.md": page(title: "C", extra: "pubish: 2030-01-01"),
            "d.md": page(title: "D", extra: "sensitiveness: true"),
        ])
        defer { typos.remove() }
        let problems = typos.problems()
        #expect(located(problems) == [
            "a.md:6:1: `sensitve` is not a field of a guidance: is it `sensitive`, misspelt?",
            "b.md:4:1: `draf` is not a field of a page: is it `draft`, misspelt?",
            "c.md:4:1: `pubish` is not a field of a page: is it `publish`, misspelt?",
            "d.md:4:1: `sensitiveness` is not a field of a page; it is ignored",
        ])
        #expect(problems.filter(\.isError).count == 3, "a misspelt sensitive is one problem, not also a page that does not say")
        #expect(problems.first?.hint == "Write `sensitive`: without it the page is published without the quick exit.")

        let kinds = Scratch([
            "policy.md": page(title: "Policy", extra: policy + "\nsensitive: true"),
            "plain.md": page(title: "Plain", extra: "sensitive: true"),
        ])
        defer { kinds.remove() }
        let result = try kinds.build()
        #expect(kinds.problems().isEmpty)
        for url in ["/policy/", "/plain/"] { #expect(kinds.html(url, in: result)?.contains("data-quick-exit") == true, "\(url)") }

        let unsaid = Scratch([
            "parents-carers/fgm.md": page(title: "What FGM’s signs are", body: "Help."),
            "parents-carers/said.md": page(title: "Forced marriage", extra: "sensitive: false"),
            "guide.md": page(title: "Guide", extra: "kind: guidance\naudience: [professionals, communities]", body: "Signs of grooming."),
            "professionals/cse.md": page(title: "Child sexual exploitation"),
            "parents-carers/sleep.md": page(title: "Safe sleep", body: "Words that only hold the letters: csexy, abcse."),
        ])
        defer { unsaid.remove() }
        let warned = located(unsaid.problems())
        #expect(warned == [
            "guide.md:2:8: this page for parents, young people or communities is about child sexual exploitation, but does not say whether it needs the quick exit",
            "parents-carers/fgm.md:2:8: this page for parents, young people or communities is about female genital mutilation, but does not say whether it needs the quick exit",
        ])
        #expect(unsaid.problems().allSatisfy { !$0.isError })
    }

    /// An escape sequence in a file's name or text could recolour, rewrite or hide what the
    /// terminal shows: every character that commands a terminal is printed as a symbol.
    @Test func controlCharactersFromContentNeverReachTheTerminal() {
        let scratch = Scratch([
            "a\u{1B}[2Jb.md": page(title: "T"),
            "c.md": "---\ntitle: \u{1B}]0;owned\u{7}: x\u{9B}31m\u{202E}\nsummary: S.\n---\n",
        ])
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(problems.count == 2)
        let report = DiagnosticFormatter().report(problems)
        #expect(!report.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(report.contains("a␛[2Jb.md"))
        #expect(report.contains("title: ␛]0;owned␇: x<U+9B>31m<U+202E>"))
        #expect(DiagnosticFormatter.visible("Rebuilt after a change to Content/\u{1B}[31mred.md") == "Rebuilt after a change to Content/␛[31mred.md")
    }

    /// Headings take ids clear of every id a template writes, and ids made from data (groups,
    /// months, levels) yield to headings on the same page: no page has an id twice.
    @Test func noPageHasTheSameIDTwice() throws {
        var files = TrainingData.files()
        let headings = "## Dates\n\n## Outcomes\n\n## Related\n\n## Contents\n\n## Main content\n\n## Levels\n\n## Topics\n\n## Upcoming\n\n## December 2026\n\n## Level 1\n\n## Courses\n\n## Roles\n\n## 2013\n\n## Current\n\n## Sections\n"
        files["data/courses.yaml"] = TrainingData.courses.replacingOccurrences(of: "    A day on child protection.\n", with: "    A day on child protection.\n\n    ## Dates\n\n    ## Outcomes\n\n    ## Related\n")
        files["data/levels.yaml"] = TrainingData.levels
            .replacingOccurrences(of: "    Know the signs and [who to tell](/worried-about-a-child/).\n", with: "    Know the signs.\n\n    ## Level 1\n\n    ## Courses\n\n    ## Roles\n")
            .replacingOccurrences(of: "description: Recognise, record and refer.", with: "description: |\n    ## Courses\n\n    Recognise, record and refer.")
        files["training/index.md"] = page(title: "Training", body: headings)
        files["news/index.md"] = page(title: "News", body: headings)
        files["news/one.md"] = page(title: "One", extra: "kind: newsletter\nissue: 1\ndate: 2013-01-10")
        files["policies/index.md"] = page(title: "Policies", body: headings)
        files["policies/a.md"] = page(title: "A", extra: "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2030-01-01\nstatus: current")
        files["guide.md"] = page(title: "Guide", extra: "related: [/news/]", body: headings + "\n[one](/news/one/)")
        let scratch = Scratch(files)
        defer { scratch.remove() }
        let result = try scratch.build()
        var checked = 0
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            let ids = attributeValues(in: html, names: ["id"])
            #expect(Set(ids).count == ids.count, "\(file.path): \(ids.sorted())")
            // aria-labelledby names one id or several (a chart: its title and its description).
            for target in attributeValues(in: html, names: ["aria-labelledby"]).flatMap({ $0.split(separator: " ") }) {
                #expect(ids.contains(String(target)), "\(file.path): aria-labelledby=\(target)")
            }
            checked += 1
        }
        #expect(checked > 20)
        let guide = try #require(scratch.html("/guide/", in: result))
        #expect(guide.contains(#"<h2 id="related-2">"#) && guide.contains(#"<h2 class="heading-m" id="related">Related</h2>"#))
    }

    @Test func imagesNeedADescription() {
        let scratch = Scratch(["poster.md": page(title: "Poster", body: "Intro.\n\n![](/assets/favicon.svg)\n\n![ ](/assets/favicon.svg) ![A poster](/assets/favicon.svg)")])
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "poster.md:7:1: this image has no description (alt text)",
            "poster.md:9:1: this image has no description (alt text)",
        ])
    }

    /// An image is checked like a link: its source must be a file of the site.
    @Test func imagesMustExist() {
        let scratch = Scratch([
            "poster.md": page(title: "Poster", body: "![Logo](/images/logo.png) ![Icon](/assets/favicon.sv) ![Here](poster.png) ![Page](/accessibility/)\n\n![Fine](/assets/favicon.svg) ![Far](https://example.org/a.png)"),
        ])
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == [
            "poster.md:5:1: “/images/logo.png” is an image at /images/logo.png, which is not a file of this site",
            "poster.md:5:27: “/assets/favicon.sv” is an image at /assets/favicon.sv, which is not a file of this site",
            "poster.md:5:55: “poster.png” is an image at /poster/poster.png, which is not a file of this site",
            "poster.md:5:75: “/accessibility/” is an image at /accessibility/, which is not a file of this site",
        ])
        #expect(problems[1].hint?.hasPrefix("Did you mean /assets/favicon.svg?") == true)
    }

    @Test func plainAddressesReadAsFoundationReadsThem() throws {
        for link in ["/", "/a/", "/a/b/", "/a/b", "/assets/site.css", "/a/#part-2", "/a/b/#", "/a_b/c-d.e/", "/a/.../", "/.well-known/x"] {
            let plain = try #require(LinkChecker.plainAddress(link))
            let url = try #require(URL(string: link, relativeTo: URL(string: "https://site.invalid/x/")))
            let path = url.path.isEmpty ? "/" : url.path + (url.hasDirectoryPath && url.path != "/" ? "/" : "")
            #expect(plain.path == path && plain.fragment == url.fragment, "\(link)")
        }
        for link in ["a/", "//x/", "/a//b/", "/a/../b/", "/a/./", "/a/..", "/..", "/a b/", "/caf%C3%A9/", "/a/?q=1", "/a/#x/y"] {
            #expect(LinkChecker.plainAddress(link) == nil, "\(link)")
        }
    }
}
