import Testing

@testable import Portal

@Suite struct ReferenceTests {
    let policy = "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2013-01-01\nreview: 2014-01-01\nstatus: current"

    func site(_ body: String, extra: String = "") -> Scratch {
        Scratch(TrainingData.files().merging([
            "professionals/policies/threshold-document.md": page(title: "Threshold document", extra: policy, body: "## Levels of need\n\nFour."),
            "news/2013-11-issue-2.md": page(title: "Issue 2", extra: "kind: newsletter\nissue: 2\ndate: 2013-11-15"),
            "reports/2012-13.md": page(title: "Annual report", extra: "kind: report\nperiod: 2012-13\npublished: 2013-09-19"),
            "parents-carers/private-fostering.md": page(title: "Private fostering", extra: "sensitive: true", body: "## Who must tell us\n\nParents tell us."),
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
            "/topics/online-safety/", "/training/roles/teacher/", "/", "/parents-carers/private-fostering/",
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

    /// One mistake, one error: links to a page whose front matter is wrong, or into
    /// training data with a mistake, are not reported again.
    @Test func aMistakeIsReportedOnceNotAtEveryLinkToWhatItBroke() {
        var files = TrainingData.files(replacing: "venues.yaml", with: TrainingData.venues.replacingOccurrences(of: "  access: Step-free entrance.\n", with: ""))
        files["professionals/policies/threshold-document.md"] = page(title: "Threshold: document", extra: policy)
        files["links.md"] = page(title: "Links", extra: "related: [policy:threshold-document]", body: "[a](page:professionals/policies/threshold-document) [b](policy:threshold-document) [c](course:core) [d](course:cor) [e](venue:x)")
        let scratch = Scratch(files)
        defer { scratch.remove() }
        #expect(located(scratch.problems()) == [
            "data/venues.yaml:1:3: `access` is missing from the entry starting here",
            "links.md:6:101: there is no course with the id “cor” (in “course:cor”)",
            "links.md:6:117: links starting `venue:` are not allowed",
            "professionals/policies/threshold-document.md:2:17: a value contains a colon followed by a space",
        ])
        // With the courses' own file broken, no course id can be checked: none is reported.
        let courses = Scratch(TrainingData.files(replacing: "courses.yaml", with: "- id: core\n  title: [broken\n").merging([
            "links.md": page(title: "Links", body: "[c](course:core) [d](course:cor) [l](level:level-9)"),
        ]) { $1 })
        defer { courses.remove() }
        let problems = located(courses.problems())
        #expect(problems.allSatisfy { $0.hasPrefix("data/courses.yaml") || $0.contains("level-9") }, "\(problems)")
        #expect(problems.contains("links.md:5:34: there is no level with the id “level-9” (in “level:level-9”)"))
    }

    /// Markdown in the data (a course's description) takes typed links as a page's text does.
    @Test func typedLinksInDataText() throws {
        var files = TrainingData.files()
        files["data/courses.yaml"] = TrainingData.courses.replacingOccurrences(
            of: "    A day on child protection.\n", with: "    A day on the [threshold](policy:threshold-document#levels-of-need) and [basics](course:basics).\n")
        files["professionals/policies/threshold-document.md"] = page(title: "Threshold document", extra: policy, body: "## Levels of need\n\nFour.")
        let scratch = Scratch(files)
        defer { scratch.remove() }
        let html = try #require(scratch.html("/training/courses/core/", in: try scratch.build()))
        #expect(html.contains(#"<a href="/professionals/policies/threshold-document/#levels-of-need">threshold</a>"#))
        #expect(html.contains(#"<a href="/training/courses/basics/">basics</a>"#))
        let wrong = Scratch(TrainingData.files().merging(["data/courses.yaml": TrainingData.courses.replacingOccurrences(
            of: "    A day on child protection.\n", with: "    A day on the [threshold](policy:threshold).\n")]) { $1 })
        defer { wrong.remove() }
        #expect(located(wrong.problems()) == ["data/courses.yaml:18:18: there is no policy “threshold” (in “policy:threshold”)"])
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
