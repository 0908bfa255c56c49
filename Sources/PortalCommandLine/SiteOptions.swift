import Foundation
import ArgumentParser
import Portal

/// The options every command that builds the site shares.
public struct SiteOptions: ParsableArguments {
    public init() {}

    @Option(help: ArgumentHelp("The folder with your pages and site.yaml.", valueName: "folder"))
    public var content = "Content"

    @Option(help: ArgumentHelp(
        "A folder of templates and styles that take the place of the built-in theme's, file by file. (default: Theme, if there is one)",
        valueName: "folder"))
    public var theme: String?

    @Option(help: ArgumentHelp("Where to put the finished website.", valueName: "folder"))
    public var output = "Site"

    @Option(help: ArgumentHelp(
        "Build the site as it will be on this day, written 2026-11-21. Pages with a later publish date are left out. (default: today)",
        valueName: "date"))
    public var now: String?

    @Flag(help: "Also build drafts and pages with a future publish date, to preview them.")
    public var drafts = false

    @Flag(help: "Replace the output folder even if it holds files portal did not make (they are deleted).")
    public var force = false

    @Flag(help: "Make no search index, even if Pagefind is installed: the search page then offers the A to Z alone.")
    public var noSearchIndex = false

    @Flag(name: .customLong("no-pdf"), help: "Make no PDFs of the training brochure and reports, even if WeasyPrint is installed: their pages then link to none.")
    public var noPDF = false

    /// Said once, when WeasyPrint was looked for and not found, and the site has pages to print.
    public static let noWeasyPrint = """
        Note: no PDFs of the training brochure and reports, since WeasyPrint is not installed; their pages link to none. \
        To add them: pip install weasyprint, or put the weasyprint program on your PATH.
        """

    /// Said once, when Pagefind was looked for and not found.
    public static let noPagefind = """
        Note: no search index, since Pagefind is not installed; the search page offers the A to Z alone. \
        To add search: pip install 'pagefind[bin]', or put the pagefind program on your PATH.
        """

    public func validate() throws {
        if let now, Day(iso: now) == nil {
            throw ValidationError("--now must be a date written year-month-day, like 2026-11-21 (got “\(now)”).")
        }
    }

    public var buildOptions: BuildOptions {
        BuildOptions(
            content: content, theme: theme ?? "Theme", themeRequired: theme != nil, output: output, now: now.flatMap(Day.init(iso:)) ?? Day.today(),
            includeDrafts: drafts, force: force, searchIndex: noSearchIndex ? nil : SearchIndex.find(),
            printer: noPDF ? nil : Printer.find(), cache: cache)
    }

    /// Where PDFs made before are kept: `.portal-cache` in the project, the folder that holds
    /// the content folder (git-ignored).
    public var cache: String {
        let parent = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent().path
        return "\(parent)/.portal-cache"
    }
}
