import Foundation
import Testing

@testable import Portal

/// Printed pages: each annual report and the training brochure as a page for paper, made
/// into a PDF by WeasyPrint when it is installed, linked from its page with its size and
/// pages, and made again only when the page for paper changes. (The PDFs WeasyPrint makes
/// are read back in Tests/browser/test_print.py.)
@Suite struct PrintTests {
    /// A real two-page PDF, made by WeasyPrint for the tests of PDF facts.
    static let twoPages = "\(Repo.fixtures)/pdf/tagged.pdf"

    /// A stand-in for WeasyPrint: copies a real PDF to the output it is given and counts its
    /// runs in `runs`; or fails, or never finishes.
    enum Behaviour { case prints, fails, hangs }

    func fakeWeasyPrint(in folder: String, _ behaviour: Behaviour = .prints) throws -> Printer {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let program = "\(folder)/weasyprint"
        let script = switch behaviour {
        case .prints: "#!/bin/sh\necho run >> '\(folder)/runs'\ncp '\(Self.twoPages)' \"$2\"\n"
        case .fails: "#!/bin/sh\necho 'ERROR: Failed to load stylesheet' >&2\nexit 1\n"
        case .hangs: "#!/bin/sh\nexec sleep 60\n"
        }
        try Data(script.utf8).write(to: URL(fileURLWithPath: program))
        chmod(program, 0o755)
        return Printer(program: program)
    }

    func runs(_ folder: String) -> Int {
        ((try? String(contentsOfFile: "\(folder)/runs", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    static let report = page(
        title: "Annual Report 2025-26", summary: "How well children were kept safe.",
        extra: "kind: report\nperiod: 2025-26\npublished: 2026-09-01",
        body: "## Foreword\n\nText.\n\n## Our priorities\n\nMore.\n\n### Early help\n\nEven more.\n")

    func reportSite() -> Scratch {
        Scratch(["publications/annual-reports/2025-26.md": Self.report, "publications/index.md": page(title: "Publications")])
    }

    func options(_ site: Scratch, printer: Printer?) -> BuildOptions {
        var options = site.options()
        options.printer = printer
        options.cache = site.root + "/.portal-cache"
        return options
    }

    @Test func weasyPrintIsFoundOnThePathOrInAPythonEnvironment() throws {
        let root = NSTemporaryDirectory() + "portal-weasyprint-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(Printer.find(path: "\(root)/none", home: root) == nil)
        let onPath = try fakeWeasyPrint(in: "\(root)/tools").program
        #expect(Printer.find(path: "/nonexistent:\(root)/tools", home: root)?.program == onPath)
        // pip install weasyprint into a virtual environment, whose python3 is on PATH as a link.
        let venv = try fakeWeasyPrint(in: "\(root)/venv/bin").program
        FileManager.default.createFile(atPath: "\(root)/venv/bin/python3", contents: Data("#!/bin/sh\n".utf8))
        chmod("\(root)/venv/bin/python3", 0o755)
        try FileManager.default.createDirectory(atPath: "\(root)/links", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/links/python3", withDestinationPath: "\(root)/venv/bin/python3")
        #expect(Printer.find(path: "\(root)/links", home: root)?.program == venv)
        // pip install --user.
        _ = try fakeWeasyPrint(in: "\(root)/.local/bin")
        #expect(Printer.find(path: "\(root)/none", home: root)?.program == "\(root)/.local/bin/weasyprint")
    }

    /// A report becomes a page for paper: a cover, a contents page whose entries lead to the
    /// report's headings, and its text; a page of another kind is not printed.
    @Test func aReportIsMadeIntoAPageForPaper() throws {
        let site = reportSite()
        defer { site.remove() }
        let (resolved, theme, _) = try Build.resolve(site.options())
        let renderer = Renderer(site: resolved, theme: theme)
        let sources = renderer.printSources()
        #expect(sources.map(\.url) == ["/publications/annual-reports/2025-26/"])
        #expect(sources.map(\.path) == ["publications/annual-reports/2025-26.pdf"])
        let html = try #require(sources.first?.html)
        #expect(html.contains(#"<html lang="en-GB">"#))
        #expect(html.contains("<title>Annual Report 2025-26</title>"))
        #expect(html.contains(#"<meta name="author" content="Test Safeguarding Children Board">"#))
        #expect(html.contains(#"<h1 class="print-cover__title">Annual Report 2025-26</h1>"#))
        #expect(html.contains("Online at <a href=\"https://lscb.example.org/publications/annual-reports/2025-26/\">"))
        // Every contents entry leads to a heading of the text, which WeasyPrint numbers.
        let targets = Self.links(in: html, within: "print-contents")
        #expect(targets == ["foreword", "our-priorities", "early-help"])
        for id in targets { #expect(Self.count(of: "id=\"\(id)\"", in: html) == 1) }
        // The page's own stylesheet comes inside: WeasyPrint fetches nothing.
        #expect(html.contains("@page") && html.contains("target-counter") && !html.contains("<link"))
    }

    /// The brochure prints with a contents page of levels and their courses and an index of
    /// the courses by topic, every entry leading to a course's heading.
    @Test func theBrochurePrintsWithContentsAndAnIndexByTopic() throws {
        let options = BuildOptions(content: Repo.content, theme: Repo.theme, output: "", now: Day(iso: "2026-12-03")!)
        let (site, theme, _) = try Build.resolve(options)
        let renderer = Renderer(site: site, theme: theme)
        let brochure = try #require(renderer.printSource("/training/brochure/"))
        #expect(brochure.path == "training/brochure.pdf")
        let catalogue = try #require(site.generated.values.compactMap { $0.view as? TrainingBrochureView }.first)
        let courses = catalogue.levels.flatMap(\.courses)
        #expect(courses.count == 33)
        let contents = Self.links(in: brochure.html, within: "print-contents")
        #expect(contents == catalogue.levels.flatMap { [$0.id] + $0.courses.map(\.id) })
        let index = Self.links(in: brochure.html, within: "print-index")
        #expect(Set(index) == Set(courses.map(\.id)))
        for id in contents { #expect(Self.count(of: "id=\"\(id)\"", in: brochure.html) == 1, "\(id)") }
        // What only a screen needs stays on screen.
        #expect(!brochure.html.contains("Which level of training do I need?"))
        #expect(Self.count(of: "<h1", in: brochure.html) == 1)
    }

    @Test func aPrintedPageLinksToItsPDFWithItsSizeAndPages() throws {
        let site = reportSite()
        defer { site.remove() }
        let printer = try fakeWeasyPrint(in: site.root + "/tools")
        let result = try Build.run(options(site, printer: printer))
        #expect(result.printable == 1)
        let pdf = try #require(FileManager.default.contents(atPath: site.output + "/publications/annual-reports/2025-26.pdf"))
        #expect(pdf == FileManager.default.contents(atPath: Self.twoPages))
        let html = try String(contentsOfFile: site.output + "/publications/annual-reports/2025-26/index.html", encoding: .utf8)
        let size = FileSize.text(pdf.count)
        #expect(html.contains(
            #"<p class="download">Download <a href="/publications/annual-reports/2025-26.pdf" type="application/pdf">Annual Report 2025-26 (PDF, \#(size), 2 pages)</a></p>"#))
        let other = try String(contentsOfFile: site.output + "/publications/index.html", encoding: .utf8)
        #expect(!other.contains(#"class="download""#))
    }

    @Test func withoutWeasyPrintThereIsNoPDFAndNoLink() throws {
        let site = reportSite()
        defer { site.remove() }
        let result = try Build.run(options(site, printer: nil))
        #expect(result.printable == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/publications/annual-reports/2025-26.pdf"))
        let html = try String(contentsOfFile: site.output + "/publications/annual-reports/2025-26/index.html", encoding: .utf8)
        #expect(!html.contains(".pdf") && !html.contains(#"class="download""#))
    }

    /// A page for paper printed before is not printed again, by a build or by the preview;
    /// an edit to the printed page prints it again, an edit to another page does not.
    @Test func aPageIsPrintedAgainOnlyWhenItChanges() throws {
        let site = reportSite()
        defer { site.remove() }
        let tools = site.root + "/tools"
        let options = options(site, printer: try fakeWeasyPrint(in: tools))
        _ = try Build.run(options)
        _ = try Build.run(options)
        #expect(runs(tools) == 1)
        let session = BuildSession(options: options)
        _ = try session.rebuild(changed: nil)
        #expect(runs(tools) == 1)
        site.write("publications/index.md", page(title: "Publications", body: "Other text."))
        _ = try session.rebuild(changed: [site.content + "/publications/index.md"])
        #expect(runs(tools) == 1)
        site.write("publications/annual-reports/2025-26.md", Self.report.replacingOccurrences(of: "More.", with: "More still."))
        let outcome = try session.rebuild(changed: [site.content + "/publications/annual-reports/2025-26.md"])
        #expect(outcome.incremental)
        #expect(runs(tools) == 2)
        #expect(FileManager.default.fileExists(atPath: site.output + "/publications/annual-reports/2025-26.pdf"))
        // The cache keeps what the site uses now, not every version printed.
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.root + "/.portal-cache/print").filter { $0.hasSuffix(".pdf") }
        #expect(kept.count == 1)
    }

    @Test func aWeasyPrintFailureLeavesTheSiteAsItWas() throws {
        let site = reportSite()
        defer { site.remove() }
        _ = try Build.run(site.options())
        let before = SourceTree.list(site.output)
        let options = options(site, printer: try fakeWeasyPrint(in: site.root + "/tools", .fails))
        #expect {
            _ = try Build.run(options)
        } throws: { error in
            "\(error)".contains("WeasyPrint could not make a PDF: ERROR: Failed to load stylesheet")
        }
        #expect(SourceTree.list(site.output) == before)
    }

    @Test func aWeasyPrintThatNeverFinishesIsStopped() throws {
        let root = NSTemporaryDirectory() + "portal-weasyprint-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        var printer = try fakeWeasyPrint(in: root, .hangs)
        printer.timeout = 1
        let started = Date()
        #expect {
            _ = try printer.print("<p>Text</p>", baseURL: "https://lscb.example.org")
        } throws: { error in
            "\(error)".contains("WeasyPrint took more than 1 seconds to make a PDF, and was stopped")
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// WeasyPrint reads nothing from the disk or the web: the page for paper holds all it
    /// needs, and links are made whole with the site's address.
    @Test func weasyPrintFetchesNothing() {
        let arguments = Printer(program: "weasyprint").arguments(input: "in.html", output: "out.pdf", baseURL: "https://lscb.example.org")
        #expect(arguments.contains("--allowed-protocols") && arguments[arguments.firstIndex(of: "--allowed-protocols")! + 1] == "data")
        #expect(arguments.contains("pdf/ua-1"))
    }

    @Test func sizesAreWrittenAsGOVUKWritesThem() {
        #expect(FileSize.text(512) == "512 bytes")
        #expect(FileSize.text(1_499) == "1 KB")
        #expect(FileSize.text(184_723) == "185 KB")
        #expect(FileSize.text(999_499) == "999 KB")
        #expect(FileSize.text(999_500) == "1 MB")
        #expect(FileSize.text(1_230_000) == "1.2 MB")
        #expect(FileSize.text(20_000_000) == "20 MB")
        #expect(FileSize.text(12_345_678) == "12 MB")
    }

    /// The `href="#…"` targets of the links inside the element with `class="…"`.
    static func links(in html: String, within className: String) -> [String] {
        guard let start = html.range(of: "class=\"\(className)\"") else { return [] }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</nav>")?.lowerBound ?? rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return rest[..<end].components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func count(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
