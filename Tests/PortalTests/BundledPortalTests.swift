import Foundation
import Testing

@testable import Portal

/// The board's real portal in Content/, built with the real theme: it must build cleanly,
/// have the pages the board promised, and link only to pages that exist.
@Suite struct BundledPortalTests {
    static let result: Result<BuildResult, BuildFailed> = Result { () throws(BuildFailed) -> BuildResult in
        try Build.generate(BuildOptions(
            content: Repo.content, theme: Repo.theme, output: "\(Repo.root)/Site", now: Day(iso: "2026-11-21")!))
    }

    var files: [String: String] {
        get throws {
            let result = try Self.result.get()
            return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        }
    }

    @Test func buildsWithNoProblems() throws {
        switch Self.result {
        case .success(let result):
            #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        case .failure(let failure):
            Issue.record("the portal does not build:\n\(DiagnosticFormatter().report(failure.diagnostics))")
        }
    }

    @Test(arguments: [
        "/", "/worried-about-a-child/",
        "/parents-carers/", "/parents-carers/child-sexual-exploitation/", "/parents-carers/private-fostering/",
        "/parents-carers/safe-sleep/", "/parents-carers/choosing-a-private-tutor/",
        "/young-people/", "/young-people/getting-help/", "/young-people/cse-and-healthy-relationships/",
        "/young-people/staying-safe-online/",
        "/professionals/", "/professionals/child-sexual-exploitation/", "/professionals/private-fostering/",
        "/professionals/thresholds-and-early-help/", "/professionals/allegations-against-staff/",
        "/professionals/policies/",
        "/about/", "/about/vision-and-priorities/", "/about/members/", "/about/working-groups/",
        "/publications/annual-reports/2012-13/", "/publications/newsletters/", "/training/",
        "/accessibility/", "/privacy/", "/contact/",
    ])
    func promisedPageExists(url: String) throws {
        let html = try #require(try files[URLMapping.outputPath(for: url)], "\(url) was not built")
        #expect(html.utf8.count > 3000, "\(url) looks empty")
    }

    /// The journey the training issue promises: home → training → which level → a role →
    /// a recommended course with upcoming dates and a booking link.
    @Test func aProfessionalFindsACourseForTheirRole() throws {
        let files = try files
        func page(_ url: String) throws -> String { try #require(files[URLMapping.outputPath(for: url)], "\(url) missing") }
        func links(_ html: String) -> [String] { attributeValues(in: html, names: ["href"]) }
        #expect(links(try page("/")).contains("/training/"))
        #expect(links(try page("/training/")).contains("/training/roles/"))
        let roles = try page("/training/roles/")
        #expect(links(roles).contains("/training/roles/teacher/"))
        let teacher = try page("/training/roles/teacher/")
        let recommended = teacher.components(separatedBy: "id=\"recommended\"")[1].components(separatedBy: "<h2")[0]
        let courses = links(recommended).filter { $0.hasPrefix("/training/courses/") }
        #expect(!courses.isEmpty)
        let bookable = try courses.map(page).filter { html in
            let upcoming = html.components(separatedBy: "<details")[0]
            return upcoming.contains("Places available") && links(upcoming).contains { $0.hasPrefix("mailto:") || $0.hasPrefix("https:") }
        }
        #expect(!bookable.isEmpty, "a recommended course for teachers has an upcoming session to book")
    }

    @Test func theCatalogueHasTheRealProgrammeAndItsFiles() throws {
        let files = try files
        let courses = files.keys.filter { $0.hasPrefix("training/courses/") && $0.hasSuffix("/index.html") }
        #expect(courses.count >= 30)
        let catalogue = try CatalogueData.decode(Data(try #require(try Self.result.get().files.first { $0.path == "training/courses.json" }).contents))
        let titles = Set(catalogue.courses.map(\.title))
        for title in ["Attachment Theory", "Safeguarding Level 1", "Safeguarding Level 2", "Working to Raise Awareness of Prevent (WRAP)",
                      "Private Fostering, Trafficking and Exploitation of Children"] {
            #expect(titles.contains(title), "the 2012/13 course “\(title)” is in the catalogue")
        }
        for url in ["/training/brochure/", "/training/levels/level-1/", "/training/attendance/2012-13/"] {
            #expect(files[URLMapping.outputPath(for: url)] != nil, "\(url) was not built")
        }
        #expect(files["training/calendar.ics"]?.hasPrefix("BEGIN:VCALENDAR\r\n") == true)
        #expect(files["training/attendance/2012-13/index.html"]?.contains(">731<") == true)
    }

    @Test func thereAreAtLeastThreeNewsletters() throws {
        let newsletters = try files.keys.filter { $0.hasPrefix("publications/newsletters/") && $0 != "publications/newsletters/index.html" }
        #expect(newsletters.count >= 3)
    }

    @Test func theAnnualReportHasItsSections() throws {
        let html = try #require(try files["publications/annual-reports/2012-13/index.html"])
        for heading in ["Foreword", "Priorities", "Private fostering", "Finance", "Working group"] {
            #expect(html.contains(heading), "the annual report has no “\(heading)”")
        }
        #expect(html.contains("class=\"contents-list\""))
    }

    @Test func everyInternalLinkLeadsToAPageThatExists() throws {
        let files = try files
        var checked = 0
        for (path, html) in files where path.hasSuffix(".html") {
            let pageURL = "/" + path.dropLast("index.html".count)
            for link in attributeValues(in: html, names: ["href", "src"]) {
                // Pagefind's files are made from the built site afterwards (make site).
                guard !link.contains(":"), !link.hasPrefix("//"), !link.hasPrefix("/pagefind/") else { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? pageURL : parts[0]
                #expect(target.hasPrefix("/"), "\(path): relative link \(link)")
                let file = target.hasSuffix("/") ? String(target.dropFirst()) + "index.html" : String(target.dropFirst())
                let targetHTML = files[file] ?? (FileManager.default.fileExists(atPath: "\(Repo.theme)/\(file)") ? "" : nil)
                #expect(targetHTML != nil, "\(path) links to \(link), which does not exist")
                if parts.count == 2, !parts[1].isEmpty, let targetHTML {
                    #expect(targetHTML.contains("id=\"\(parts[1])\""), "\(path) links to \(link): no such anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func everyPageHasOneH1AndADescriptiveTitle() throws {
        // Site pages; the email versions of newsletters are documents of their own.
        for (path, html) in try files where path.hasSuffix("index.html") || path == "404.html" {
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have exactly one h1")
            #expect(html.contains("<html lang=\"en-GB\""))
            let title = html.components(separatedBy: "<title>")[1].components(separatedBy: "</title>")[0]
            if path == "index.html" {
                #expect(title == "Havering Local Safeguarding Children Board")
            } else {
                #expect(title.hasSuffix(" – Havering Local Safeguarding Children Board"), "\(path): \(title)")
            }
            #expect(html.contains("<a href=\"#main-content\" class=\"skip-link\">"))
            #expect(html.contains("tel:999"), "\(path) must show the 999 contact")
        }
    }

    @Test func nothingTracksOrLoadsFromElsewhere() throws {
        for (path, html) in try files {
            // Scripts only from this site, in files (quick exit, search), never inline.
            for script in html.components(separatedBy: "<script").dropFirst() {
                #expect(script.hasPrefix(" src=\"/assets/") || script.hasPrefix(" src=\"/pagefind/"), "\(path) has an inline or outside script")
            }
            #expect(!html.localizedCaseInsensitiveContains("document.cookie"))
            #expect(!html.contains("localStorage"))
            for link in attributeValues(in: html, names: ["src"]) {
                #expect(!link.contains("://"), "\(path) loads \(link) from another site")
            }
            for stylesheet in html.components(separatedBy: "<link ").dropFirst() where stylesheet.hasPrefix("rel=\"stylesheet\"") {
                #expect(stylesheet.contains("href=\"/"), "\(path) loads a stylesheet from another site")
            }
        }
        let css = try String(contentsOfFile: "\(Repo.theme)/assets/site.css", encoding: .utf8)
        #expect(!css.contains("@import") && !css.contains("url("), "the stylesheet must not fetch fonts or images")
    }

    @Test func phoneNumbersAreSampleOrNationalOnes() throws {
        let allowed: Set<String> = ["999", "101", "08088005000", "08001111", "116000"]
        for (path, html) in try files {
            for link in attributeValues(in: html, names: ["href"]) where link.hasPrefix("tel:") {
                let number = String(link.dropFirst(4))
                #expect(allowed.contains(number) || number.hasPrefix("01632960"), "\(path) calls \(number)")
            }
        }
        for relative in SourceTree.list(Repo.content) {
            let text = try String(contentsOfFile: "\(Repo.content)/\(relative)", encoding: .utf8)
            for email in matches(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]+"#, in: text) {
                #expect(email.hasSuffix("@example.org") || email == "help@nspcc.org.uk", "\(relative) mentions \(email)")
            }
            for number in matches(of: #"\b0\d{2,4}[ \d]{6,9}\d\b"#, in: text) {
                let digits = number.filter(\.isNumber)
                #expect(allowed.contains(digits) || digits.hasPrefix("01632960"), "\(relative) mentions \(number)")
            }
        }
    }

    @Test func sensitivePagesAreMarked() throws {
        for relative in ["parents-carers/child-sexual-exploitation.md", "parents-carers/private-fostering.md", "young-people/cse-and-healthy-relationships.md"] {
            let (page, _) = PageParser.parse(try SourceTree.read(root: Repo.content, relativePath: relative, displayRoot: "Content").get())
            #expect(page?.isSensitive == true, "\(relative) must be sensitive")
        }
    }
}

/// Values of the given attributes, in document order.
func attributeValues(in html: String, names: [String]) -> [String] {
    names.flatMap { name in
        html.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

func matches(of pattern: String, in text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
        Range($0.range, in: text).map { String(text[$0]) }
    }
}
