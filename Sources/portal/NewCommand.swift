import ArgumentParser
import Foundation
import Portal
import PortalCommandLine

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new newsletter, page or policy from a ready-made file.",
        discussion: """
            Writes a new file with all its front matter filled in, as a draft, and says where it \
            is. A newsletter gets the next issue number and today's date. Example:
              portal new newsletter "Newsletter, December 2026"
            """)

    @Argument(help: ArgumentHelp("What to create: newsletter, page or policy.", valueName: "kind"))
    var kind: Scaffold.Kind

    @Argument(help: ArgumentHelp("Its title, in quotes.", valueName: "title"))
    var title: String

    @Option(name: .customLong("in"), help: ArgumentHelp(
        "The folder inside the content folder to put it in (default: publications/newsletters for a newsletter, professionals/policies for a policy, the top for a page).",
        valueName: "folder"))
    var folder: String?

    @Option(help: ArgumentHelp("The folder with your pages and site.yaml.", valueName: "folder"))
    var content = "Content"

    @Option(help: ArgumentHelp("A folder of templates and styles in place of the built-in theme's. (default: Theme, if there is one)", valueName: "folder"))
    var theme: String?

    func run() throws {
        let today = Day.today()
        // Read the site as it stands, drafts included, to number the issue after the last one.
        let options = BuildOptions(content: content, theme: theme ?? "Theme", themeRequired: theme != nil, output: "", now: today, includeDrafts: true)
        let site: Site
        do {
            site = try Build.resolve(options).site
        } catch {
            Terminal.error(DiagnosticFormatter(colour: Terminal.supportsColour).report(error.diagnostics))
            Terminal.error("Fix these first: a new page is added only to a site that builds.")
            throw ExitCode.failure
        }
        do {
            let created = try Scaffold.plan(
                kind, title: title, folder: folder, today: today, existing: site.pages.map(\.page),
                owner: site.config.shortName, contentRoot: content)
            let path = "\(content)/\(created.relativePath)"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(created.text.utf8).write(to: URL(fileURLWithPath: path))
            print("Created \(path)\(created.issue.map { " (issue \($0))" } ?? ""), as a draft.")
            print("1. Open it and write the summary and the text.")
            print("2. Preview it: portal serve --drafts")
            print("3. When it is ready, delete the line `draft: true` and run: portal build")
        } catch let failure as Scaffold.Failure {
            Terminal.error("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
