import Foundation
import Testing

@testable import Portal

/// The search index: made by Pagefind when it is installed, as the last step before the
/// site is put in place; without it, a search page that loads nothing that is not there.
@Suite struct SearchIndexTests {
    /// A stand-in for Pagefind: writes a file into the index folder it is given, or fails.
    func fakePagefind(in folder: String, failing: Bool = false) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let program = "\(folder)/pagefind"
        let script = failing
            ? "#!/bin/sh\necho 'Error: no pages to index' >&2\nexit 1\n"
            : "#!/bin/sh\nwhile [ $# -gt 0 ]; do if [ \"$1\" = --output-path ]; then out=$2; fi; shift; done\nmkdir -p \"$out\" && echo index > \"$out/pagefind-ui.js\"\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: program))
        chmod(program, 0o755)
        return program
    }

    @Test func pagefindIsFoundOnThePathOrBesidePython() throws {
        let root = NSTemporaryDirectory() + "portal-pagefind-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(SearchIndex.find(path: "\(root)/none", home: root) == nil)
        let onPath = try fakePagefind(in: "\(root)/bin")
        #expect(SearchIndex.find(path: "/nonexistent:\(root)/bin", home: root)?.program == onPath)
        // pip install 'pagefind[bin]' into a virtual environment.
        let venv = "\(root)/venv"
        try FileManager.default.createDirectory(atPath: "\(venv)/bin", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: "\(venv)/bin/python3", contents: Data("#!/bin/sh\n".utf8))
        chmod("\(venv)/bin/python3", 0o755)
        let packaged = try fakePagefind(in: "\(venv)/lib/python3.11/site-packages/pagefind_bin")
        #expect(SearchIndex.find(path: "\(venv)/bin", home: root)?.program == packaged)
        // pip install --user.
        let user = try fakePagefind(in: "\(root)/.local/lib/python3.12/site-packages/pagefind_bin")
        #expect(SearchIndex.find(path: "\(root)/none", home: root)?.program == user)
    }

    @Test func theIndexIsMadeBeforeTheSiteIsPutInPlace() throws {
        let site = Scratch()
        defer { site.remove() }
        var options = site.options()
        options.searchIndex = SearchIndex(program: try fakePagefind(in: site.root + "/tools"))
        _ = try Build.run(options)
        #expect(FileManager.default.fileExists(atPath: site.output + "/pagefind/pagefind-ui.js"))
        let search = try String(contentsOfFile: site.output + "/search/index.html", encoding: .utf8)
        #expect(search.contains(#"<script src="/pagefind/pagefind-ui.js" defer></script>"#))
        #expect(search.contains("data-search"))
        // Again, over the last: one index, in place.
        _ = try Build.run(options)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output).filter { $0.contains("pagefind") } == ["pagefind"])
    }

    @Test func aPagefindFailureLeavesTheSiteAsItWas() throws {
        let site = Scratch()
        defer { site.remove() }
        _ = try Build.run(site.options())
        let before = SourceTree.list(site.output)
        var options = site.options()
        options.searchIndex = SearchIndex(program: try fakePagefind(in: site.root + "/tools", failing: true))
        #expect {
            _ = try Build.run(options)
        } throws: { error in
            "\(error)".contains("Pagefind could not make the search index: Error: no pages to index")
        }
        #expect(SourceTree.list(site.output) == before)
    }

    /// Without Pagefind the search page loads nothing that would not be there.
    @Test func withoutAnIndexTheSearchPageOffersTheAToZ() throws {
        let site = Scratch()
        defer { site.remove() }
        let result = try site.build()
        let search = try #require(site.html("/search/", in: result))
        #expect(!search.contains("pagefind") && !search.contains("data-search") && !search.contains("unsafe-eval"))
        #expect(search.contains(#"id="a-to-z""#))
    }
}
