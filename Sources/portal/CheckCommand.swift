import ArgumentParser
import Foundation
import Portal
import PortalCommandLine

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List what needs attention: details still to be added, policies due for review, old pages, drafts, topics nothing uses, links to other sites, and pages harder to read than their reading target, with the reading figures of every page for the public.",
        discussion: "Changes nothing and visits no website: links to other sites are listed for you to check.")

    @Option(help: ArgumentHelp("The folder with your pages and site.yaml.", valueName: "folder"))
    var content = "Content"

    @Option(help: ArgumentHelp("A folder of templates and styles in place of the built-in theme's. (default: Theme, if there is one)", valueName: "folder"))
    var theme: String?

    @Option(help: ArgumentHelp("Check as on this day, written 2026-11-21. (default: today)", valueName: "date"))
    var now: String?

    func validate() throws {
        if let now, Day(iso: now) == nil {
            throw ValidationError("--now must be a date written year-month-day, like 2026-11-21 (got “\(now)”).")
        }
    }

    func run() throws {
        let day = now.flatMap(Day.init(iso:)) ?? Day.today()
        let options = BuildOptions(content: content, theme: theme ?? "Theme", themeRequired: theme != nil, output: "", now: day, includeDrafts: true,
            readingOverTargetStops: false)
        do {
            let site = try Build.resolve(options).site
            print(ContentReport(site: site, now: day).text, terminator: "")
        } catch {
            Terminal.error(DiagnosticFormatter(colour: Terminal.supportsColour).report(error.diagnostics))
            Terminal.error("The site does not build: fix these problems first.")
            throw ExitCode.failure
        }
    }
}
