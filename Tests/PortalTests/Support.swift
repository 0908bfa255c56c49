import Foundation
import Testing

@testable import Portal

/// Paths inside the repository, found from this file so tests run from any folder.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let content = "\(root)/Content"
    static let theme = "\(root)/Theme"
    static let fixtures = "\(root)/Tests/PortalTests/Fixtures"
}

/// A throwaway site in a temporary folder: a content folder made of the given files, built
/// with the built-in theme (and the files of `theme`, if a test writes any there).
struct Scratch {
    let root: String
    var content: String { "\(root)/Content" }
    var output: String { "\(root)/Site" }
    var theme: String { "\(root)/Theme" }

    static let siteYAML = """
        name: Test Safeguarding Children Board
        short_name: Test LSCB
        base_url: https://lscb.example.org
        description: A test site.
        navigation:
          - title: Parents and carers
            url: /parents-carers/
        doors:
          - title: Parents and carers
            url: /parents-carers/
            text: Advice for families.
        contacts:
          - label: If a child is in immediate danger
            phone: "999"
          - label: Children's services
            phone: 01632 960100
        contacts_page: /worried-about-a-child/
        quick_exit: https://www.bbc.co.uk/weather
        quick_exit_help: /worried-about-a-child/
        footer:
          - title: Accessibility
            url: /accessibility/

        """

    /// `files` maps paths inside Content/ to their text; site.yaml and the pages the
    /// settings link to are added unless given.
    init(_ files: [String: String] = [:]) {
        root = NSTemporaryDirectory() + "portal-test-\(UUID().uuidString)"
        var all = [
            "site.yaml": Scratch.siteYAML,
            "index.md": page(title: "Home"),
            "parents-carers/index.md": page(title: "Parents and carers"),
            "accessibility.md": page(title: "Accessibility"),
            "worried-about-a-child.md": page(title: "Worried about a child?"),
        ]
        all.merge(files) { $1 }
        for (path, text) in all { write(path, text) }
    }

    func write(_ path: String, _ text: String) {
        writeBytes(path, Array(text.utf8))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8], in folder: String? = nil) {
        let full = "\(folder ?? content)/\(path)"
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func options(now: String = "2026-11-21", drafts: Bool = false) -> BuildOptions {
        BuildOptions(content: content, theme: theme, output: output, now: Day(iso: now)!, includeDrafts: drafts)
    }

    func build(now: String = "2026-11-21", drafts: Bool = false) throws(BuildFailed) -> BuildResult {
        try Build.generate(options(now: now, drafts: drafts))
    }

    /// The problems a build reports, or none if it succeeds.
    func problems(now: String = "2026-11-21") -> [Diagnostic] {
        do {
            return try build(now: now).warnings
        } catch {
            return error.diagnostics
        }
    }

    /// A built page's HTML.
    func html(_ url: String, in result: BuildResult) -> String? {
        let path = URLMapping.outputPath(for: url)
        return result.files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// A copy of the real theme inside the scratch folder, to break on purpose.
    func copyTheme() throws -> String {
        try FileManager.default.copyItem(atPath: Repo.theme, toPath: theme)
        return theme
    }

    /// The problems a build with another theme reports, or none if it succeeds.
    func problems(theme: String) -> [Diagnostic] {
        var options = options()
        options.theme = theme
        do {
            return try Build.generate(options).warnings
        } catch {
            return error.diagnostics
        }
    }

    /// Deletes the scratch folder once the old sites of its builds are deleted (by a
    /// process of their own, after each build returns): deleting a folder another process
    /// is emptying stops at the first file already gone.
    func remove() {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline,
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).contains(where: { $0.contains(".deleting-") })
        {
            usleep(20_000)
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// A page's text with front matter.
func page(
    title: String, summary: String = "A summary.", extra: String = "", body: String = "Some text."
) -> String {
    "---\ntitle: \(title)\nsummary: \(summary)\n\(extra.isEmpty ? "" : extra + "\n")---\n\(body)\n"
}

/// "path:line:col: message" of each diagnostic, for compact assertions.
func located(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.sortedForReport().map {
        // Scratch sites live in a temporary folder: show their paths from Content/.
        let message = $0.message.replacingOccurrences(of: #"/\S*/portal-test-[^/]+/"#, with: "", options: .regularExpression)
        return "\($0.location.path.split(separator: "/Content/").last ?? ""):\($0.location.line):\($0.location.column): \(message)"
    }
}

func sourceFile(_ text: String, path: String = "Content/test.md") -> SourceFile {
    SourceFile(path: path, relativePath: String(path.dropFirst("Content/".count)), text: text)
}
