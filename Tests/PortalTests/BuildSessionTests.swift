import Foundation
import Testing

@testable import Portal

/// `portal serve`'s rebuilds: an edit to a page's text rebuilds only what it affects, and
/// the site on disk is then exactly what a full build makes.
@Suite struct BuildSessionTests {
    func files(_ root: String) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: SourceTree.list(root).map { ($0, [UInt8](FileManager.default.contents(atPath: "\(root)/\($0)")!)) })
    }

    /// The output folder equals a build from nothing of the same content.
    func expectSameAsFullBuild(
        _ scratch: Scratch, options: BuildOptions? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var fresh = options ?? scratch.options()
        fresh.output = scratch.root + "/Fresh"
        _ = try Build.run(fresh)
        let incremental = files(scratch.output), full = files(fresh.output)
        #expect(incremental.keys.sorted() == full.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in full where incremental[path] != bytes {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
    }

    @Test func anEditToAPagesTextRebuildsThatPageAndThePagesItMentions() throws {
        let scratch = Scratch([
            "news/a.md": page(title: "A", body: "See [B's part](/news/b/#part-one)."),
            "news/b.md": page(title: "B", body: "## Part one\n\nText."),
            "news/c.md": page(title: "C", body: "Plain text."),
        ])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        let first = try session.rebuild(changed: nil)
        #expect(!first.incremental && first.rendered == first.result.pageCount)

        // C's text now mentions B: C and B ("Mentioned in") are rendered again.
        scratch.write("news/c.md", page(title: "C", body: "Now see [B](/news/b/)."))
        let edit = try session.rebuild(changed: ["\(scratch.content)/news/c.md"])
        #expect(edit.incremental && edit.rendered == 2)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: scratch.output + "/news/b/index.html")), as: UTF8.self).contains("/news/c/"))
        try expectSameAsFullBuild(scratch)

        // Saved without a change: nothing to do.
        #expect(try session.rebuild(changed: ["\(scratch.content)/news/c.md"]).rendered == 0)

        // A renamed heading that A links to: a full build, which reports the broken link.
        scratch.write("news/b.md", page(title: "B", body: "## Part 1\n\nText."))
        #expect(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/news/b.md"]) }
        scratch.write("news/b.md", page(title: "B", body: "## Part one\n\nText, longer."))
        #expect(try !session.rebuild(changed: ["\(scratch.content)/news/b.md"]).incremental)
        scratch.write("news/b.md", page(title: "B", body: "## Part one\n\nText, longer still."))
        #expect(try session.rebuild(changed: ["\(scratch.content)/news/b.md"]).incremental)
        try expectSameAsFullBuild(scratch)

        // A new title shows in lists and menus: everything is built again.
        scratch.write("news/c.md", page(title: "C renamed", body: "Now see [B](/news/b/)."))
        let renamed = try session.rebuild(changed: ["\(scratch.content)/news/c.md"])
        #expect(!renamed.incremental && renamed.rendered == renamed.result.pageCount)
        try expectSameAsFullBuild(scratch)

        // The settings, a new file, or a change not followed: a full build too.
        scratch.write("news/d.md", page(title: "D"))
        #expect(try !session.rebuild(changed: ["\(scratch.content)/news/d.md"]).incremental)
        try expectSameAsFullBuild(scratch)
    }

    @Test func aTemplateEditRendersThePagesThatUseIt() throws {
        let scratch = Scratch(["news/a.md": page(title: "A"), "news/b.md": page(title: "B", body: "Text.")])
        defer { scratch.remove() }
        var options = scratch.options()
        options.theme = scratch.root + "/Theme"
        try FileManager.default.copyItem(atPath: Repo.theme, toPath: options.theme)
        func edit(_ file: String, _ change: (String) -> String) throws -> BuildSession.Outcome {
            let path = "\(options.theme)/\(file)"
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
            return try session.rebuild(changed: [path])
        }
        let session = BuildSession(options: options)
        let built = try session.rebuild(changed: nil).result.pageCount

        // The page template: the pages it fills, not the section lists or the home page.
        let paged = try edit("templates/page.mustache") { $0 + "<p class=\"edited\">Edited</p>\n" }
        let showing = SourceTree.list(options.output).filter { path in
            guard path.hasSuffix("index.html"), let html = try? String(contentsOfFile: "\(options.output)/\(path)", encoding: .utf8) else { return false }
            return html.contains("class=\"edited\"")
        }
        #expect(paged.incremental && paged.rendered == showing.count && showing.count < built)
        try expectSameAsFullBuild(scratch, options: options)

        // A partial of the layout: every page.
        let footer = try edit("templates/footer.mustache") { $0.replacingOccurrences(of: "Support links", with: "Help and support") }
        #expect(footer.incremental && footer.rendered == built)
        try expectSameAsFullBuild(scratch, options: options)

        // A stylesheet: copied, no page rendered.
        let styles = try edit("assets/site.css") { $0 + "\n.edited { color: #0b0c0c; }\n" }
        #expect(styles.incremental && styles.rendered == 0)
        try expectSameAsFullBuild(scratch, options: options)

        // A template that blocks in page text render with: the pages are compiled again.
        #expect(try !edit("templates/data-table.mustache") { $0 + "\n" }.incremental)

        // A mistake: the full build reports it in the template, then builds the fix in full.
        #expect(throws: BuildFailed.self) { try edit("templates/page.mustache") { $0 + "{{#unclosed}}\n" } }
        #expect(try !edit("templates/page.mustache") { $0.replacingOccurrences(of: "{{#unclosed}}\n", with: "") }.incremental)
        try expectSameAsFullBuild(scratch, options: options)
    }

    @Test func aMistakeInAnEditIsReportedByAFullBuild() throws {
        let scratch = Scratch(["news/a.md": page(title: "A")])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        _ = try session.rebuild(changed: nil)
        scratch.write("news/a.md", page(title: "A", body: "A [broken link](/news/nowhere/)."))
        #expect {
            try session.rebuild(changed: ["\(scratch.content)/news/a.md"])
        } throws: { error in
            located((error as? BuildFailed)?.diagnostics ?? []).contains { $0.hasPrefix("news/a.md:5:3: ") }
        }
        // The fix is built in full: the session no longer knows what is on disk.
        scratch.write("news/a.md", page(title: "A", body: "Fixed."))
        #expect(try !session.rebuild(changed: ["\(scratch.content)/news/a.md"]).incremental)
        try expectSameAsFullBuild(scratch)
    }

    @Test func afterAFailedBuildAnotherPagesEditStillSeesTheMistake() throws {
        let scratch = Scratch(["news/a.md": page(title: "A"), "news/b.md": page(title: "B")])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        _ = try session.rebuild(changed: nil)
        scratch.write("news/a.md", page(title: "A, renamed", body: "A [broken link](/news/nowhere/)."))
        #expect(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/news/a.md"]) }
        // B's text alone changes next: A's mistake is still there and must still be reported.
        scratch.write("news/b.md", page(title: "B", body: "New text."))
        #expect(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/news/b.md"]) }
        scratch.write("news/a.md", page(title: "A, renamed"))
        _ = try session.rebuild(changed: ["\(scratch.content)/news/a.md"])
        try expectSameAsFullBuild(scratch)
    }

    @Test func aChangeToTheDataOrSettingsCompilesOnlyThePagesThatUseThem() throws {
        let table = "```table\nfile: plans.csv\ncaption: Plans\n```"
        let scratch = Scratch([
            "data/plans.csv": "Category,Plans\nNeglect,45\n",
            "reports/plans.md": page(title: "Plans", body: table),
            "news/a.md": page(title: "A", body: "See [the plans](page:reports/plans)."),
            "news/b.md": page(title: "B", body: "## Part one\n\nPlain text."),
            "news/c.md": page(title: "C", body: "Plain text, [linked](/news/b/#part-one)."),
        ])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        let first = try session.rebuild(changed: nil)
        let pages = SourceTree.list(scratch.content).filter { $0.hasSuffix(".md") }.count
        #expect(first.compiled == pages)

        // New data for a table: only the page showing it is compiled and rendered again.
        scratch.write("data/plans.csv", "Category,Plans\nNeglect,46\n")
        let data = try session.rebuild(changed: ["\(scratch.content)/data/plans.csv"])
        #expect(data.incremental && data.compiled == 1 && data.rendered == 1)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: scratch.output + "/reports/plans/index.html")), as: UTF8.self).contains("46"))
        try expectSameAsFullBuild(scratch)
        // A mistake in it: the full build reports it; fixed, the table's page again alone.
        scratch.write("data/plans.csv", "Category,Plans\nNeglect,forty\n")
        #expect(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/data/plans.csv"]) }
        scratch.write("data/plans.csv", "Category,Plans\nNeglect,47\n")
        #expect(try !session.rebuild(changed: ["\(scratch.content)/data/plans.csv"]).incremental)  // after a failure
        #expect(try session.rebuild(changed: ["\(scratch.content)/data/plans.csv"]).rendered == 0)  // saved unchanged
        try expectSameAsFullBuild(scratch)

        // New settings: the same two pages; a failed build in between changes nothing kept.
        scratch.write("site.yaml", "name: [unclosed\n")
        #expect(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/site.yaml"]) }
        scratch.write("site.yaml", Scratch.siteYAML.replacingOccurrences(of: "name: Test Safeguarding", with: "name: Other Safeguarding"))
        let settings = try session.rebuild(changed: ["\(scratch.content)/site.yaml"])
        #expect(settings.compiled == 2)
        try expectSameAsFullBuild(scratch)

        // A page whose front matter changed (a full build) is compiled again, with those two.
        scratch.write("news/c.md", page(title: "C renamed", body: "Plain text, [linked](/news/b/#part-one)."))
        #expect(try session.rebuild(changed: ["\(scratch.content)/news/c.md"]).compiled == 3)
        try expectSameAsFullBuild(scratch)

        // A removed page: the full build writes over the site in place, and its file and
        // folder go.
        try FileManager.default.removeItem(atPath: "\(scratch.content)/news/c.md")
        #expect(try !session.rebuild(changed: ["\(scratch.content)/news/c.md"]).incremental)
        #expect(!FileManager.default.fileExists(atPath: scratch.output + "/news/c"))
        try expectSameAsFullBuild(scratch)
    }

    /// The pages open in the preview's browser are written before the rest, after a template
    /// edit and after a settings edit (a full build): when they are, the others are still old.
    @Test func openPagesAreWrittenFirst() throws {
        let table = "```table\nfile: plans.csv\ncaption: Plans\n```"
        let scratch = Scratch([
            "data/plans.csv": "Category,Plans\nNeglect,45\n",
            "news/a.md": page(title: "A", body: table),
            "news/b.md": page(title: "B", body: table),
        ])
        defer { scratch.remove() }
        var options = scratch.options()
        options.theme = scratch.root + "/Theme"
        try FileManager.default.copyItem(atPath: Repo.theme, toPath: options.theme)
        let session = BuildSession(options: options)
        _ = try session.rebuild(changed: nil)
        let output = options.output
        let html: @Sendable (String) -> String = { page in
            (try? String(contentsOfFile: "\(output)/news/\(page)/index.html", encoding: .utf8)) ?? ""
        }
        final class Seen: @unchecked Sendable { var open = "", other = "", calls = 0 }

        for (file, edit, marker) in [
            ("\(options.theme)/templates/page.mustache", { (text: String) in text + "<p>Edited template</p>\n" }, "Edited template"),
            ("\(scratch.content)/site.yaml", { (text: String) in text.replacingOccurrences(of: "name: Test", with: "name: Renamed Test") }, "Renamed Test"),
        ] {
            try edit(try String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)
            let seen = Seen()
            let outcome = try session.rebuild(changed: [file], first: OpenPagesFirst(urls: ["/news/b/"]) {
                seen.open = html("b")
                seen.other = html("a")
                seen.calls += 1
            })
            #expect(seen.calls == 1, "\(file)")
            #expect(seen.open.contains(marker) && !seen.other.contains(marker), "\(file)")
            #expect(html("a").contains(marker), "\(file)")
            #expect(outcome.incremental == file.hasSuffix(".mustache"))
            try expectSameAsFullBuild(scratch, options: options)
        }
    }
}
