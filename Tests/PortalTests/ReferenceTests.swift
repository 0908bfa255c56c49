import Testing

@testable import Portal

@Suite struct ReferenceTests {
    let policy = "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2014-01-01\nstatus: current"

    func site(_ body: String, extra: String = "") -> Scratch {
        Scratch(TrainingData.files().merging([
            "professionals/policies/threshold-document.md": page(title: "Threshold document", extra: policy, body: "## Levels of need\n\nFour."),
            "news/2013-11-issue-2.md": page(title: "Issue 2", extra: "kind: newsletter\nissue: 2\ndate: 2013-11-15"),
            "reports/2012-13.md": page(title: "Annual report", extra: "kind: report\nperiod: 2012-13\npublished: 2013-09-19"),
            "parents-carers/private-fostering.md": page(title: "Private fostering", body: "## Who must tell us\n\nParents."),
            "links.md": page(title: "Links", extra: extra, body: body),
        ]) { $1 })
    }

    @Test func typedLinksBecomeAddresses() throws {
        let scratch = site("""
            [a](page:parents-carers/private-fostering#who-must-tell-us) [b](policy:threshold-document#levels-of-need)
            [c](newsletter:2) [d](newsletter:2013-11-issue-2) [e](report:2012-13) [f](course:core) [g](level:level-1)
            [h](topic:online-safety) [i](role:teacher) [j](page:) [k](page:/parents-carers/private-fostering/)
            """)
        defer { scratch.remove() }
        let html = try #require(scratch.html("/links/", in: try scratch.build()))
        for address in [
            "/parents-carers/private-fostering/#who-must-tell-us", "/professionals/policies/threshold-document/#levels-of-need",
            "/news/2013-11-issue-2/", "/reports/2012-13/", "/training/courses/core/", "/training/levels/level-1/",
            "/training/topics/online-safety/", "/training/roles/teacher/", "/", "/parents-carers/private-fostering/",
        ] {
            #expect(html.contains("href=\"\(address)\""), "\(address)")
        }
        #expect(!html.contains("href=\"policy:"))
    }

    @Test func wrongReferencesAreErrorsAtTheirLineAndColumn() {
        let scratch = site("""
            [a](page:parents-carers/private-fosterin) [b](policy:threshold#levels-of-need)
            [c](newsletter:9) [d](course:cor) [e](policy:threshold-document#levels)
            """)
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == [
            "links.md:5:1: there is no page “parents-carers/private-fosterin” (in “page:parents-carers/private-fosterin”)",
            "links.md:5:43: there is no policy “threshold” (in “policy:threshold#levels-of-need”)",
            "links.md:6:1: there is no newsletter “9” (in “newsletter:9”)",
            "links.md:6:19: there is no course with the id “cor” (in “course:cor”)",
            "links.md:6:35: /professionals/policies/threshold-document/ has no heading with the anchor #levels (in “policy:threshold-document#levels”)",
        ])
        #expect(problems[0].hint?.hasPrefix("Did you mean “parents-carers/private-fostering”?") == true)
        #expect(problems[3].hint?.hasPrefix("Did you mean “core”?") == true)
    }

    @Test func relatedAndMentionedIn() throws {
        let scratch = site(
            "See [the threshold](policy:threshold-document).",
            extra: "related: [page:parents-carers/private-fostering#who-must-tell-us, course:core, /news/]")
        defer { scratch.remove() }
        let result = try scratch.build()
        let links = try #require(scratch.html("/links/", in: result))
        let related = links.components(separatedBy: "id=\"related\"")[1].components(separatedBy: "</ul>")[0]
        #expect(related.contains("<a href=\"/parents-carers/private-fostering/#who-must-tell-us\">Private fostering: Who must tell us</a>"))
        #expect(related.contains("<a href=\"/training/courses/core/\">"))
        #expect(related.contains("<a href=\"/news/\">News</a>"))
        let threshold = try #require(scratch.html("/professionals/policies/threshold-document/", in: result))
        #expect(threshold.contains("id=\"mentioned-in\""))
        #expect(threshold.contains("<li><a href=\"/links/\">Links</a></li>"))

        let bad = site("Text.", extra: "related: [policy:nope, /nowhere/]")
        defer { bad.remove() }
        #expect(located(bad.problems()) == [
            "links.md:4:11: there is no policy “nope” (in “policy:nope”)",
            "links.md:4:24: “/nowhere/” leads to /nowhere/, which is not a page of this site",
        ])
    }
}
