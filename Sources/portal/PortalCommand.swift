import ArgumentParser
import Foundation
import Portal

@main
struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Builds the safeguarding board's website from its Markdown pages.",
        discussion: """
            Write pages as .md files in the Content folder, then run `portal build`. The finished \
            website appears in the Site folder. If anything is wrong, nothing is changed and every \
            problem is listed with its file, line and what to do.
            """,
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website into the Site folder.",
        discussion: """
            Reads every page in the content folder and the templates in the theme folder, checks \
            them (missing fields, broken links, mistakes in dates), and writes the website. The \
            previous website is replaced only when the whole build succeeds.
            """)

    @Option(help: ArgumentHelp("The folder with your pages and site.yaml.", valueName: "folder"))
    var content = "Content"

    @Option(help: ArgumentHelp("The folder with the templates and styles.", valueName: "folder"))
    var theme = "Theme"

    @Option(help: ArgumentHelp("Where to put the finished website.", valueName: "folder"))
    var output = "Site"

    @Option(help: ArgumentHelp(
        "Build the site as it will be on this day, written 2026-11-21. Pages with a later publish date are left out. (default: today)",
        valueName: "date"))
    var now: String?

    @Flag(help: "Also build drafts and pages with a future publish date, to preview them.")
    var drafts = false

    func validate() throws {
        if let now, Day(iso: now) == nil {
            throw ValidationError("--now must be a date written year-month-day, like 2026-11-21 (got “\(now)”).")
        }
    }

    func run() throws {
        let started = Date()
        let day = now.flatMap(Day.init(iso:)) ?? Day.today()
        let options = BuildOptions(content: content, theme: theme, output: output, now: day, includeDrafts: drafts)
        let formatter = DiagnosticFormatter(colour: Terminal.supportsColour)
        do {
            let result = try Build.run(options)
            if !result.warnings.isEmpty { Terminal.error(formatter.report(result.warnings)) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("Built \(result.pageCount) pages into \(output)/ in \(seconds) s.")
        } catch let failure as BuildFailed {
            Terminal.error(formatter.report(failure.diagnostics))
            let errors = failure.diagnostics.filter(\.isError).count
            Terminal.error("The build stopped: \(errors) error\(errors == 1 ? "" : "s") to fix. \(output)/ was not changed.")
            throw ExitCode.failure
        } catch let failure as OutputWriter.Failure {
            Terminal.error("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}

enum Terminal {
    static var supportsColour: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
