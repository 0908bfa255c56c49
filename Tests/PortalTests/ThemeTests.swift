import Foundation
import Testing

@testable import Portal

/// The theme built into portal, and a project's theme folder in its place file by file.
@Suite struct ThemeTests {
    /// The program carries the repository's Theme/ exactly, every file.
    @Test func theBuiltInThemeIsTheRepositorysThemeFolder() throws {
        let folder = SourceTree.list(Repo.theme)
        #expect(Theme.builtIn.map(\.path) == folder)
        for file in Theme.builtIn {
            let onDisk = try #require(FileManager.default.contents(atPath: "\(Repo.theme)/\(file.path)"))
            #expect(file.bytes == [UInt8](onDisk), "\(file.path) differs from Theme/")
        }
    }

    /// A project without a theme folder builds the same site as one with the default theme.
    @Test func aProjectNeedsNoThemeFolder() throws {
        let options = BuildOptions(content: Repo.content, theme: "/nonexistent/Theme", output: "", now: Day(iso: "2026-11-21")!)
        var withFolder = options
        withFolder.theme = Repo.theme
        let builtIn = try Build.generate(options)
        let fromFolder = try Build.generate(withFolder)
        #expect(builtIn.files.map(\.path) == fromFolder.files.map(\.path))
        #expect(builtIn.files.map(\.contents) == fromFolder.files.map(\.contents))
        #expect(builtIn.copies.map(\.outputPath) == fromFolder.copies.map(\.outputPath))
        #expect(builtIn.copies.map { $0.contents() } == fromFolder.copies.map { $0.contents() })
    }

    /// A file in the project's theme folder takes the place of the built-in one; the rest
    /// stay built in, and new files are added.
    @Test func aThemeFolderOverridesFileByFile() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.writeBytes("assets/site.css", Array("body { color: black; }\n".utf8), in: scratch.theme)
        scratch.writeBytes("assets/extra.txt", Array("more\n".utf8), in: scratch.theme)
        let footer = try #require(Theme.builtIn.first { $0.path == "templates/footer.mustache" })
        let changed = String(decoding: footer.bytes, as: UTF8.self).replacingOccurrences(of: "</footer>", with: "<p>Our own footer line.</p></footer>")
        scratch.writeBytes("templates/footer.mustache", Array(changed.utf8), in: scratch.theme)
        let result = try scratch.build()
        let css = try #require(result.copies.first { $0.outputPath == "assets/site.css" }?.contents())
        #expect(String(decoding: css, as: UTF8.self) == "body { color: black; }\n")
        #expect(result.copies.contains { $0.outputPath == "assets/extra.txt" })
        #expect(result.copies.contains { $0.outputPath == "assets/quick-exit.js" })
        let home = try #require(scratch.html("/", in: result))
        #expect(home.contains("<p>Our own footer line.</p></footer>"))
        #expect(home.contains("class=\"quick-exit") || home.contains("<header"), "the other templates are the built-in ones")
    }

    /// A mistake in an overriding template is reported in that file, at its line.
    @Test func aMistakeInAnOverrideNamesTheProjectsFile() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        scratch.writeBytes("templates/footer.mustache", Array("<footer>\n{{#contacts}}\n</footer>\n".utf8), in: scratch.theme)
        let problems = scratch.problems().filter(\.isError)
        #expect(problems.count == 1)
        #expect(problems.first?.location.path == "\(scratch.theme)/templates/footer.mustache")
        #expect(problems.first?.location.line == 2)
    }

    /// A theme folder that was asked for must exist; the default one need not.
    @Test func aThemeFolderNamedButMissingIsAnError() {
        let scratch = Scratch()
        defer { scratch.remove() }
        var options = scratch.options()
        options.theme = scratch.root + "/Thme"
        options.themeRequired = true
        #expect(throws: BuildFailed.self) { try Build.generate(options) }
        do {
            _ = try Build.generate(options)
        } catch {
            #expect(located(error.diagnostics).first?.hasSuffix("the theme folder does not exist") == true)
        }
    }

    /// `portal theme copy` writes the built-in files, one or all, and never overwrites.
    @Test func themeCopyWritesTheBuiltInFilesAndOverwritesNothing() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let one = try ThemeCopy.write(ThemeCopy.files(named: ["site.css"]), into: scratch.theme)
        #expect(one == ["\(scratch.theme)/assets/site.css"])
        #expect(throws: NewFiles.Failure.self) { try ThemeCopy.write(ThemeCopy.files(named: []), into: scratch.theme) }
        #expect(SourceTree.list(scratch.theme) == ["assets/site.css"], "nothing else was written")
        try FileManager.default.removeItem(atPath: scratch.theme)
        let all = try ThemeCopy.write(ThemeCopy.files(named: []), into: scratch.theme)
        #expect(all.count == Theme.builtIn.count)
        #expect(SourceTree.list(scratch.theme) == SourceTree.list(Repo.theme))
        #expect(throws: ThemeCopy.Failure.self) { try ThemeCopy.files(named: ["site.ccs"]) }
        _ = try scratch.build()
    }

    /// Comments are for whoever edits the theme: readers on a phone pay for every byte.
    @Test func stylesheetsArePublishedWithoutComments() {
        let css = "/* A comment\n   on two lines */\nbody { color: red; } /* after */\na::before { content: \"/* not one */\"; }\n/* open"
        #expect(String(decoding: StyleSheet.withoutComments(Array(css.utf8)), as: UTF8.self)
            == "body { color: red; } \na::before { content: \"/* not one */\"; }\n")
    }
}
